/**
 * The conversion as the site renders it, with every character OpenCC converted by its single-character
 * fallback marked (后 → 後, 发 → 發 …): the Studio's conversion pane highlights them with their alternatives.
 * Pure and browser-safe.
 *
 * `markingConverter` gives exactly what `localeConverter` (src/pipeline/locale-render.ts) gives, with markers
 * around the marked characters: the text is cut into the same spans (src/zh/overrides.ts: what an override or a
 * glossary fixes is never marked), each span is cut at its ambiguous characters — each is a segment of its own in
 * OpenCC's longest-match segmentation (src/zh/ambiguity-core.ts), so cutting there changes no conversion — and
 * the locale's typography, which never touches a Han character, runs over the whole. The markers are
 * private-use characters, put in after the typography; `highlightMarks` turns them into `<mark>` elements in the
 * rendered tree, `stripMarks` removes them.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { directionOf, findAmbiguitiesIn } from '../zh/ambiguity-core.ts';
import type { Convert } from '../zh/converter.ts';
import { spansOf, type Overrides } from '../zh/overrides.ts';
import type { OpenccTables } from '../zh/tables.ts';
import { typeset, type Quotes } from '../zh/typography.ts';
import { renderHast, type RenderBodyOptions } from './processor.ts';

/** A character the fallback converted: as written, what was written for it, and what else it could have been. */
export interface MarkedChoice {
  char: string;
  choice: string;
  /** The other candidates, in the target's own variant. */
  others: string[];
}

export interface MarkingOptions {
  tables: OpenccTables;
  /** OpenCC from the source's variant to the locale's (the converter `localeConverter` wraps). */
  plain: Convert;
  overrides: Overrides;
  quotes: Quotes;
  /** A candidate (OpenCC's standard Traditional) in the locale's own variant (裏 → 裡 in Taiwan). */
  variant: Convert;
}

const OPEN = '\uE000';
const MID = '\uE001';
const CLOSE = '\uE002';
const MARKED = /\uE000(\d+)\uE001([^\uE002]*)\uE002/gu;
const HAN = /\p{Script=Han}/u;

/** What `localeConverter` gives, with the fallback's choices marked; `found` collects them (a marker holds its index). */
export function markingConverter(options: MarkingOptions, found: MarkedChoice[]): Convert {
  const direction = directionOf(options.overrides.sourceLocale);
  return (input) => {
    let converted = '';
    let han = 0;
    /** Han characters of the converted text (counted from 0) that are marked → their index in `found`. */
    const marked = new Map<number, number>();
    const push = (text: string) => {
      converted += text;
      for (const c of text) if (HAN.test(c)) han++;
    };
    for (const span of spansOf(input, options.overrides)) {
      if (!span.convert || span.text === '') {
        push(span.text);
        continue;
      }
      const chars = [...span.text];
      let pos = 0;
      for (const a of findAmbiguitiesIn(options.tables, span.text, direction, options.plain)) {
        if (a.at > pos) push(options.plain(chars.slice(pos, a.at).join('')));
        const others = [...new Set(a.candidates.map(options.variant))].filter((c) => c !== a.choice);
        if ([...a.choice].length === 1 && HAN.test(a.choice) && others.length > 0) {
          marked.set(han, found.length);
          found.push({ char: a.char, choice: a.choice, others });
        }
        push(a.choice);
        pos = a.at + 1;
      }
      if (pos < chars.length) push(options.plain(chars.slice(pos).join('')));
    }
    let out = '';
    let n = 0;
    for (const c of typeset(converted, options.quotes)) {
      const index = HAN.test(c) ? marked.get(n++) : undefined;
      out += index === undefined ? c : `${OPEN}${index}${MID}${c}${CLOSE}`;
    }
    return out;
  };
}

/** A marked text without its markers: the text the site shows. */
export const stripMarks = (text: string): string => text.replace(MARKED, '$2');

/** A marked text in pieces: plain text, and marked characters with their index in `found`. */
export function markedPieces(text: string): { text: string; mark?: number }[] {
  const pieces: { text: string; mark?: number }[] = [];
  let pos = 0;
  for (const m of text.matchAll(MARKED)) {
    if (m.index > pos) pieces.push({ text: text.slice(pos, m.index) });
    pieces.push({ text: m[2]!, mark: Number(m[1]) });
    pos = m.index + m[0].length;
  }
  if (pos < text.length) pieces.push({ text: text.slice(pos) });
  return pieces;
}

/** How a marked character is described to the editor: 后 → 後 (also: 后). */
export const describeChoice = (choice: MarkedChoice): string => `${choice.char} → ${choice.choice} (also: ${choice.others.join(' / ')})`;

/** Turns the markers of a rendered tree into `<mark title="后 → 後 (also: 后)">` in text, and removes them from attributes. */
export function highlightMarks(tree: Root | Element, found: readonly MarkedChoice[]): void {
  const walk = (parent: Root | Element) => {
    const children: (RootContent | ElementContent)[] = [];
    for (const node of parent.children) {
      if (node.type === 'text' && node.value.includes(OPEN)) {
        for (const piece of markedPieces(node.value)) {
          const choice = piece.mark === undefined ? undefined : found[piece.mark];
          if (!choice) children.push({ type: 'text', value: piece.text });
          else
            children.push({
              type: 'element',
              tagName: 'mark',
              // A character OpenCC kept as written (面 → 面, not 麵) is marked too, as kept: its rarer forms need a phrase.
              properties: { title: describeChoice(choice), dataChar: choice.char, dataKept: choice.choice === choice.char ? '' : undefined },
              children: [{ type: 'text', value: piece.text }],
            });
        }
        continue;
      }
      if (node.type === 'element') {
        for (const [name, value] of Object.entries(node.properties)) if (typeof value === 'string') node.properties[name] = stripMarks(value);
        walk(node);
      }
      children.push(node);
    }
    parent.children = children as typeof parent.children;
  };
  walk(tree);
}

/** A parsed body (src/pipeline/processor.ts `parseBody`) rendered for one locale with a marking converter, as HTML with `<mark>`s. */
export function renderMarked(tree: Root, options: RenderBodyOptions, found: readonly MarkedChoice[]): string {
  const hast = renderHast(tree, options);
  highlightMarks(hast, found);
  return toHtml(hast);
}

/**
 * The checks an editor sees while writing (the Studio's validation, sanity/schemaTypes), in words for
 * editors. Pure and browser-safe: the Studio bundles this with OpenCC's dictionaries (src/zh/tables.ts);
 * the rules are the build's own (src/model/mojibake.ts refuses what the build refuses) plus what the review
 * and the importer report (src/zh/ambiguity-core.ts, src/zh/script-core.ts).
 *
 * - errors: mojibake, pinyin annotations, control characters;
 * - warnings: an ambiguous character (OpenCC chose by the character alone) with its choice and the fix;
 *   characters of the other script; Traditional text converted from Simplified character by character.
 */
import { describeForbidden, findForbiddenCharacters } from '../model/text-rules.ts';
import type { Locale, OpenccVariant } from '../model/locale.ts';
import { describeMojibake, findMojibake } from '../model/mojibake.ts';
import { describePinyin, findPinyin } from '../model/pinyin.ts';
import { directionOf, findAmbiguitiesIn } from './ambiguity-core.ts';
import { converter } from './converter.ts';
import { OverrideError, spansOf, type GlossaryEntry } from './overrides.ts';
import { detectMachineConversionIn, scriptWarningsIn } from './script-core.ts';
import type { OpenccTables } from './tables.ts';

/** Errors: what the build refuses or what never belongs in a published text. One message per kind. */
export function textErrors(text: string, multiline = false): string[] {
  return [
    describeMojibake(findMojibake(text), multiline),
    describePinyin(findPinyin(text)),
    describeForbidden(findForbiddenCharacters(text), multiline),
  ].filter(Boolean);
}

export interface Target {
  locale: Locale;
  variant: OpenccVariant;
}

export interface CheckContext {
  sourceLocale: Locale;
  /** The locales published from it (the other scripts), with their OpenCC variants. */
  targets: readonly Target[];
  /** The article's glossary: terms in the source script and their forms. */
  glossary?: readonly GlossaryEntry[];
}

const OPENCC_OF: Record<Locale, OpenccVariant> = { 'zh-Hans': 'cn', 'zh-Hant': 'tw', 'zh-Hant-HK': 'hk' };

/**
 * Warnings: each character OpenCC converts by its single-character default into another character in a short
 * text (a title, a summary), named with its choice and its other candidates, once per character and target;
 * what an override or a glossary entry fixes is not reported (the editor decided).
 */
export function ambiguityWarnings(tables: OpenccTables, text: string, context: CheckContext): string[] {
  const warnings: string[] = [];
  const from = OPENCC_OF[context.sourceLocale];
  for (const target of context.targets) {
    if (target.locale === context.sourceLocale) continue;
    let spans;
    try {
      spans = spansOf(text, { sourceLocale: context.sourceLocale, targetLocale: target.locale, article: context.glossary });
    } catch (error) {
      if (error instanceof OverrideError) return [error.message];
      throw error;
    }
    const convert = converter(from, target.variant);
    // Candidates in the target's own variant (裏 is written 裡 in Taiwan), as the review shows them.
    const variant = context.sourceLocale === 'zh-Hans' ? converter('t', target.variant) : (c: string) => c;
    const seen = new Map<string, { text: string; other: string }>();
    for (const span of spans) {
      if (!span.convert) continue;
      for (const a of findAmbiguitiesIn(tables, span.text, directionOf(context.sourceLocale), convert)) {
        // A character OpenCC keeps by default (面 → 面, not 麵; 家 → 家, not 傢) has rarer forms its phrases
        // catch: the review (zh:review) lists it, the editor is not warned.
        if (seen.has(a.char) || a.choice === a.char) continue;
        const others = [...new Set(a.candidates.map(variant))].filter((c) => c !== a.choice);
        seen.set(a.char, { text: `${a.char} → ${a.choice} (not ${others.join(' / ')}) in 「${a.context}」`, other: others[0] ?? a.choice });
      }
    }
    const [first] = seen;
    if (first) {
      const [char, { other }] = first;
      const example = context.sourceLocale === 'zh-Hans' ? `-{zh-hans:${char};zh-hant:${other}}-` : `-{zh-hans:${other};zh-hant:${char}}-`;
      warnings.push(
        `In ${target.locale}, OpenCC chose by the character alone: ${[...seen.values()].map((v) => v.text).join('; ')}. ` +
          `If a choice is wrong, add the word to "Glossary for this article" with both forms, or write the override markup around it (e.g. ${example}).`,
      );
    }
  }
  return warnings;
}

/**
 * Warnings on the script: characters of the other script (the review's wording), and a Traditional text
 * with Simplified-only characters, the trace of a character-by-character conversion, with the fix.
 */
export function scriptCheck(tables: OpenccTables, input: string, sourceLocale: Locale, glossary?: readonly GlossaryEntry[]): string[] {
  // The text as the editor wrote it, without what overrides and the glossary fix (they may be in the other script).
  let text: string;
  try {
    text = spansOf(input, { sourceLocale, targetLocale: sourceLocale, article: glossary })
      .filter((sp) => sp.convert)
      .map((sp) => sp.text)
      .join('\n');
  } catch (error) {
    if (error instanceof OverrideError) return [error.message];
    throw error;
  }
  const warnings = scriptWarningsIn(tables, text, sourceLocale);
  if (sourceLocale !== 'zh-Hans') {
    const machine = detectMachineConversionIn(tables, text);
    if (machine) {
      const fixes = machine.corrections.map((c) => `${c.from}→${c.to}`).join(', ');
      warnings.push(
        `This Traditional text looks converted from Simplified character by character (${machine.traces.map((t) => `${t.char} in 「${t.context}」`).join(', ')}): ` +
          `readers in Taiwan read such forms as mistakes${fixes ? `, and a phrase conversion writes ${fixes}` : ''}. ` +
          'Fix it the right way: set "Written in" to 简体 (zh-Hans) and paste the Simplified original (or import the page again: the importer recovers it), so that the conversion writes the Traditional text.',
      );
    }
  }
  return warnings;
}

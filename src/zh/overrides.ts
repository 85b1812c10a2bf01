/**
 * Overrides of machine conversion, modelled on MediaWiki's LanguageConverter:
 *
 * - inline markup `-{text}-` keeps `text` as written in every locale;
 * - inline markup `-{zh-hans:甲;zh-hant:乙}-` gives each locale its own form;
 * - an article glossary and the site glossary (term → per-locale forms);
 * - protected names (authors, source): converted on their own, so that OpenCC's phrases never
 *   cross their edges (云岭基金发布 must not become 雲嶺基金髮布 through the phrase 金发).
 *
 * Precedence: inline > article glossary > site glossary > protected names > OpenCC. Among terms,
 * the leftmost match wins, then the higher precedence, then the longer term.
 *
 * `withOverrides` wraps a plain converter: the text is cut into spans, every span to convert is
 * joined with NUL and converted in ONE call (OpenCC's phrases never span the separator), so the
 * cost stays that of one call per text however many names are protected.
 */
import { FALLBACK_LOCALE, type Locale } from '../model/locale.ts';
import type { Convert } from './convert.ts';

/** A term's forms per locale; a missing locale gets the term converted on its own. */
export type Forms = Partial<Record<Locale, string>>;

export interface GlossaryEntry {
  /** As written in the source text (either script; `forms[sourceLocale]` is matched too). */
  term: string;
  forms: Forms;
}

export interface Overrides {
  /** The script the text is written in. */
  sourceLocale: Locale;
  /** The script wanted. */
  targetLocale: Locale;
  article?: readonly GlossaryEntry[] | undefined;
  site?: readonly GlossaryEntry[] | undefined;
  /** Proper names: converted on their own, or given their forms. */
  names?: readonly GlossaryEntry[] | undefined;
}

/** Variant codes accepted in inline markup (MediaWiki's), mapped to Tongbao's locales. */
const VARIANTS: Record<string, Locale> = {
  'zh-hans': 'zh-Hans',
  'zh-cn': 'zh-Hans',
  'zh-sg': 'zh-Hans',
  'zh-my': 'zh-Hans',
  'zh-hant': 'zh-Hant',
  'zh-tw': 'zh-Hant',
  // Hong Kong and Macau forms: the zh-Hant-HK locale's, and zh-Hant's when it has none (FALLBACK_LOCALE).
  'zh-hant-hk': 'zh-Hant-HK',
  'zh-hk': 'zh-Hant-HK',
  'zh-mo': 'zh-Hant-HK',
};

export class OverrideError extends Error {
  override name = 'OverrideError';
}

/** A piece of output: a span to convert (`convert: true`) or a fixed output. */
export interface Span {
  text: string;
  convert: boolean;
}

const SEPARATOR = '\u0000';
const MARKUP = /-\{([\s\S]*?)\}-/g;
const PAIR = /^\s*(zh-[a-z]+(?:-[a-z]+)?)\s*:/i;

/** Pure: what one inline override gives in a locale. Throws OverrideError on bad markup. */
function resolveInline(inner: string, sourceLocale: Locale, targetLocale: Locale): Span {
  if (!PAIR.test(inner)) return { text: inner, convert: false };
  const forms: Forms = {};
  for (const part of inner.split(';')) {
    if (part.trim() === '') continue;
    const match = /^\s*(zh-[a-z]+(?:-[a-z]+)?)\s*:(.*)$/is.exec(part);
    const locale = match && VARIANTS[match[1]!.toLowerCase()];
    if (!match || !locale) {
      throw new OverrideError(
        `bad override -{${inner}}-: "${part.trim()}" is not "variant:text" with a variant of ${Object.keys(VARIANTS).join(', ')}`,
      );
    }
    const text = match[2]!.trim();
    if (text === '') throw new OverrideError(`bad override -{${inner}}-: ${match[1]} has no text`);
    forms[locale] ??= text;
  }
  return formOf({ term: '', forms }, sourceLocale, targetLocale);
}

/** What a glossary entry gives in the target locale: its own form, the fallback locale's form as written, or the term converted. */
function formOf(entry: GlossaryEntry, sourceLocale: Locale, targetLocale: Locale): Span {
  const fallback = FALLBACK_LOCALE[targetLocale];
  const own = entry.forms[targetLocale] ?? (fallback && entry.forms[fallback]);
  if (own !== undefined) return { text: own, convert: false };
  const written = entry.forms[sourceLocale] ?? entry.term;
  if (written !== '') return { text: written, convert: sourceLocale !== targetLocale };
  // Inline markup without the source locale's form: convert the form it has.
  const [locale, text] = Object.entries(entry.forms)[0] as [Locale, string];
  return { text, convert: locale !== targetLocale };
}

interface Match {
  start: number;
  end: number;
  tier: number;
  span: Span;
}

/** Pure: cuts a text (without markup) into spans by glossary terms and names. */
function splitByTerms(text: string, overrides: Overrides, into: Span[]): void {
  const { sourceLocale: from, targetLocale: to } = overrides;
  const matches: Match[] = [];
  const tiers = [overrides.article, overrides.site, overrides.names];
  tiers.forEach((entries, tier) => {
    for (const entry of entries ?? []) {
      const span = formOf(entry, from, to);
      for (const needle of new Set([entry.term, entry.forms[from]])) {
        if (!needle) continue;
        for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
          matches.push({ start: at, end: at + needle.length, tier, span });
        }
      }
    }
  });
  matches.sort((a, b) => a.start - b.start || a.tier - b.tier || b.end - a.end);
  let pos = 0;
  for (const m of matches) {
    if (m.start < pos) continue;
    if (m.start > pos) into.push({ text: text.slice(pos, m.start), convert: true });
    into.push(m.span);
    pos = m.end;
  }
  if (pos < text.length) into.push({ text: text.slice(pos), convert: true });
}

/** Plain text (may hold NULs, which stay and cut spans) into spans by glossary terms and names. */
function splitPlain(text: string, overrides: Overrides, into: Span[]): void {
  text.split(SEPARATOR).forEach((part, i) => {
    if (i > 0) into.push({ text: SEPARATOR, convert: false });
    if (part !== '') splitByTerms(part, overrides, into);
  });
}

/**
 * Pure: a text cut into spans: inline markup resolved, glossary terms and names isolated. Texts
 * joined with NUL (the nodes of a tree) keep their NULs; `-{…}-` may span nodes (`-{**粗体**}-`), the
 * variant form may not.
 */
export function spansOf(text: string, overrides: Overrides): Span[] {
  const spans: Span[] = [];
  let pos = 0;
  for (const m of text.matchAll(MARKUP)) {
    if (m.index > pos) splitPlain(text.slice(pos, m.index), overrides, spans);
    const inner = m[1]!;
    if (inner.includes(SEPARATOR)) {
      const shown = inner.replaceAll(SEPARATOR, '');
      if (PAIR.test(shown)) {
        throw new OverrideError(
          `bad override -{${shown}}-: formatting (bold, links…) inside -{zh-hans:…;zh-hant:…}- is not supported; put the formatting around the markup`,
        );
      }
      spans.push({ text: inner, convert: false });
    } else {
      spans.push(resolveInline(inner, overrides.sourceLocale, overrides.targetLocale));
    }
    pos = m.index + m[0].length;
  }
  if (pos < text.length) splitPlain(text.slice(pos), overrides, spans);
  return spans;
}

/**
 * A converter that honours the overrides. NULs in the input (texts joined by the caller) are kept and
 * cut spans, so one call still converts a whole tree.
 */
export function withOverrides(convert: Convert, overrides: Overrides): Convert {
  return (input) => {
    const spans = spansOf(input, overrides);
    const toConvert = spans.filter((s) => s.convert && s.text !== '');
    if (toConvert.length === 0) return spans.map((s) => s.text).join('');
    const converted = convert(toConvert.map((s) => s.text).join(SEPARATOR)).split(SEPARATOR);
    const out = converted.length === toConvert.length ? converted : toConvert.map((s) => convert(s.text));
    let i = 0;
    return spans.map((s) => (s.convert && s.text !== '' ? out[i++]! : s.text)).join('');
  };
}

/** Pure: the markup-free text as written (for search, lengths, script detection). */
export function stripMarkup(text: string, sourceLocale: Locale): string {
  return spansOf(text, { sourceLocale, targetLocale: sourceLocale })
    .map((s) => s.text)
    .join('');
}

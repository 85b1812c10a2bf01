/**
 * Glossaries, pure and browser-safe (the Studio's conversion pane bundles it with content/glossary.yaml):
 * the site glossary file's entries and the article glossary as entries. src/zh/glossary.ts reads the file for Node.
 *
 * - The article glossary (`glossary:` in the front matter / Sanity): `{ 云岭基金: { zh-Hant: 雲嶺基金 } }`.
 * - The site glossary, `content/glossary.yaml` (in TONGBAO_CONTENT_DIR): a YAML list of
 *   `{ term, zh-Hans?, zh-Hant?, zh-Hant-HK?, note? }`. A term without a form for a locale is converted on its own
 *   there, which already protects it from phrases crossing its edges.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fieldIssues } from '../model/issues.ts';
import type { Locale } from '../model/locale.ts';
import type { GlossaryEntry } from './overrides.ts';

const Term = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty');

/** The article field (src/model/article.ts): term → per-locale forms. */
export type ArticleGlossary = Partial<Record<string, Partial<Record<Locale, string>>>>;

const SiteEntrySchema = z
  .object({
    term: Term,
    'zh-Hans': Term.optional(),
    'zh-Hant': Term.optional(),
    /** Hong Kong form (sites publishing zh-Hant-HK); without it zh-Hant-HK takes the zh-Hant form. */
    'zh-Hant-HK': Term.optional(),
    /** Why the entry exists (for editors; not published). */
    note: z.string().optional(),
  })
  .strict();

export class GlossaryError extends Error {
  override name = 'GlossaryError';
}

export const SITE_GLOSSARY_FILE = 'glossary.yaml';

/** One entry of the site glossary as editors keep it: the term, its forms, the note. */
export type SiteGlossaryItem = z.output<typeof SiteEntrySchema>;

/** A bad entry of the site glossary: its position, its term when it has one, the field and what is wrong. */
export interface SiteGlossaryProblem {
  index: number;
  term?: string | undefined;
  field: string;
  message: string;
}

/**
 * Pure: the rules of the site glossary, wherever it is kept (content/glossary.yaml, the Sanity document
 * `siteGlossary`, the Studio's validation): every entry well-formed, every term once.
 */
export function checkSiteGlossary(items: readonly unknown[]): { items: SiteGlossaryItem[]; problems: SiteGlossaryProblem[] } {
  const problems: SiteGlossaryProblem[] = [];
  const seen = new Map<string, number>();
  const checked: SiteGlossaryItem[] = [];
  items.forEach((item, index) => {
    const raw = item && typeof item === 'object' && 'term' in item ? item.term : undefined;
    const term = typeof raw === 'string' ? raw : undefined;
    const result = SiteEntrySchema.safeParse(item);
    if (!result.success) {
      for (const { field, message } of fieldIssues(result.error, '(entry)')) problems.push({ index, term, field, message });
      return;
    }
    const previous = seen.get(result.data.term);
    if (previous !== undefined) {
      problems.push({ index, term, field: 'term', message: `"${result.data.term}" is already entry ${previous + 1}; keep one` });
      return;
    }
    seen.set(result.data.term, index);
    checked.push(result.data);
  });
  return { items: checked, problems };
}

/** How a problem reads in a message: `entry 2 ("云计算"): zh-Hant: must not be empty`. */
export const describeGlossaryProblem = (p: SiteGlossaryProblem): string =>
  `entry ${p.index + 1}${p.term !== undefined ? ` ("${p.term}")` : ''}: ${p.field}: ${p.message}`;

/** The entries the conversion reads (the note is for editors only). */
export const glossaryEntriesOf = (items: readonly SiteGlossaryItem[]): GlossaryEntry[] =>
  items.map(({ term, note: _note, ...forms }) => ({ term, forms }));

/** Pure: the entries of a site glossary file with their notes; errors name the file and the entry. */
export function parseSiteGlossaryItems(text: string, where: string): SiteGlossaryItem[] {
  let data: unknown;
  try {
    data = parseYaml(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new GlossaryError(`[tongbao] ${where}: malformed YAML: ${(error as Error).message}\n  Fix ${where} and build again.`);
  }
  if (data == null) return [];
  if (!Array.isArray(data)) {
    throw new GlossaryError(`[tongbao] ${where}: expected a YAML list of entries ("- term: …"). Fix ${where} and build again.`);
  }
  const { items, problems } = checkSiteGlossary(data);
  if (problems.length) {
    throw new GlossaryError(
      `[tongbao] ${where}: invalid glossary\n${problems.map((p) => `  - ${describeGlossaryProblem(p)}`).join('\n')}\n  Fix ${where} and build again.`,
    );
  }
  return items;
}

/** Pure: the entries of a site glossary file; errors name the file and the entry. */
export function parseSiteGlossary(text: string, where: string): GlossaryEntry[] {
  return glossaryEntriesOf(parseSiteGlossaryItems(text, where));
}

/**
 * The entries of a site glossary that can apply to some texts: those whose term, or whose form in the texts'
 * script, occurs in one (src/zh/overrides.ts matches nothing else).
 */
export function entriesIn(entries: readonly GlossaryEntry[], texts: readonly string[], sourceLocale: Locale): GlossaryEntry[] {
  // One string, the texts apart by NUL (no term holds one), searched once per needle.
  const all = texts.join('\u0000');
  return entries.filter((entry) => all.includes(entry.term) || (!!entry.forms[sourceLocale] && all.includes(entry.forms[sourceLocale])));
}

/** The article glossary as entries. */
export function articleGlossaryEntries(glossary: ArticleGlossary | undefined): GlossaryEntry[] {
  return Object.entries(glossary ?? {}).map(([term, forms]) => ({ term, forms: forms ?? {} }));
}

/** Sanity's field names for the forms (field names cannot hold hyphens): sanity/schemaTypes/documents/siteGlossary.ts. */
export const SANITY_FORM_FIELDS = { 'zh-Hans': 'zhHans', 'zh-Hant': 'zhHant', 'zh-Hant-HK': 'zhHantHK' } as const;

/** A field of an entry as the Studio names it (`zh-Hant` → `zhHant`), for messages about a Sanity document. */
export const sanityFieldOf = (field: string): string => SANITY_FORM_FIELDS[field as keyof typeof SANITY_FORM_FIELDS] ?? field;

/**
 * Pure: an entry of the Sanity document `siteGlossary` in the file's shape, for checkSiteGlossary: the forms
 * renamed, Sanity's `_key` and `_type` and GROQ's nulls (absent fields) dropped. Anything else stays, to be refused.
 */
export function fromSanityEntry(item: unknown): unknown {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
  const renamed = Object.fromEntries(Object.entries(SANITY_FORM_FIELDS).map(([locale, field]) => [field, locale])) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(item)
      .filter(([key, value]) => key !== '_key' && key !== '_type' && value !== null && value !== undefined)
      .map(([key, value]) => [renamed[key] ?? key, value]),
  );
}

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

/** Pure: the entries of a site glossary file; errors name the file and the entry. */
export function parseSiteGlossary(text: string, where: string): GlossaryEntry[] {
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
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const entries: GlossaryEntry[] = [];
  data.forEach((item, index) => {
    const label = `entry ${index + 1}${item && typeof item === 'object' && 'term' in item ? ` ("${String(item.term)}")` : ''}`;
    const result = SiteEntrySchema.safeParse(item);
    if (!result.success) {
      for (const { field, message } of fieldIssues(result.error, '(entry)')) problems.push(`  - ${label}: ${field}: ${message}`);
      return;
    }
    const { term, note: _note, ...forms } = result.data;
    const previous = seen.get(term);
    if (previous !== undefined) {
      problems.push(`  - ${label}: "${term}" is already entry ${previous + 1}; keep one`);
      return;
    }
    seen.set(term, index);
    entries.push({ term, forms });
  });
  if (problems.length) {
    throw new GlossaryError(`[tongbao] ${where}: invalid glossary\n${problems.join('\n')}\n  Fix ${where} and build again.`);
  }
  return entries;
}

/** The article glossary as entries. */
export function articleGlossaryEntries(glossary: ArticleGlossary | undefined): GlossaryEntry[] {
  return Object.entries(glossary ?? {}).map(([term, forms]) => ({ term, forms: forms ?? {} }));
}

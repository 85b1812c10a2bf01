/**
 * The Sanity document `siteGlossary` (queries.ts SITE_GLOSSARY_QUERY) → the site glossary's entries. Pure: the
 * rules are the file's (src/zh/glossary-core.ts `checkSiteGlossary`), and an error names the document and the
 * field as the Studio shows it, e.g. `entries[_key=="k2"].zhHant: must not be empty`.
 */
import { z } from 'zod';
import { checkSiteGlossary, fromSanityEntry, glossaryEntriesOf, GlossaryError, sanityFieldOf } from '../../zh/glossary-core.ts';
import type { GlossaryEntry } from '../../zh/overrides.ts';
import type { SITE_GLOSSARY_QUERY_RESULT } from './sanity.types.ts';

const DocumentSchema = z.object({
  _id: z.string(),
  _originalId: z.string().nullish(),
  _type: z.literal('siteGlossary', { error: 'must be "siteGlossary"' }),
  entries: z.array(z.unknown(), { error: 'must be a list of entries' }).nullish(),
});

/** Pure: the entries of the site glossary document; none when the dataset has no such document. */
export function toSiteGlossary(doc: SITE_GLOSSARY_QUERY_RESULT | undefined): GlossaryEntry[] {
  if (doc == null) return [];
  const parsed = DocumentSchema.safeParse(doc);
  const id = (doc as { _originalId?: unknown; _id?: unknown })._originalId ?? (doc as { _id?: unknown })._id;
  const where = `Sanity document ${typeof id === 'string' ? id : 'siteGlossary'}`;
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(document)'}: ${i.message}`);
    throw new GlossaryError(`[tongbao] ${where}: invalid site glossary\n${lines.join('\n')}\n  Fix it in the Studio and build again.`);
  }
  const raw = parsed.data.entries ?? [];
  const { items, problems } = checkSiteGlossary(raw.map(fromSanityEntry));
  if (problems.length) {
    const lines = problems.map((p) => {
      const key = (raw[p.index] as { _key?: unknown } | null)?._key;
      const at = typeof key === 'string' ? `entries[_key=="${key}"]` : `entries[${p.index}]`;
      const field = p.field === '(entry)' ? '' : `.${sanityFieldOf(p.field)}`;
      return `  - ${at}${field}${p.term !== undefined ? ` ("${p.term}")` : ''}: ${p.message}`;
    });
    throw new GlossaryError(`[tongbao] ${where}: invalid site glossary\n${lines.join('\n')}\n  Fix it in the Studio and build again.`);
  }
  return glossaryEntriesOf(items);
}

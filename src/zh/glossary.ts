/**
 * Glossaries (src/zh/glossary-core.ts) for Node: the site glossary file of a content folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSiteGlossary, SITE_GLOSSARY_FILE } from './glossary-core.ts';
import type { GlossaryEntry } from './overrides.ts';

export { GlossaryError, parseSiteGlossary } from './glossary-core.ts';

/** The site glossary of a content folder (none when it has no glossary.yaml); `where` names the file in errors. */
export function siteGlossary(contentDir: string, where = join(contentDir, SITE_GLOSSARY_FILE)): GlossaryEntry[] {
  const path = join(contentDir, SITE_GLOSSARY_FILE);
  return existsSync(path) ? parseSiteGlossary(readFileSync(path, 'utf8'), where) : [];
}

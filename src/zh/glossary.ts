/**
 * Glossaries (src/zh/glossary-core.ts) for Node: the site glossary read from the content folder, once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSiteGlossary, SITE_GLOSSARY_FILE } from './glossary-core.ts';
import type { GlossaryEntry } from './overrides.ts';

export { articleGlossaryEntries, GlossaryError, parseSiteGlossary } from './glossary-core.ts';

let cached: { path: string; text: string; entries: GlossaryEntry[] } | undefined;

/** The site glossary file's text ('' when absent): part of the render cache key. */
export function siteGlossaryText(contentDir: string): string {
  const path = join(contentDir, SITE_GLOSSARY_FILE);
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** The site glossary of a content folder, read once per process. */
export function siteGlossary(contentDir: string): GlossaryEntry[] {
  const path = join(contentDir, SITE_GLOSSARY_FILE);
  if (cached?.path === path) return cached.entries;
  const text = siteGlossaryText(contentDir);
  cached = { path, text, entries: parseSiteGlossary(text, join(contentDir, SITE_GLOSSARY_FILE)) };
  return cached.entries;
}

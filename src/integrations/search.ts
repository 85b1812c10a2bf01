/**
 * Pagefind search, built after the pages by its Node API: one index per locale (Pagefind splits by
 * `<html lang>`), only the article bodies (`data-pagefind-body`), a `category` filter, plus the
 * cross-script records of src/lib/search-records.ts. Its time goes into the build stats (pagefindMs).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { Indexes } from '../lib/indexes.ts';
import { crossScriptRecords } from '../lib/search-records.ts';
import { buildStats } from '../lib/stats.ts';

/** The build's indexes, left on globalThis by src/lib/site-indexes.ts (the pages' module graph). */
function builtIndexes(): Promise<Indexes> | undefined {
  return ((globalThis as Record<symbol, unknown>)[Symbol.for('tongbao.indexes')] as { indexes?: Promise<Indexes> } | undefined)?.indexes;
}

const fail = (what: string, errors: readonly string[]) =>
  new Error(`[tongbao] search index: ${what} failed:\n  ${errors.join('\n  ')}\n  Check the built pages and run npm run build again.`);

export function searchIntegration(): AstroIntegration {
  return {
    name: 'tongbao-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const start = performance.now();
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ rootSelector: 'html' });
        if (!index) throw fail('creating the index', errors);
        try {
          // Only article pages hold a data-pagefind-body; listings, tags and archives are not search results.
          const added = await index.addDirectory({ path: site, glob: '*/articles/*/index.html' });
          if (added.errors.length) throw fail('indexing the pages', added.errors);
          const indexes = await builtIndexes();
          const records = indexes ? crossScriptRecords(indexes.list) : [];
          for (const record of records) {
            const r = await index.addCustomRecord(record);
            if (r.errors.length) throw fail(`indexing ${record.url}`, r.errors);
          }
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length) throw fail('writing the index', written.errors);
          const pagefindMs = Math.round(performance.now() - start);
          buildStats.add({ pagefindMs, pagefindPages: added.page_count });
          logger.info(`${added.page_count} page(s) and ${records.length} cross-script record(s) indexed in ${pagefindMs} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

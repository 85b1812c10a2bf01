/**
 * Pagefind search, built after the pages by its Node API: one index per locale, only the article
 * bodies (`data-pagefind-body`), a `category` filter. Each locale's index is written in shards of
 * TONGBAO_SEARCH_SHARD_SIZE articles (src/lib/search-shards.ts), one Pagefind process per shard, so
 * its memory is bounded by one shard; a shard whose pages did not change since the last build is
 * copied from the cache (TONGBAO_CACHE_DIR/pagefind) instead of being indexed again. A query typed in
 * the other script is rewritten in the browser (src/zh/query-map.ts), so each page is indexed once.
 * Time, pages indexed, shards reused and Pagefind's peak memory go into the build stats.
 *
 * What to index comes from the build manifest the pages wrote (src/lib/verify/manifest.ts): the
 * integration runs in another module graph than the pages and shares no state with them. No
 * manifest, or a manifest without articles, stops the build (a search page over nothing is a fault).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { copyFile, cp, link, mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { env } from '../config/env.ts';
import { projectDirs } from '../config/paths.ts';
import { localeOrder, locales } from '../config/site.ts';
import { searchShards, type SearchShard } from '../lib/search-shards.ts';
import { addToStatsFile } from '../lib/stats.ts';
import { paths } from '../lib/urls.ts';
import { MANIFEST_FILE, type BuildManifest } from '../lib/verify/manifest.ts';
import type { Locale } from '../model/locale.ts';

/** What the index needs of an article: its slug (the page's path in each locale). */
interface Indexed {
  slug: string;
}

/** The published articles, newest first, from the build manifest in `site`; throws when there is none or it lists none. */
export function manifestArticles(site: string): Indexed[] {
  const file = join(site, MANIFEST_FILE);
  let manifest: BuildManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as BuildManifest;
  } catch (error) {
    throw new Error(
      `[tongbao] search index: cannot read the build manifest ${file} (${(error as Error).message}); src/pages/build-manifest.json.ts writes it. Run npm run build again.`,
      { cause: error },
    );
  }
  const articles = manifest.locales[0]?.articles ?? [];
  if (articles.length === 0) {
    throw new Error(
      `[tongbao] search index: the build manifest ${file} lists no published article, so there are no pages to index. Publish an article (or check the source and TONGBAO_NOW) and build again.`,
    );
  }
  return articles.map((a) => ({ slug: a.slug }));
}

const fail = (what: string, errors: readonly string[]) =>
  new Error(`[tongbao] search index: ${what} failed:\n  ${errors.join('\n  ')}\n  Check the built pages and run npm run build again.`);

/** Pagefind's release: a new one may index differently, so it is part of every shard's digest. */
const PAGEFIND_VERSION: string = (() => {
  // pagefind exports only its ESM entry, so its package.json is found through the module paths.
  for (const dir of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const pkg = join(dir, 'pagefind', 'package.json');
    if (existsSync(pkg)) return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  }
  throw new Error('[tongbao] cannot find the version of pagefind; reinstall with npm ci');
})();

/** Peak resident memory (MB) of this process's Pagefind child, from /proc (Linux); 0 elsewhere. */
async function pagefindPeakMB(): Promise<number> {
  let peak = 0;
  try {
    for (const pid of await readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
      if (!status.includes('pagefind')) continue;
      const ppid = Number(status.match(/^PPid:\s+(\d+)/m)?.[1]);
      if (ppid !== process.pid) continue;
      peak = Math.max(peak, Number(status.match(/^VmHWM:\s+(\d+)/m)?.[1] ?? 0) / 1024);
    }
  } catch {
    // not Linux: no figure
  }
  return peak;
}

interface Page {
  url: string;
  html: string;
}

async function shardPages(site: string, locale: Locale, shard: SearchShard<Indexed>): Promise<Page[]> {
  return Promise.all(
    shard.articles.map(async (article) => {
      const url = paths.article(locale, article.slug);
      const file = join(site, decodeURIComponent(url), 'index.html');
      try {
        return { url, html: await readFile(file, 'utf8') };
      } catch {
        throw new Error(
          `[tongbao] search index: the page ${url} of article "${article.slug}" was not written; the build is incomplete. Run npm run build again.`,
        );
      }
    }),
  );
}

/** What the shard's index depends on: Pagefind's version and every page it indexes. */
function shardDigest(locale: Locale, pages: readonly Page[]): string {
  const hash = createHash('sha256').update(`pagefind ${PAGEFIND_VERSION}\n${locale}\n`);
  for (const page of pages) hash.update(`${page.url}\n${page.html.length}\n`).update(page.html);
  return hash.digest('hex').slice(0, 20);
}

/**
 * Indexes one shard. Pagefind reads a folder faster than it takes pages one by one over its pipe
 * (measured: 1.0 s instead of 2.5 s for 1,000 pages), so the shard's pages are hard-linked into a
 * folder of their own beside the site, under the same paths, and Pagefind reads that folder.
 */
async function indexShard(site: string, pages: readonly Page[], outputPath: string): Promise<{ peakMB: number }> {
  const farm = join(dirname(site), `.${basename(site)}.search-shard`);
  await rm(farm, { recursive: true, force: true });
  for (const page of pages) {
    const relative = join(decodeURIComponent(page.url), 'index.html');
    await mkdir(dirname(join(farm, relative)), { recursive: true });
    await link(join(site, relative), join(farm, relative)).catch(() => copyFile(join(site, relative), join(farm, relative)));
  }
  const { index, errors } = await pagefind.createIndex({ rootSelector: 'html' });
  if (!index) throw fail('creating the index', errors);
  try {
    const added = await index.addDirectory({ path: farm });
    if (added.errors.length) throw fail('indexing the pages', added.errors);
    if (added.page_count !== pages.length) throw fail('indexing the pages', [`${added.page_count} of ${pages.length} page(s) indexed`]);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw fail('writing the index', written.errors);
    return { peakMB: await pagefindPeakMB() };
  } finally {
    // One process per shard: closing it returns its memory before the next shard.
    await pagefind.close();
    await rm(farm, { recursive: true, force: true });
  }
}

export async function writeSearchIndexes(site: string, list: readonly Indexed[], logger: Pick<AstroIntegrationLogger, 'info'>): Promise<void> {
  const start = performance.now();
  const cacheRoot = projectDirs.searchCache;
  let indexedPages = 0;
  let reused = 0;
  let peakMB = 0;
  const shards = searchShards(list, env.TONGBAO_SEARCH_SHARD_SIZE);
  for (const locale of localeOrder) {
    const segment = locales[locale].segment;
    const keep = new Set<string>();
    for (const shard of shards) {
      const shardStart = performance.now();
      const pages = await shardPages(site, locale, shard);
      const name = `${shard.number}-${shardDigest(locale, pages)}`;
      keep.add(name);
      const cached = join(cacheRoot, segment, name);
      const output = join(site, decodeURIComponent(paths.pagefindBundle(locale, shard.number)));
      const label = `${locale} shard ${shard.number + 1}/${shards.length} (${pages.length} page(s))`;
      if (existsSync(join(cached, 'pagefind-entry.json'))) {
        await cp(cached, output, { recursive: true });
        reused++;
        logger.info(`${label}: unchanged, reused from the cache`);
        continue;
      }
      const result = await indexShard(site, pages, output);
      peakMB = Math.max(peakMB, result.peakMB);
      indexedPages += pages.length;
      // Into the cache through a temporary name, so an interrupted build never leaves half a shard there.
      const temporary = `${cached}.tmp-${process.pid}`;
      await rm(temporary, { recursive: true, force: true });
      await mkdir(join(cacheRoot, segment), { recursive: true });
      await cp(output, temporary, { recursive: true });
      await rm(cached, { recursive: true, force: true });
      await rename(temporary, cached);
      logger.info(`${label}: indexed in ${Math.round(performance.now() - shardStart)} ms`);
    }
    // Shards no build of this content uses any more.
    const folder = join(cacheRoot, segment);
    if (existsSync(folder))
      for (const entry of await readdir(folder)) if (!keep.has(entry)) await rm(join(folder, entry), { recursive: true, force: true });
  }
  const pagefindMs = Math.round(performance.now() - start);
  addToStatsFile(projectDirs.statsFile, {
    pagefindMs,
    pagefindPages: indexedPages,
    pagefindShardsReused: reused,
    pagefindPeakMB: Math.round(peakMB),
  });
  logger.info(
    `search: ${shards.length} shard(s) per locale; ${indexedPages} page(s) indexed, ${reused} shard(s) reused, in ${pagefindMs} ms (Pagefind peak ${Math.round(peakMB)} MB)`,
  );
}

export function searchIntegration(): AstroIntegration {
  return {
    name: 'tongbao-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        await writeSearchIndexes(site, manifestArticles(site), logger);
      },
    },
  };
}

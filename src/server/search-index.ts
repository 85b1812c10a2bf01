/**
 * Search in server output: the Pagefind bundles the search page names (`/pagefind/<locale>/<shard>/…`,
 * src/lib/search-shards.ts), indexed in process from the live content. A shard is indexed at its first
 * request per content version with Pagefind's Node API (`addHTMLFile`, `getFiles()` in memory: nothing is
 * written to disk) and served from memory; a new content version (after a purge) indexes again.
 *
 * Each article goes in as the part of its page that Pagefind reads in the static build: `<html lang>` (which
 * index), the `data-pagefind-meta="title"` heading, the `data-pagefind-filter="category"` link and the
 * `data-pagefind-body` body, at the page's URL. Indexing is one shard at a time (one Pagefind process).
 *
 * The index of a shard is kept per content version: with content/ per build context (a new version makes a new
 * context; src/server/routes/pagefind.ts); with Sanity, where every request makes a context of its own, by the
 * shard's version key (`versionedShardFiles`, src/server/sanity-request.ts). This module reads no source itself.
 */
import * as pagefind from 'pagefind';
import { localeOrder, locales } from '../config/site.ts';
import type { RoutePaths } from '../lib/route-paths.ts';
import { localize } from '../lib/localize.ts';
import { paths } from '../lib/urls.ts';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';

export interface SearchFile {
  locale: Locale;
  shard: number;
  /** The file's path inside the bundle (`pagefind.js`, `fragment/…`). */
  file: string;
}

/** Pure: the bundle file a `/pagefind/…` path names (`zh-hans/0/pagefind.js`), if its locale is published. */
export function searchFile(path: string | undefined): SearchFile | undefined {
  const match = /^([a-z-]+)\/(\d+)\/(.+)$/.exec(path ?? '');
  if (!match) return undefined;
  const locale = localeOrder.find((l) => locales[l].segment === match[1]);
  return locale && !match[3]!.split('/').includes('..') ? { locale, shard: Number(match[2]), file: match[3]! } : undefined;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ENTITIES[c]!);

/** Pure: the HTML Pagefind reads of an article page (the static page's marked parts). */
export function searchablePage(article: Article, locale: Locale): string {
  const a = localize(article, locale);
  return (
    `<!DOCTYPE html><html lang="${locale}"><head><title>${escapeHtml(a.title)}</title></head><body>` +
    `<a data-pagefind-filter="category">${escapeHtml(a.category.name)}</a>` +
    `<h1 data-pagefind-meta="title">${escapeHtml(a.title)}</h1><div data-pagefind-body>${a.html}</div></body></html>`
  );
}

let queue: Promise<unknown> = Promise.resolve();

async function indexShard(locale: Locale, articles: readonly Article[]): Promise<ReadonlyMap<string, Uint8Array>> {
  const { index, errors } = await pagefind.createIndex({ rootSelector: 'html' });
  if (!index) throw new Error(`[tongbao] search index: Pagefind failed to start: ${errors.join('; ')}`);
  try {
    for (const article of articles) {
      const added = await index.addHTMLFile({ url: paths.article(locale, article.slug), content: searchablePage(article, locale) });
      if (added.errors.length) throw new Error(`[tongbao] search index: article "${article.slug}": ${added.errors.join('; ')}`);
    }
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length) throw new Error(`[tongbao] search index: ${fileErrors.join('; ')}`);
    return new Map(files.map((f) => [f.path.replace(/^\/+/, ''), f.content]));
  } finally {
    await index.deleteIndex();
  }
}

/** A shard's bundle files from its articles (oldest first), one shard at a time (one Pagefind process); `ready` first. */
export function queueShardIndex(locale: Locale, articles: readonly Article[], ready?: () => Promise<void>): Promise<ReadonlyMap<string, Uint8Array>> {
  const files = queue.then(async () => {
    await ready?.();
    return indexShard(locale, articles);
  });
  queue = files.catch(() => undefined);
  return files;
}

/** A bundle file on demand and the files of its shard's bundle (being indexed, or indexed). */
export interface SearchBundle extends SearchFile {
  files: Promise<ReadonlyMap<string, Uint8Array>>;
}

/** The Pagefind route's pages: none listed (the whole path names a file); the route's `find` (content/) or a source's lookup finds one. */
export const searchBundlePages: RoutePaths<SearchBundle> = () => [];

/**
 * Shards indexed from Sanity, by `<locale>/<shard>`: the version key they were indexed for and their files. A key says
 * which revisions the shard was made of (sanity-request.ts: each article's `_rev` and its category's, the site
 * glossary's), so a publish, an edit or a purge that moves articles between shards makes a new key and the next
 * request indexes again; one entry per shard, the old version dropped: the memory is bounded by the shards.
 */
const versioned = new Map<string, { version: string; files: Promise<ReadonlyMap<string, Uint8Array>> }>();

/** The files of a shard indexed from Sanity for this version key, if any (indexed or being indexed). */
export function versionedShardFiles(locale: Locale, shard: number, version: string): Promise<ReadonlyMap<string, Uint8Array>> | undefined {
  const entry = versioned.get(`${locale}/${shard}`);
  return entry?.version === version ? entry.files : undefined;
}

/** Indexes a shard read from Sanity (its articles oldest first, as `searchShards` cuts them) under its version key. */
export function indexVersionedShard(
  locale: Locale,
  shard: number,
  version: string,
  articles: readonly Article[],
): Promise<ReadonlyMap<string, Uint8Array>> {
  const key = `${locale}/${shard}`;
  const files = queueShardIndex(locale, articles);
  const entry = { version, files };
  versioned.set(key, entry);
  // A failure is not kept: the next request indexes again.
  files.catch(() => versioned.get(key) === entry && versioned.delete(key));
  return files;
}

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', json: 'application/json', css: 'text/css; charset=utf-8' };

/** Pure: the content type of a bundle file. */
export const searchFileType = (file: string): string => TYPES[/\.(\w+)$/.exec(file)?.[1] ?? ''] ?? 'application/octet-stream';

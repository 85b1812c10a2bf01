/**
 * Search shards. Each locale's Pagefind index is written in shards of `size` articles, oldest first,
 * so that (1) Pagefind's memory is bounded by one shard (it holds ~0.8 MB per page while it writes),
 * (2) a build indexes again only the shards whose pages changed (new articles land in the newest
 * shard; an edit touches one shard), and (3) the search page merges the shards in the browser, the
 * newest first. Pure over its inputs; the integration (src/integrations/search.ts) and the search
 * page both read the shards from here, so they always agree.
 */
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import { paths } from './urls.ts';

export interface SearchShard<A = Article> {
  /** 0 is the oldest shard; numbers stay put as newer shards are added. */
  number: number;
  /** Oldest first. */
  articles: readonly A[];
}

/** `newestFirst` as the indexes keep it (src/lib/indexes.ts). Shards oldest first. */
export function searchShards<A extends Pick<Article, 'slug'>>(newestFirst: readonly A[], size: number): SearchShard<A>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`[tongbao] search shard size must be a positive whole number, not ${size}`);
  const oldestFirst = newestFirst.toReversed();
  const shards: SearchShard<A>[] = [];
  for (let i = 0; i < oldestFirst.length; i += size) shards.push({ number: shards.length, articles: oldestFirst.slice(i, i + size) });
  return shards;
}

/** How many shards `count` published articles make (the shards of `searchShards`). */
export const shardCount = (count: number, size: number): number => Math.ceil(count / size);

/**
 * Which published articles shard `shard` holds, as ranks in the newest-first list ([from, to), 0 the newest): the
 * window a source that answers by rank reads (Sanity, src/server/sanity-request.ts); undefined past the last shard.
 */
export function shardWindow(count: number, size: number, shard: number): { from: number; to: number } | undefined {
  if (!Number.isInteger(shard) || shard < 0 || shard >= shardCount(count, size)) return undefined;
  return { from: Math.max(0, count - (shard + 1) * size), to: count - shard * size };
}

/** The bundles a search page loads for `count` published articles, newest shard first (the first is Pagefind's primary index). */
export function searchBundles(locale: Locale, count: number, size: number): string[] {
  return Array.from({ length: shardCount(count, size) }, (_, i) => paths.pagefindBundle(locale, shardCount(count, size) - 1 - i));
}

/**
 * The server's route cache provider (astro.config.ts `cache.provider` in server output): Astro's
 * in-process LRU (`astro/cache/memory`) sized by TONGBAO_MEMORY_CACHE_ENTRIES when the server starts (0: none, and
 * every header reaches the CDN in front, see below), fed by the standard CDN
 * headers the pages emit (src/server/cache-headers.ts), so one set of headers drives both the in-process
 * cache and Varnish or a CDN in front.
 *
 * - Keys: the path only. The query string is not part of any key (no on-demand route reads one), and the
 *   origin is the site's (SITE_URL), so neither `Host` nor `X-Forwarded-Host` nor `?…` creates entries.
 * - Lifetimes: Astro's provider reads `max-age` from CDN-Cache-Control, ours writes `s-maxage` (what the
 *   CDNs read); the provider is shown the same lifetime as `max-age`.
 * - Tags: from `Cache-Tag` (comma-separated), as the headers write them.
 * - `invalidate({ tags })` drops the tagged entries here; src/server/revalidate.ts also purges Varnish.
 * - With the content folder as the source, a change under it (an article added, edited, removed or made a
 *   draft: src/server/live-content.ts compares the versions) purges the tags the webhook would, here and in
 *   Varnish; when what is published changed (an article added, removed, made a draft, or moved in time),
 *   `site` too: other articles' pages show it as a neighbour or related article. A Sanity source has the
 *   webhook instead.
 */
import type { CacheProvider, CacheProviderFactory } from 'astro';
import memoryProvider from 'astro/cache/memory';
import { env } from '../config/env.ts';
import { source } from '../config/source.ts';
import { SITE_TAG, tagsForArticles } from './cache-tags.ts';
import { onContentChange } from './live-content.ts';
import { purge, revalidateEnv } from './revalidate.ts';

export interface TongbaoCacheConfig {
  /** The site's origin: every key is made under it, whatever Host the request named. */
  origin: string;
}

/** Pure: CDN-Cache-Control as Astro's memory provider reads it (`max-age` = the shared lifetime). */
export function forMemory(cdnCacheControl: string): string {
  const sMaxAge = /(?:^|,)\s*s-maxage=(\d+)/i.exec(cdnCacheControl)?.[1];
  return sMaxAge && !/(?:^|,)\s*max-age=/i.test(cdnCacheControl) ? `${cdnCacheControl}, max-age=${sMaxAge}` : cdnCacheControl;
}

/** The request as seen under `href` (its `url`); the rest read from the request itself. */
function atOrigin(request: Request, href: string): Request {
  return new Proxy(request, {
    get: (target, property) => {
      if (property === 'url') return href;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const factory: CacheProviderFactory<TongbaoCacheConfig> = (config) => {
  if (!config) throw new Error('[tongbao] cache provider: no configuration (astro.config.ts passes max and origin)');
  // max 0: no in-process cache. A provider without onRequest leaves every header to the CDN in front (Astro removes
  // CDN-Cache-Control and Cache-Tag from responses only when its provider answers requests); purges go to Varnish.
  // Read when the server starts (not baked into the build): `TONGBAO_MEMORY_CACHE_ENTRIES=0 npm run serve` turns it off.
  const max = env.TONGBAO_MEMORY_CACHE_ENTRIES;
  const memory = max > 0 ? memoryProvider({ max, query: { include: [] } }) : undefined;
  const invalidate = (options: Parameters<CacheProvider['invalidate']>[0]) => memory?.invalidate(options) ?? Promise.resolve();
  if (source.kind === 'local') {
    const deps = revalidateEnv((tags) => invalidate({ tags }));
    onContentChange(({ slugs, published }) => {
      const tags = [...tagsForArticles(slugs), ...(published ? [SITE_TAG] : [])];
      purge(tags, deps).then(
        (purged) => console.log(`[tongbao] content changed (${slugs.join(', ')}): purged ${tags.join(' ')} (${purged} in Varnish)`),
        (error: unknown) => console.error(`[tongbao] content changed (${slugs.join(', ')}), but the purge failed: ${(error as Error).message}`),
      );
    });
  }
  if (!memory) return { name: 'tongbao-cdn-only', invalidate } satisfies CacheProvider;
  return {
    name: 'tongbao-memory',
    async onRequest(context, next) {
      // The provider keys by the request's URL: under another origin it reads the site's (every other property is
      // the request's own). A view, not a copy: a new Request per hit cost more than the hit itself.
      const url = new URL(context.url.pathname, config.origin);
      const request = context.url.origin === url.origin ? context.request : atOrigin(context.request, url.href);
      return memory.onRequest!({ ...context, request, url }, async () => {
        const response = await next();
        const cdn = response.headers.get('CDN-Cache-Control');
        if (cdn) response.headers.set('CDN-Cache-Control', forMemory(cdn));
        return response;
      });
    },
    invalidate,
  } satisfies CacheProvider;
};

export default factory;

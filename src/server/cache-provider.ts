/**
 * The server's route cache provider (astro.config.ts `cache.provider` in server output): Astro's
 * in-process LRU (`astro/cache/memory`) sized by TONGBAO_MEMORY_CACHE_ENTRIES, fed by the standard CDN
 * headers the pages emit (src/server/cache-headers.ts), so one set of headers drives both the in-process
 * cache and Varnish or a CDN in front.
 *
 * - Keys: the path only. The query string is not part of any key (no on-demand route reads one), and the
 *   origin is the site's (SITE_URL), so neither `Host` nor `X-Forwarded-Host` nor `?…` creates entries.
 * - Lifetimes: Astro's provider reads `max-age` from CDN-Cache-Control, ours writes `s-maxage` (what the
 *   CDNs read); the provider is shown the same lifetime as `max-age`.
 * - Tags: from `Cache-Tag` (comma-separated), as the headers write them.
 * - `invalidate({ tags })` drops the tagged entries here; src/server/revalidate.ts also purges Varnish.
 */
import type { CacheProvider, CacheProviderFactory } from 'astro';
import memoryProvider from 'astro/cache/memory';

export interface TongbaoCacheConfig {
  /** Entries held (least recently used dropped first). */
  max: number;
  /** The site's origin: every key is made under it, whatever Host the request named. */
  origin: string;
}

/** Pure: CDN-Cache-Control as Astro's memory provider reads it (`max-age` = the shared lifetime). */
export function forMemory(cdnCacheControl: string): string {
  const sMaxAge = /(?:^|,)\s*s-maxage=(\d+)/i.exec(cdnCacheControl)?.[1];
  return sMaxAge && !/(?:^|,)\s*max-age=/i.test(cdnCacheControl) ? `${cdnCacheControl}, max-age=${sMaxAge}` : cdnCacheControl;
}

const factory: CacheProviderFactory<TongbaoCacheConfig> = (config) => {
  if (!config) throw new Error('[tongbao] cache provider: no configuration (astro.config.ts passes max and origin)');
  const memory = memoryProvider({ max: config.max, query: { include: [] } });
  return {
    name: 'tongbao-memory',
    async onRequest(context, next) {
      // Only a request under another origin is re-made (copying its headers): prerendering reads none.
      const url = new URL(context.url.pathname, config.origin);
      const request = context.url.origin === url.origin ? context.request : new Request(url, context.request);
      return memory.onRequest!({ ...context, request, url }, async () => {
        const response = await next();
        const cdn = response.headers.get('CDN-Cache-Control');
        if (cdn) response.headers.set('CDN-Cache-Control', forMemory(cdn));
        return response;
      });
    },
    invalidate: (options) => memory.invalidate(options),
  } satisfies CacheProvider;
};

export default factory;

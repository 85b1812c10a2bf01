/**
 * Pure: the response headers a CDN cache provider emits for one rendered response, so the same origin
 * works behind Varnish, Fastly, Cloudflare, Netlify and Vercel:
 *
 * | header                 | read by                                               | value                                   |
 * |------------------------|-------------------------------------------------------|-----------------------------------------|
 * | Cache-Control          | browsers (and any cache without a targeted header)    | `public, max-age=<browserMaxAge>`       |
 * | CDN-Cache-Control      | Cloudflare, Netlify, Vercel, Fastly (RFC 9213), our VCL | `public, s-maxage=…, stale-while-revalidate=…, stale-if-error=…` |
 * | Surrogate-Control      | Fastly, Varnish (our VCL), Akamai-style surrogates    | `max-age=…, stale-while-revalidate=…, stale-if-error=…` |
 * | xkey                   | Varnish with vmod xkey (space-separated)              | the tags                                |
 * | Surrogate-Key          | Fastly (space-separated; our VCL reads it as well)    | the tags                                |
 * | Cache-Tag              | Cloudflare, Netlify (comma-separated)                 | the tags                                |
 * | Vercel-Cache-Tag       | Vercel (comma-separated)                              | the tags                                |
 *
 * Tags are written as tokens (`tagToken`): anything outside `A-Z a-z 0-9 : . _ ~ / -` is percent-encoded,
 * so a tag never holds a space or comma (the separators) and a header stays ASCII; a purge encodes the
 * same way. The CDNs strip these headers before the browser (our VCL strips all but Cache-Control).
 */

export type CdnTarget = 'varnish' | 'fastly' | 'cloudflare' | 'netlify' | 'vercel';
export const CDN_TARGETS: readonly CdnTarget[] = ['varnish', 'fastly', 'cloudflare', 'netlify', 'vercel'];

export interface CachePolicy {
  /** Seconds a cache keeps the response fresh. */
  maxAge: number;
  /** Seconds after that a cache may serve it stale while it refetches (stale-while-revalidate). */
  swr?: number | undefined;
  /** Seconds a cache may serve it stale when the origin is down or answers 5xx (stale-if-error). */
  staleIfError?: number | undefined;
  /** Surrogate keys: what this response shows (`article:<id>`, `list:home`, …). */
  tags?: readonly string[] | undefined;
  /** Seconds browsers keep it (default 30, never more than maxAge): purges do not reach browsers. */
  browserMaxAge?: number | undefined;
  /**
   * Seconds until the content is due to change by itself (the next scheduled article): maxAge and
   * maxAge + swr are cut to it, so no cache serves past it (stale-if-error still may, the origin being down).
   */
  changesIn?: number | undefined;
  /** Which providers' tag headers to emit (default all). */
  targets?: readonly CdnTarget[] | undefined;
}

/** Limits the providers document (Vercel: 256 characters a tag; Fastly: 1,024 bytes a key, 16 KB a header). */
export const MAX_TAG_LENGTH = 256;

/** Pure: a tag as a header token (see the module comment). */
export function tagToken(tag: string): string {
  if (!tag) throw new Error('[tongbao] cache tag: empty tag');
  const token = [...tag]
    .map((ch) =>
      /^[A-Za-z0-9:._~/-]$/.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('');
  if (token.length > MAX_TAG_LENGTH)
    throw new Error(
      `[tongbao] cache tag "${tag.slice(0, 40)}…" is ${token.length} characters as a header token; providers accept ${MAX_TAG_LENGTH} at most: shorten it (use an id, not a title)`,
    );
  return token;
}

const seconds = (value: number | undefined, what: string): number => {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`[tongbao] cache headers: ${what} must be a whole number of seconds ≥ 0, not ${String(value)}`);
  return value;
};

/** Pure: the headers for a cacheable public response. */
export function cacheHeaders(policy: CachePolicy): Record<string, string> {
  let maxAge = seconds(policy.maxAge, 'maxAge');
  let swr = seconds(policy.swr, 'swr');
  const sie = seconds(policy.staleIfError, 'staleIfError');
  if (policy.changesIn !== undefined) {
    const until = seconds(Math.max(0, Math.floor(policy.changesIn)), 'changesIn');
    maxAge = Math.min(maxAge, until);
    swr = Math.min(swr, until - maxAge);
  }
  const browser = Math.min(seconds(policy.browserMaxAge ?? 30, 'browserMaxAge'), maxAge);
  if (maxAge === 0) return noStoreHeaders({ shared: true });
  const stale = [swr ? `stale-while-revalidate=${swr}` : '', sie ? `stale-if-error=${sie}` : ''].filter(Boolean);
  const headers: Record<string, string> = {
    'Cache-Control': `public, max-age=${browser}`,
    'CDN-Cache-Control': ['public', `s-maxage=${maxAge}`, ...stale].join(', '),
    'Surrogate-Control': [`max-age=${maxAge}`, ...stale].join(', '),
  };
  const tags = [...new Set((policy.tags ?? []).map(tagToken))];
  if (tags.length) {
    const targets = new Set(policy.targets ?? CDN_TARGETS);
    if (targets.has('varnish')) headers.xkey = tags.join(' ');
    if (targets.has('fastly')) headers['Surrogate-Key'] = tags.join(' ');
    if (targets.has('cloudflare') || targets.has('netlify')) headers['Cache-Tag'] = tags.join(',');
    if (targets.has('vercel')) headers['Vercel-Cache-Tag'] = tags.join(',');
  }
  return headers;
}

/**
 * Pure: headers that keep a response out of every cache: previews, anything per visitor, and errors
 * that must not stick. `shared: true` still lets browsers revalidate normally (no `private`).
 */
export function noStoreHeaders(options: { shared?: boolean } = {}): Record<string, string> {
  return {
    'Cache-Control': options.shared ? 'no-store' : 'private, no-store',
    'CDN-Cache-Control': 'no-store',
    'Surrogate-Control': 'no-store',
  };
}

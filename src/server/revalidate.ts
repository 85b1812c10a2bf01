/**
 * `POST /api/revalidate` (server output): Sanity's webhook. The signature (`sanity-webhook-signature`,
 * @sanity/webhook) is checked against SANITY_WEBHOOK_SECRET before the body is read as JSON; then the
 * tags of the changed document (src/server/cache-tags.ts) are purged from the in-process cache and from
 * every Varnish in TONGBAO_VARNISH_URLS.
 *
 * After a purge, the configured hubs and search engines are told what changed (src/lib/notify/: WebSub
 * with the feeds, IndexNow and Baidu with the article's page in every locale), in the background: the
 * answer never waits for them, and their failure is logged, never a failed publish.
 *
 * 401: no secret configured, no signature, or a wrong one (nothing purged). 400: a body that is not a
 * document. 502: Varnish refused the purge (Sanity retries). 200: `{ tags, purged }`.
 */
import { isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook';
import { env } from '../config/env.ts';
import { localeOrder } from '../config/site.ts';
import { notifyAfterPurge } from '../lib/notify/index.ts';
import { absoluteUrl, paths } from '../lib/urls.ts';
import { noStoreHeaders } from './cache-headers.ts';
import { PayloadError, slugOfTag, tagsForPayload } from './cache-tags.ts';
import { purgeVarnish } from './purge-varnish.ts';
import { forgetQueries } from './query-cache.ts';

export interface RevalidateDeps {
  secret: string | undefined;
  varnish: readonly string[];
  /** Drops tagged entries from the in-process cache (Astro's `cache.invalidate`). */
  invalidate: (tags: string[]) => Promise<void>;
  /** Tells hubs and search engines what a purge changed (src/lib/notify/notifyAfterPurge); never throws. */
  notify: (purged: PurgedUrls) => Promise<unknown>;
}

export interface PurgedUrls {
  pages: string[];
  feeds: string[];
}

/** The public URLs a purge of these tags changed: each article's page and the locales' feeds, in every locale. */
export function purgedUrls(tags: readonly string[]): PurgedUrls {
  const slugs = tags.map(slugOfTag).filter((slug): slug is string => slug !== undefined);
  if (!slugs.length) return { pages: [], feeds: [] };
  return {
    pages: localeOrder.flatMap((locale) => slugs.map((slug) => absoluteUrl(paths.article(locale, slug)))),
    feeds: localeOrder.flatMap((locale) => Object.values(paths.feeds({ kind: 'locale', locale })).map(absoluteUrl)),
  };
}

const answer = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...noStoreHeaders() } });

export async function revalidate(request: Request, deps: RevalidateDeps): Promise<Response> {
  const body = await request.text();
  const signature = request.headers.get(SIGNATURE_HEADER_NAME);
  if (!deps.secret) return answer(401, { error: 'SANITY_WEBHOOK_SECRET is not set on the server: every webhook is refused' });
  if (!signature) return answer(401, { error: `missing ${SIGNATURE_HEADER_NAME} header` });
  // A malformed header makes @sanity/webhook throw: that is a wrong signature too.
  const valid = await isValidSignature(body, signature, deps.secret).catch(() => false);
  if (!valid) return answer(401, { error: 'invalid signature' });
  let tags: string[];
  try {
    tags = tagsForPayload(JSON.parse(body));
  } catch (error) {
    const message = error instanceof PayloadError ? error.message : `the body is not JSON (${(error as Error).message})`;
    return answer(400, { error: message });
  }
  if (!tags.length) return answer(200, { tags, purged: 0 });
  try {
    return answer(200, { tags, purged: await purge(tags, deps) });
  } catch (error) {
    return answer(502, { error: (error as Error).message, tags });
  }
}

/**
 * Purges tags everywhere: the in-process cache, every Varnish, then (in the background: the publish is
 * done; a slow or failing search engine must not hold it) the hubs and search engines. The webhook and
 * the content folder's watcher (src/server/cache-provider.ts) both purge through here. Resolves with
 * the objects Varnish dropped; throws when a Varnish refuses.
 */
export async function purge(tags: string[], deps: Omit<RevalidateDeps, 'secret'>): Promise<number> {
  // First Sanity's kept answers (src/server/query-cache.ts): a page rendered after the purge reads the new content.
  forgetQueries();
  await deps.invalidate(tags);
  const purged = deps.varnish.length ? (await purgeVarnish(tags, { servers: deps.varnish })).purged : 0;
  void deps.notify(purgedUrls(tags));
  return purged;
}

/** The environment's dependencies. */
export const revalidateEnv = (invalidate: RevalidateDeps['invalidate']): RevalidateDeps => ({
  secret: env.SANITY_WEBHOOK_SECRET,
  varnish: env.TONGBAO_VARNISH_URLS ?? [],
  invalidate,
  notify: (purged) => notifyAfterPurge(purged),
});

/**
 * What an article page rendered on demand needs, from the request's params: the same props
 * getStaticPaths gives the static page (the article, its locale, related and neighbouring articles,
 * its tags) and the build context of the live content at the request's time. Undefined when the
 * locale or the article is not published: the page answers with the site's 404.
 */
import { env } from '../config/env.ts';
import { localeOrder } from '../config/site.ts';
import { articleContext, type ArticleContext } from '../lib/article-page.ts';
import type { BuildContext } from '../lib/build-context.ts';
import { requestContext } from '../lib/collection.ts';
import { localeFromSegment } from '../lib/urls.ts';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import { cacheHeaders } from './cache-headers.ts';
import { articlePageTags } from './cache-tags.ts';
import { liveEntries } from './live-content.ts';

export interface ArticleRequest {
  build: BuildContext;
  article: Article;
  locale: Locale;
  context: ArticleContext;
  tagKeys: string[];
}

/** Published articles by slug, per context (built at its first request, not a scan per request). */
const bySlug = new WeakMap<BuildContext, ReadonlyMap<string, Article>>();
function slugMap(build: BuildContext): ReadonlyMap<string, Article> {
  let map = bySlug.get(build);
  if (!map) bySlug.set(build, (map = new Map(build.indexes.list.map((a) => [a.slug, a]))));
  return map;
}

/** `now`: the request's time; TONGBAO_NOW pins it (tests compare with a static build at the same clock). */
export async function articleOnDemand(
  params: Record<string, string | undefined>,
  now: Date = env.TONGBAO_NOW ?? new Date(),
): Promise<ArticleRequest | undefined> {
  const locale = localeFromSegment(params.locale);
  if (!locale || !localeOrder.includes(locale)) return undefined;
  const build = await requestContext(await liveEntries(), now);
  const ix = build.indexes;
  const article = params.slug === undefined ? undefined : slugMap(build).get(params.slug);
  if (!article) return undefined;
  return { build, article, locale, context: articleContext(ix, article), tagKeys: ix.tagKeys.get(article) ?? [] };
}

/**
 * How long caches keep an article page: fresh for 5 minutes, then served stale for a minute while it is
 * rendered again, and for a day while the origin is down. A publish purges it at once (/api/revalidate).
 */
export const ARTICLE_CACHE = { maxAge: 300, swr: 60, staleIfError: 86_400 } as const;

/** The response headers of an article page rendered on demand: the CDN headers with its tags. */
export function articleResponseHeaders(request: ArticleRequest): Record<string, string> {
  return cacheHeaders({ ...ARTICLE_CACHE, tags: articlePageTags(request.article, request.context) });
}

/**
 * Every route rendered on demand in server output goes through here: the route's pages (the same
 * `RoutePaths` its getStaticPaths uses, src/lib/route-paths.ts) in the build context of the live source
 * at the request's time, matched against the request's params; then its cache headers and tags.
 *
 * - No page with those params in the live content (unknown slug, unpublished, draft, a page past the
 *   last) → `404` with no body, which Astro answers with the site's 404 page.
 * - The source cannot be read (a file half written, bad front matter; Sanity down, 5xx, 429, a timeout)
 *   → 503 with Retry-After and a readable page (src/server/unavailable.ts), never cached; what caches
 *   hold keeps being served (stale-if-error in Varnish).
 * - The source is a seam: content/ → the context of every article (liveBuild); Sanity → the page's own
 *   queries and a context of what it shows (src/server/sanity-request.ts).
 * - Every lifetime (max-age, s-maxage, stale-while-revalidate) ends by the next scheduled article's
 *   publishedAt, so it appears at its time on every page.
 *
 * Prerendered (a static build, or a route server output keeps static): the props are getStaticPaths'
 * and the context is the build's.
 */
import type { APIContext, APIRoute } from 'astro';
import { env } from '../config/env.ts';
import { nextScheduled } from '../lib/articles.ts';
import type { BuildContext } from '../lib/build-context.ts';
import { buildContext, requestContext } from '../lib/collection.ts';
import { paramsKey, type RouteParams, type RoutePaths } from '../lib/route-paths.ts';
import { cacheHeaders, type CachePolicy } from './cache-headers.ts';
import { kindTags, type PageKind } from './cache-tags.ts';
import { liveEntries, type LiveEntry } from './live-content.ts';
import { source } from '../config/source.ts';
import { SourceUnavailableError } from '../sources/sanity/retry.ts';
import { fromSanity } from './sanity-request.ts';
import { unavailableResponse } from './unavailable.ts';

/** How long caches keep each kind of page (seconds); a publish purges them at once (src/server/revalidate.ts). */
export const ROUTE_CACHE = {
  article: { maxAge: 300, swr: 60, staleIfError: 86_400 },
  list: { maxAge: 120, swr: 60, staleIfError: 86_400 },
  feed: { maxAge: 300, swr: 60, staleIfError: 86_400 },
  sitemap: { maxAge: 600, swr: 60, staleIfError: 86_400 },
  search: { maxAge: 300, swr: 60, staleIfError: 86_400 },
} as const satisfies Record<PageKind | 'article', Omit<CachePolicy, 'tags'>>;

export interface OnDemandRoute<P> {
  /** The route's pages in a context (what its getStaticPaths returns). */
  paths: RoutePaths<P>;
  /** Its kind: the lifetime and the kind tag. */
  kind: PageKind | 'article';
  /** Tags beyond the kind's (an article page: the articles it shows). */
  tags?: (props: P, build: BuildContext) => readonly string[];
  /** The params to match, when not the route's own (the search bundles: from the whole path). */
  params?: (url: URL) => RouteParams;
  /** A direct lookup instead of listing every page (article pages: one of many thousands). */
  find?: (build: BuildContext, params: RouteParams) => P | undefined;
}

export interface Rendered<P> {
  build: BuildContext;
  props: P;
  /** The response headers of this page (empty when prerendered). */
  headers: Record<string, string>;
}

/** The live source's context at `now`, and when the next scheduled article comes out (seconds, if any). */
export interface LiveBuild {
  build: BuildContext;
  changesIn: number | undefined;
}

export class SourceUnavailable extends Error {
  override name = 'SourceUnavailable';
}

/** `now`: the request's time; TONGBAO_NOW pins it (tests compare with a static build at the same clock). */
export async function liveBuild(now: Date = env.TONGBAO_NOW ?? new Date()): Promise<LiveBuild> {
  let entries: LiveEntry[];
  try {
    entries = await liveEntries();
  } catch (error) {
    throw new SourceUnavailable((error as Error).message, { cause: error });
  }
  return {
    build: await requestContext(entries, now),
    changesIn: nextScheduled(
      entries.map((e) => e.data),
      now,
    ),
  };
}

/** Each route's pages by params key, per context (listed at the first request of a content version). */
const listed = new WeakMap<BuildContext, Map<RoutePaths<unknown>, ReadonlyMap<string, unknown>>>();

function lookup<P>(route: OnDemandRoute<P>, build: BuildContext, params: RouteParams): P | undefined {
  if (route.find) return route.find(build, params);
  let routes = listed.get(build);
  if (!routes) listed.set(build, (routes = new Map()));
  let pages = routes.get(route.paths as RoutePaths<unknown>);
  if (!pages) {
    pages = new Map(route.paths(build).map((p) => [paramsKey(p.params), p.props]));
    routes.set(route.paths as RoutePaths<unknown>, pages);
  }
  return pages.get(paramsKey(params)) as P | undefined;
}

/** The page of a request on demand, or the Response that answers it instead (404, 503). */
export async function renderOnDemand<P>(route: OnDemandRoute<P>, params: RouteParams, path = ''): Promise<Rendered<P> | Response> {
  let page: { build: BuildContext | undefined; props: P | undefined; changesIn: number | undefined };
  try {
    if (source.kind === 'sanity') page = await fromSanity(route.paths, params, source, env.TONGBAO_NOW ?? new Date(), path);
    else {
      const live = await liveBuild();
      page = { build: live.build, props: lookup(route, live.build, params), changesIn: live.changesIn };
    }
  } catch (error) {
    if (!(error instanceof SourceUnavailable || error instanceof SourceUnavailableError)) throw error;
    console.error(`[tongbao] the content cannot be read; answering 503 until it can:\n${error.message}`);
    return unavailableResponse();
  }
  const { build, props } = page;
  if (props === undefined || !build) return new Response(null, { status: 404 });
  const tags = [...(route.kind === 'article' ? [] : kindTags(route.kind)), ...(route.tags?.(props, build) ?? [])];
  const headers = cacheHeaders({ ...ROUTE_CACHE[route.kind], tags, changesIn: page.changesIn });
  return { build, props, headers };
}

/** The context each page rendered on demand was rendered in, for its components (the header's sections). */
const requestBuilds = new WeakMap<Request, BuildContext>();
export const requestBuild = (request: Request): BuildContext | undefined => requestBuilds.get(request);

/** What an .astro page needs of `Astro`. */
interface PageGlobal {
  isPrerendered: boolean;
  props: unknown;
  params: RouteParams;
  request: Request;
  url: URL;
  response: { headers: Headers };
}

/**
 * An .astro page's props and context: prerendered, getStaticPaths' props and the build's context; on
 * demand, the request's page with its cache headers set. A Response (404, 503) is returned for the page
 * to return.
 */
export async function pageProps<P>(Astro: PageGlobal, route: OnDemandRoute<P>): Promise<Rendered<P> | Response> {
  if (Astro.isPrerendered) return { build: await buildContext(), props: Astro.props as P, headers: {} };
  const rendered = await renderOnDemand(route, Astro.params, Astro.url.pathname);
  if (rendered instanceof Response) return rendered;
  requestBuilds.set(Astro.request, rendered.build);
  for (const [name, value] of Object.entries(rendered.headers)) Astro.response.headers.set(name, value);
  return rendered;
}

/** An endpoint (feed, sitemap, share image) over a route: the handler's response, with the cache headers on demand. */
export function endpoint<P>(
  route: OnDemandRoute<P>,
  handler: (props: P, build: BuildContext, context: APIContext) => Promise<Response> | Response,
): APIRoute {
  return async (context) => {
    if (context.isPrerendered) {
      const build = await buildContext();
      // A route of one page has no getStaticPaths (the sitemaps), so Astro hands it no props: its page's own.
      const props = Object.keys(context.props).length
        ? context.props
        : route.paths(build).find((p) => paramsKey(p.params) === paramsKey(context.params))?.props;
      return handler(props as P, build, context);
    }
    const rendered = await renderOnDemand(route, route.params?.(context.url) ?? context.params, context.url.pathname);
    // A page's empty 404 is answered with the site's 404 page; an endpoint's only with this header (Astro's own, as
    // its router sends for a path no route matches): without it a feed of an unknown category would be an empty 404.
    if (rendered instanceof Response && rendered.status === 404) return new Response(null, { status: 404, headers: { 'X-Astro-Error': 'true' } });
    if (rendered instanceof Response) return rendered;
    const response = await handler(rendered.props, rendered.build, context);
    for (const [name, value] of Object.entries(rendered.headers)) response.headers.set(name, value);
    return response;
  };
}

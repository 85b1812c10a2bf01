/** Astro endpoints for the feeds: each route file is one line over this. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { locales } from '../../config/site.ts';
import { allBodiesReady, publishedArticles } from '../collection.ts';
import type { FeedFormat, FeedScope } from '../urls.ts';
import { CONTENT_TYPES, feedScopes, renderFeed } from './index.ts';

export function feedEndpoint(kind: FeedScope['kind'], format: FeedFormat) {
  const getStaticPaths = (async () => {
    const scopes = feedScopes(await publishedArticles()).filter((s) => s.kind === kind);
    return scopes.map((scope) => ({
      params: { locale: locales[scope.locale].segment, ...('slug' in scope ? { slug: scope.slug } : {}) },
      props: { scope },
    }));
  }) satisfies GetStaticPaths;

  const GET: APIRoute = async ({ props }) => {
    const { scope } = props as { scope: FeedScope };
    // Feeds carry full bodies: wait for the render workers rather than render the same bodies again.
    await allBodiesReady();
    const body = renderFeed(format, scope, await publishedArticles());
    return new Response(body, { headers: { 'Content-Type': CONTENT_TYPES[format] } });
  };
  return { getStaticPaths, GET };
}

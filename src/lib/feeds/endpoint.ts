/** Astro endpoints for the feeds: each route file is one line over this. */
import type { GetStaticPaths } from 'astro';
import { endpoint } from '../../server/on-demand.ts';
import { contextBodiesReady, staticPaths } from '../collection.ts';
import { feedPages } from '../routes.ts';
import type { FeedFormat, FeedScope } from '../urls.ts';
import { CONTENT_TYPES, renderFeed } from './index.ts';

export function feedEndpoint(kind: FeedScope['kind'], format: FeedFormat) {
  const route = { kind: 'feed', paths: feedPages[kind] } as const;
  const getStaticPaths = staticPaths(route.paths) satisfies GetStaticPaths;
  const GET = endpoint(route, async ({ scope }, build) => {
    // Feeds carry full bodies: wait for the render workers rather than render the same bodies again.
    await contextBodiesReady(build);
    return new Response(renderFeed(format, scope, build.published, build.shareImages), { headers: { 'Content-Type': CONTENT_TYPES[format] } });
  });
  return { getStaticPaths, GET };
}

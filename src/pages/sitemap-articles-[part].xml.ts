// sitemap-articles-<n>.xml: article sitemaps 2… once the articles pass one sitemap's 50,000 URLs (src/lib/sitemaps.ts).
import type { GetStaticPaths } from 'astro';
import { staticPaths } from '@/lib/collection.ts';
import { sitemapPages } from '@/lib/routes.ts';
import { articlesSitemap } from '@/lib/sitemaps.ts';
import { endpoint } from '@/server/on-demand.ts';

const route = { kind: 'sitemap', paths: sitemapPages.articleParts } as const;
export const getStaticPaths = staticPaths(route.paths) satisfies GetStaticPaths;
export const GET = endpoint(
  route,
  async ({ articles }) => new Response(await articlesSitemap(articles), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } }),
);

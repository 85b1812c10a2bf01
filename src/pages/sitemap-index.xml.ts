// sitemap-index.xml: see src/lib/sitemaps.ts.
import { sitemapPages } from '@/lib/routes.ts';
import { sitemapIndex } from '@/lib/sitemaps.ts';
import { endpoint } from '@/server/on-demand.ts';

export const GET = endpoint(
  { kind: 'sitemap', paths: sitemapPages.index },
  async ({ articles, articleSitemaps }) =>
    new Response(await sitemapIndex(articles, articleSitemaps), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } }),
);

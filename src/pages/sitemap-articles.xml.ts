// sitemap-articles.xml: see src/lib/sitemaps.ts.
import { sitemapPages } from '@/lib/routes.ts';
import { articlesSitemap } from '@/lib/sitemaps.ts';
import { endpoint } from '@/server/on-demand.ts';

export const GET = endpoint(
  { kind: 'sitemap', paths: sitemapPages.articles },
  async ({ articles }) => new Response(await articlesSitemap(articles), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } }),
);

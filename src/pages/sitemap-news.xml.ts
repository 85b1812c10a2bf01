// sitemap-news.xml: see src/lib/sitemaps.ts.
import { sitemapPages } from '@/lib/routes.ts';
import { newsSitemap } from '@/lib/sitemaps.ts';
import { endpoint } from '@/server/on-demand.ts';

export const GET = endpoint(
  { kind: 'sitemap', paths: sitemapPages.news },
  async ({ articles }, { now }) => new Response(await newsSitemap(articles, now), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } }),
);

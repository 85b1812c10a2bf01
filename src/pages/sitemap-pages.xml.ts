// sitemap-pages.xml: see src/lib/sitemaps.ts.
import { sitemapPages } from '@/lib/routes.ts';
import { pagesSitemap } from '@/lib/sitemaps.ts';
import { endpoint } from '@/server/on-demand.ts';

export const GET = endpoint(
  { kind: 'sitemap', paths: sitemapPages.pages },
  async ({ articles }) => new Response(await pagesSitemap(articles), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } }),
);

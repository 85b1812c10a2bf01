// sitemap-pages.xml: see src/lib/sitemaps.ts.
import { onePage } from '@/lib/routes.ts';
import { pagesSitemap } from '@/lib/sitemaps.ts';
import { endpoint } from '@/server/on-demand.ts';

export const GET = endpoint(
  { kind: 'sitemap', paths: onePage },
  async (_, { published }) => new Response(await pagesSitemap(published), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } }),
);

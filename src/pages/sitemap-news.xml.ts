// sitemap-news.xml: see src/lib/sitemaps.ts.
import { onePage } from '@/lib/routes.ts';
import { newsSitemap } from '@/lib/sitemaps.ts';
import { endpoint } from '@/server/on-demand.ts';

export const GET = endpoint(
  { kind: 'sitemap', paths: onePage },
  async (_, { published, now }) => new Response(await newsSitemap(published, now), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } }),
);

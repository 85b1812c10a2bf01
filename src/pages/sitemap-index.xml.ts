// sitemap-index.xml: see src/lib/sitemaps.ts.
import { onePage } from '@/lib/routes.ts';
import { sitemapIndex } from '@/lib/sitemaps.ts';
import { endpoint } from '@/server/on-demand.ts';

export const GET = endpoint(
  { kind: 'sitemap', paths: onePage },
  async (_, { published }) => new Response(await sitemapIndex(published), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } }),
);

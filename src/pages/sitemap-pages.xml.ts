// sitemap-pages.xml: see src/lib/sitemaps.ts.
import type { APIRoute } from 'astro';
import { buildContext } from '@/lib/collection.ts';
import { pagesSitemap } from '@/lib/sitemaps.ts';

export const GET: APIRoute = async () => {
  const { published } = await buildContext();
  return new Response(await pagesSitemap(published), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

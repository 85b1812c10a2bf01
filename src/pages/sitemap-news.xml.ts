// sitemap-news.xml: see src/lib/sitemaps.ts.
import type { APIRoute } from 'astro';
import { buildContext } from '@/lib/collection.ts';
import { newsSitemap } from '@/lib/sitemaps.ts';

export const GET: APIRoute = async () => {
  const { published, now } = await buildContext();
  return new Response(await newsSitemap(published, now), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

// sitemap-index.xml: see src/lib/sitemaps.ts.
import type { APIRoute } from 'astro';
import { publishedArticles } from '../lib/collection.ts';
import { sitemapIndex } from '../lib/sitemaps.ts';

export const GET: APIRoute = async () => {
  const articles = await publishedArticles();
  return new Response(await sitemapIndex(articles), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

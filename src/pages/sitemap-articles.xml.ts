// sitemap-articles.xml: see src/lib/sitemaps.ts.
import type { APIRoute } from 'astro';
import { publishedArticles } from '../lib/collection.ts';
import { articlesSitemap } from '../lib/sitemaps.ts';

export const GET: APIRoute = async () => {
  const articles = await publishedArticles();
  return new Response(await articlesSitemap(articles), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

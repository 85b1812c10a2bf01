// sitemap-news.xml: see src/lib/sitemaps.ts.
import type { APIRoute } from 'astro';
import { buildTime, publishedArticles } from '../lib/collection.ts';
import { newsSitemap } from '../lib/sitemaps.ts';

export const GET: APIRoute = async () => {
  const articles = await publishedArticles();
  return new Response(await newsSitemap(articles, buildTime), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

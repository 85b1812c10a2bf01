// robots.txt: everything may be crawled; the sitemaps are named (see src/lib/sitemaps.ts).
import type { APIRoute } from 'astro';
import { robotsTxt } from '@/lib/sitemaps.ts';

export const GET: APIRoute = () => new Response(robotsTxt(), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

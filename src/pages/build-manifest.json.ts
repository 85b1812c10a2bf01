// build-manifest.json: the published articles per locale, for the output check of `npm run build`
// (scripts/build.ts), which removes this file before the site is swapped in. See src/lib/verify/manifest.ts.
import type { APIRoute } from 'astro';
import { publishedArticles } from '../lib/collection.ts';
import { buildManifest } from '../lib/verify/manifest.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(buildManifest(await publishedArticles()), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

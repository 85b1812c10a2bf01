// build-manifest.json: the published articles per locale, for the output check of `npm run build`
// (scripts/build.ts), which removes this file before the site is swapped in, and for the search index
// (src/integrations/search.ts). See src/lib/verify/manifest.ts.
import type { APIRoute } from 'astro';
import { buildContext } from '@/lib/collection.ts';
import { buildManifest } from '@/lib/verify/manifest.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(buildManifest((await buildContext()).published), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

// GET /pagefind/<locale>/<shard>/<file>, injected in server output only (src/integrations/server-mode.ts, one
// pattern per kind of file): the search bundles of the live content, indexed in process (src/server/search-index.ts).
import type { APIRoute } from 'astro';
import { endpoint, type OnDemandRoute } from '../on-demand.ts';
import { findSearchBundle, searchBundlePages, searchFileType, type SearchBundle } from '../search-index.ts';

export const prerender = false;

const route: OnDemandRoute<SearchBundle> = {
  kind: 'search',
  paths: searchBundlePages,
  // The whole path names the file (the patterns differ by kind of file).
  params: (url) => ({ file: url.pathname.slice('/pagefind/'.length) }),
  find: findSearchBundle,
};

export const GET: APIRoute = endpoint(route, async (bundle) => {
  const content = (await bundle.files).get(bundle.file);
  if (!content) return new Response(null, { status: 404, headers: { 'X-Astro-Error': 'true' } });
  return new Response(new Uint8Array(content), { headers: { 'Content-Type': searchFileType(bundle.file) } });
});

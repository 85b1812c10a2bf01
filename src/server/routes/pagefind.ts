// GET /pagefind/<locale>/<shard>/<file>, injected in server output only (src/integrations/server-mode.ts, one
// pattern per kind of file): the search bundles of the live content, indexed in process (src/server/search-index.ts).
import type { APIRoute } from 'astro';
import type { RouteParams } from '../../lib/route-paths.ts';
import { endpoint, type OnDemandRoute } from '../on-demand.ts';
import { searchFile, searchFileType, shardFiles, type SearchFile } from '../search-index.ts';

export const prerender = false;

const route: OnDemandRoute<SearchFile> = {
  kind: 'search',
  paths: () => [],
  // The whole path names the file (the patterns differ by kind of file).
  params: (url) => ({ file: url.pathname.slice('/pagefind/'.length) }),
  find: (build, params: RouteParams) => {
    const file = searchFile(params.file);
    return file && searchShardExists(build, file) ? file : undefined;
  },
};

function searchShardExists(build: Parameters<typeof shardFiles>[0], file: SearchFile): boolean {
  return shardFiles(build, file.locale, file.shard) !== undefined;
}

export const GET: APIRoute = endpoint(route, async (file, build) => {
  const content = (await shardFiles(build, file.locale, file.shard)!).get(file.file);
  if (!content) return new Response(null, { status: 404, headers: { 'X-Astro-Error': 'true' } });
  return new Response(new Uint8Array(content), { headers: { 'Content-Type': searchFileType(file.file) } });
});

// GET /pagefind/<locale>/<shard>/<file>, injected in server output only (src/integrations/server-mode.ts, one
// pattern per kind of file): the search bundles of the live content, indexed in process (src/server/search-index.ts).
// With content/ a shard's index is kept per build context (each content version has its own); Sanity finds its
// bundles with its own queries (src/server/sanity-request.ts).
import type { APIRoute } from 'astro';
import type { BuildContext } from '../../lib/build-context.ts';
import { contextBodiesReady } from '../../lib/collection.ts';
import type { RouteParams } from '../../lib/route-paths.ts';
import { searchShards } from '../../lib/search-shards.ts';
import { endpoint, type OnDemandRoute } from '../on-demand.ts';
import { queueShardIndex, searchBundlePages, searchFile, searchFileType, type SearchBundle } from '../search-index.ts';

export const prerender = false;

const indexed = new WeakMap<BuildContext, Map<string, Promise<ReadonlyMap<string, Uint8Array>>>>();

/** The bundle file a path names in this context, its shard indexed at the first request; undefined: no such locale or shard. */
function findSearchBundle(build: BuildContext, params: RouteParams): SearchBundle | undefined {
  const file = searchFile(params.file);
  const articles = file && searchShards(build.published, build.options.searchShardSize).find((s) => s.number === file.shard)?.articles;
  if (!file || !articles) return undefined;
  let shards = indexed.get(build);
  if (!shards) indexed.set(build, (shards = new Map()));
  const key = `${file.locale}/${file.shard}`;
  let files = shards.get(key);
  if (!files) {
    files = queueShardIndex(file.locale, articles, () => contextBodiesReady(build));
    // A failure is not kept: the next request indexes again.
    files.catch(() => shards.delete(key));
    shards.set(key, files);
  }
  return { ...file, files };
}

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

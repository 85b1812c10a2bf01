/**
 * Server output (TONGBAO_OUTPUT=server): which routes render on demand. The pages keep one code path
 * (src/server/on-demand.ts over the routes' pages, src/lib/routes.ts); this integration decides
 * `prerender` per route from the output mode, so the static build (no adapter, this integration absent)
 * is unchanged.
 *
 * Everything that shows content renders on demand: a prerendered page cannot be purged, so nothing
 * news-bearing is prerendered. Prerendered into the server's client folder, as in a static build: the
 * routes below, which depend on the configuration only (they change at the next build).
 */
import type { AstroIntegration } from 'astro';

/** Routes (component paths) that stay prerendered in server output: nothing in them comes from the articles. */
export const PRERENDERED_ROUTES: readonly string[] = [
  'src/pages/404.astro',
  'src/pages/[locale]/404.astro',
  'src/pages/[indexNowKey].txt.ts',
  'src/pages/build-manifest.json.ts',
  'src/pages/images/[...file].ts',
  'src/pages/logo.png.ts',
  'src/pages/robots.txt.ts',
  'src/pages/[locale]/search/query-map.json.ts',
  'src/pages/[locale]/share.png.ts',
];

/** The files of a Pagefind bundle, under /pagefind/<locale>/<shard>/. */
const PAGEFIND_PATTERNS = [
  ...['js', 'css', 'json', 'pf_meta', 'pagefind'].map((ext) => `/pagefind/[locale]/[shard]/[name].${ext}`),
  ...['fragment', 'index', 'filter'].map((kind) => `/pagefind/[locale]/[shard]/${kind}/[name].pf_${kind}`),
];

export function serverMode(): AstroIntegration {
  return {
    name: 'tongbao-server-mode',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({ pattern: '/api/revalidate', entrypoint: './src/server/routes/revalidate.ts', prerender: false });
        // A draft's preview (src/server/preview.ts): the way in, the way out, the page.
        injectRoute({ pattern: '/api/preview', entrypoint: './src/server/routes/preview.ts', prerender: false });
        injectRoute({ pattern: '/api/preview/exit', entrypoint: './src/server/routes/preview-exit.ts', prerender: false });
        injectRoute({ pattern: '/[locale]/preview/[slug]', entrypoint: './src/server/routes/preview-page.astro', prerender: false });
        // The search bundles, indexed in process from the live content (the static build writes them after the build).
        // One pattern per kind of file: Pagefind fetches them without the site's trailing slash, which only a
        // pattern ending in a file extension is exempt from.
        for (const pattern of PAGEFIND_PATTERNS) injectRoute({ pattern, entrypoint: './src/server/routes/pagefind.ts', prerender: false });
      },
      'astro:route:setup': ({ route }) => {
        if (route.component.startsWith('src/pages/') && !PRERENDERED_ROUTES.includes(route.component)) route.prerender = false;
      },
    },
  };
}

// Static site by default; TONGBAO_OUTPUT=server adds @astrojs/node and renders article pages on demand
// (src/integrations/server-mode.ts). No Markdown plugins here: article bodies go through our own pipeline (src/pipeline).
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import { env } from './src/config/env.ts';
import { projectDirs } from './src/config/paths.ts';
import { CONTENT_IMAGES_ALIAS } from './src/lib/lead-image-alias.ts';
import { csp } from './src/config/csp.ts';
import { searchIntegration } from './src/integrations/search.ts';
import { serverMode } from './src/integrations/server-mode.ts';
import { contentSyncLock } from './src/integrations/content-sync-lock.ts';

const server = env.TONGBAO_OUTPUT === 'server';

export default defineConfig({
  site: env.SITE_URL,
  // Server output keeps `static` as the default per route: only the routes server-mode.ts names render on demand.
  output: 'static',
  ...(server && {
    adapter: node({ mode: 'standalone' }),
    // The in-process route cache (src/server/cache-provider.ts), fed by the pages' CDN headers.
    cache: {
      provider: {
        name: 'tongbao-memory',
        entrypoint: new URL('./src/server/cache-provider.ts', import.meta.url),
        config: { origin: env.SITE_URL },
      },
    },
  }),
  outDir: projectDirs.out,
  // Astro's own caches (content store, incremental build) live beside our render cache.
  cacheDir: projectDirs.astroCache,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // The search index, from the build manifest the pages wrote; its figures join the build's stats file.
  // Server output writes no article pages for Pagefind to read, so it builds no index (yet).
  // Builds of this checkout that run at once take turns to sync content into .astro/ (content-sync-lock.ts).
  integrations: [contentSyncLock(projectDirs.contentSyncLock), ...(server ? [serverMode()] : [searchIntegration()])],
  experimental: {
    // Article pages whose cacheKey (src/lib/render-cache.ts) and template code are unchanged are
    // copied from the previous build instead of being rendered again.
    incrementalBuild: true,
  },
  // Content-Security-Policy as a <meta> on every page (src/config/csp.ts): scripts and styles only
  // from this site or by the hashes Astro computes, never 'unsafe-inline'.
  security: { csp: csp },
  // Article bodies go through src/pipeline; Astro's Markdown (and Shiki's inline styles, which CSP would block) is unused.
  markdown: { syntaxHighlight: false },
  vite: {
    resolve: {
      // The lead images' folder follows TONGBAO_CONTENT_DIR (src/lib/lead-image.ts globs it by this alias).
      alias: { [CONTENT_IMAGES_ALIAS]: projectDirs.images },
    },
  },
});

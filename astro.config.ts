// Static site. No Markdown plugins here: article bodies go through our own pipeline (src/pipeline).
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import { env } from './src/config/env.ts';
import { buildStatsIntegration } from './src/integrations/stats.ts';
import { csp } from './src/config/csp.ts';
import { searchIntegration } from './src/integrations/search.ts';

export default defineConfig({
  site: env.SITE_URL,
  output: 'static',
  outDir: env.TONGBAO_OUT_DIR,
  // Astro's own caches (content store, incremental build) live beside our render cache.
  cacheDir: resolve(env.TONGBAO_CACHE_DIR, 'astro'),
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Search first: its time goes into the stats written by the second.
  integrations: [searchIntegration(), buildStatsIntegration()],
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
});

// Static site. No Markdown plugins here: article bodies go through our own pipeline (src/pipeline).
import { defineConfig } from 'astro/config';
import { env } from './src/config/env.ts';
import { csp } from './src/config/csp.ts';

export default defineConfig({
  site: env.SITE_URL,
  output: 'static',
  outDir: env.TONGBAO_OUT_DIR,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Content-Security-Policy as a <meta> on every page (src/config/csp.ts): scripts and styles only
  // from this site or by the hashes Astro computes, never 'unsafe-inline'.
  security: { csp: csp },
  // Article bodies go through src/pipeline; Astro's Markdown (and Shiki's inline styles, which CSP would block) is unused.
  markdown: { syntaxHighlight: false },
});

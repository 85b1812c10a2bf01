// Static site. No Markdown plugins here: article bodies go through our own pipeline (src/pipeline).
import { defineConfig } from 'astro/config';
import { env } from './src/config/env.ts';
import { buildStatsIntegration } from './src/integrations/stats.ts';

export default defineConfig({
  site: env.SITE_URL,
  output: 'static',
  outDir: env.TONGBAO_OUT_DIR,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [buildStatsIntegration()],
});

/**
 * Server output (TONGBAO_OUTPUT=server): which routes render on demand. The pages keep one code path;
 * this integration decides `prerender` per route from the output mode, so the static build (no
 * adapter, this integration absent) is unchanged. On demand: article pages (they read the source at
 * request time, src/server/live-content.ts). Everything else is prerendered into the server's client
 * folder, as in a static build.
 */
import type { AstroIntegration } from 'astro';

/** Routes (component paths) rendered on request in server output. */
export const ON_DEMAND_ROUTES: readonly string[] = ['src/pages/[locale]/articles/[slug].astro'];

export function serverMode(): AstroIntegration {
  return {
    name: 'tongbao-server-mode',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({ pattern: '/api/revalidate', entrypoint: './src/server/routes/revalidate.ts', prerender: false });
      },
      'astro:route:setup': ({ route }) => {
        if (ON_DEMAND_ROUTES.includes(route.component)) route.prerender = false;
      },
    },
  };
}

/**
 * Builds of one checkout may run at once (the build tests do; `npm test` builds the end-to-end tests' site
 * beside `astro check`): they share the project's `.astro/`, where Astro's content sync rewrites
 * content-assets.mjs and content-modules.mjs through one fixed temporary name (`<file>.tmp`, then a
 * rename), so two syncs at once fail with ENOENT. This holds a lock (src/lib/sync-lock.ts) from the end of
 * configuration, after which Astro syncs content:
 *   - `astro build`: until the build proper starts (astro:build:start), so builds run side by side and
 *     take turns only for their sync;
 *   - `astro sync` and `astro check` (which syncs first): until the process ends, as no hook marks the end
 *     of their sync.
 * `astro dev` syncs again whenever content changes: it takes no lock (a build beside a dev server may
 * still collide).
 */
import type { AstroIntegration } from 'astro';
import { acquireLock } from '../lib/sync-lock.ts';

export function contentSyncLock(lockDir: string): AstroIntegration {
  let locks = false;
  let release: (() => void) | undefined;
  return {
    name: 'tongbao-content-sync-lock',
    hooks: {
      'astro:config:setup': ({ command }) => {
        locks = command === 'build' || command === 'sync';
      },
      'astro:config:done': async () => {
        // Once: a second call in the same process would wait for itself. Released on exit at the latest.
        if (locks && !release) release = await acquireLock(lockDir);
      },
      'astro:build:start': () => {
        release?.();
        release = undefined;
      },
    },
  };
}

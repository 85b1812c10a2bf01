import { defineConfig } from 'vitest/config';
import { projectDirs } from './src/config/paths.ts';
import { CONTENT_IMAGES_ALIAS } from './src/lib/lead-image-alias.ts';

// Groups, run one after the other:
//   unit, studio — in-process only: no child process and no build (tests/unit/ also no server;
//           sanity/tests/ validates documents against an in-process lake): test files run in parallel;
//   server — servers on loopback (the lake's webhooks, Varnish): files in parallel;
//   build — tests that spawn `npm run build`/`astro build`, the scripts or a lake: three files at a time,
//           in this run's own cache folder (tests/support/worker-cache.ts); builds of the same
//           scenario are shared by the files of a run (tests/support/scenarios.ts, folder from
//           tests/support/global-setup.ts).
export default defineConfig({
  // As in astro.config.ts: modules that glob the content's images (src/lib/lead-image.ts) load in tests too.
  resolve: { alias: { [CONTENT_IMAGES_ALIAS]: projectDirs.images } },
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 20_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'studio',
          include: ['sanity/tests/**/*.test.ts'],
          testTimeout: 20_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          // Servers on loopback (the lake's webhooks, Varnish in front of a small origin): no builds.
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          // Builds spawn `astro build`, in hooks and in tests (a scenario is built by whichever asks
          // first); give them room on a busy machine without hiding a hang.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Three files at a time on two cores: much of a build file's time is spent waiting on what it
          // spawns (a build's single-threaded phases, a lake, Chromium). Builds that start at once take
          // turns only for Astro's content sync into the shared `.astro/` (src/integrations/content-sync-lock.ts).
          maxWorkers: 3,
          setupFiles: ['tests/support/worker-cache.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

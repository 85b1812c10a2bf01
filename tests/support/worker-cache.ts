/**
 * setupFiles of the build tests. Each vitest worker gets
 *   - its own TONGBAO_CACHE_DIR (render cache, Astro's content store, Pagefind's shards) in this run's
 *     folder, so that a test run never reads or leaves the project's cache (a test that sets its own keeps it);
 *   - its own temporary folder (TMPDIR, which os.tmpdir() reads) inside this run's folder in the
 *     project (tests/support/global-setup.ts): every output folder a test makes is then under the
 *     working directory, where Astro bundles the pages inside the output folder instead of the
 *     project's shared `.astro/`.
 * Build test files run side by side (vitest.config.ts); their builds take turns only for Astro's content
 * sync into the project's `.astro/` (src/integrations/content-sync-lock.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

const worker = join(inject('scenarioDir'), `worker-${process.env.VITEST_POOL_ID ?? '0'}`);
mkdirSync(join(worker, 'tmp'), { recursive: true, mode: 0o755 });
process.env.TONGBAO_CACHE_DIR ??= join(worker, 'cache');
process.env.TMPDIR = join(worker, 'tmp');

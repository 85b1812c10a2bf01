/**
 * setupFiles of the build tests, which run two files at a time. Each vitest worker gets
 *   - its own TONGBAO_CACHE_DIR (render cache, Astro's content store, Pagefind's shards), so that two
 *     builds of different content never write the same cache (a test that sets its own keeps it);
 *   - its own temporary folder (TMPDIR, which os.tmpdir() reads) inside this run's folder in the
 *     project (tests/support/global-setup.ts): every output folder a test makes is then under the
 *     working directory, where Astro bundles the pages inside the output folder instead of the
 *     project's shared `.astro/`.
 * The rest a build writes in the project (`.astro/`'s types) is the same for every build and written
 * only when it changes, by rename.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

const worker = join(inject('scenarioDir'), `worker-${process.env.VITEST_POOL_ID ?? '0'}`);
mkdirSync(join(worker, 'tmp'), { recursive: true, mode: 0o755 });
process.env.TONGBAO_CACHE_DIR ??= join(worker, 'cache');
process.env.TMPDIR = join(worker, 'tmp');

/**
 * Measuring aid: counts the builds, lakes and scripts a test run spawns. Loaded into every Node
 * process of the run, it appends one line per build/script process to $TONGBAO_SPAWN_LOG when that
 * process exits: what ran, exit code, wall seconds, its own CPU seconds (children not included).
 * Plain JavaScript: NODE_OPTIONS also reaches npx's own Node, which may be the system's older one.
 *
 *   TONGBAO_SPAWN_LOG=/tmp/spawns.tsv NODE_OPTIONS=--import=$PWD/tests/support/spawn-log.mjs npx vitest run tests/build/x.test.ts
 *   grep -c '^astro.mjs build' /tmp/spawns.tsv
 */
import { appendFileSync } from 'node:fs';
import process from 'node:process';

const log = process.env.TONGBAO_SPAWN_LOG;
const what = /(astro\.mjs|scripts\/[a-z-]+\.ts)$/.exec(process.argv[1] ?? '')?.[1];
if (log && what) {
  const started = Date.now();
  const kind = what === 'astro.mjs' ? `astro.mjs ${process.argv[2] ?? ''}` : what;
  process.on('exit', (code) => {
    const cpu = process.cpuUsage();
    appendFileSync(log, `${kind}\t${code}\t${((Date.now() - started) / 1000).toFixed(1)} s\tcpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s\n`);
  });
}

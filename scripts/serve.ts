/**
 * `npm run serve`: starts the server a `TONGBAO_OUTPUT=server npm run build` wrote (TONGBAO_OUT_DIR/server/entry.mjs,
 * @astrojs/node standalone) on HOST:PORT (default 127.0.0.1:4321). Run it from the project root with the same
 * environment as the build (source, locales, SITE_URL): pages rendered on demand read the source at request time.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { env } from '../src/config/env.ts';
import { projectDirs } from '../src/config/paths.ts';

const entry = join(projectDirs.out, 'server', 'entry.mjs');
if (!existsSync(entry)) {
  console.error(`[tongbao] no server build in ${env.TONGBAO_OUT_DIR}/ (server/entry.mjs missing): run TONGBAO_OUTPUT=server npm run build first.`);
  process.exit(1);
}
const child = spawn(process.execPath, [entry], {
  cwd: projectDirs.root,
  stdio: 'inherit',
  env: { ...process.env, TONGBAO_OUTPUT: 'server', HOST: env.HOST, PORT: String(env.PORT) },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

/**
 * `npm run studio`: the real Sanity Studio on localhost against the local lake, offline.
 *
 *   npm run studio -- [--port 3333] [--lake-port 3334] [--token <token>] [--dataset content/dataset.ndjson] [--persist] [--built]
 *
 * Starts the lake (scripts/lake/server.ts) with the Studio's API mounted (scripts/lake/studio-api.ts)
 * on http://localhost:<lake-port>, then `sanity dev` in sanity/ with the workspace pointed at it
 * (SANITY_STUDIO_API_HOST) and telemetry off. Open the printed address: `/#token=…` signs the Studio in.
 * The dataset is read into memory: edits last until the lake stops, unless --persist writes them back.
 * --built: `sanity build` (with the same env) into a temporary folder, then `sanity preview` serves it — what the
 * Studio tests use: a page loads a few dozen bundled chunks instead of Vite's hundreds of modules, and no
 * dependency optimizer reloads the page on first use of the conversion pane or the import tool.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createSecureServer } from 'node:http2';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { Lake } from './lake/server.ts';
import { StudioApi } from './lake/studio-api.ts';
import { localCertificate } from './lake/tls.ts';
import { loadMutator } from './lake/transactions.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.TONGBAO_STUDIO_PORT ?? '3333' },
    'lake-port': { type: 'string', default: process.env.TONGBAO_LAKE_PORT ?? '3334' },
    token: { type: 'string', default: process.env.TONGBAO_LAKE_TOKEN ?? 'tongbao-local-lake-editor-token-0001' },
    dataset: { type: 'string', default: join(root, 'content', 'dataset.ndjson') },
    persist: { type: 'boolean', default: false },
    built: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`[tongbao] studio: ${message}`);
  process.exit(2);
}
const port = (name: string, value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) fail(`--${name} ${value}: expected a port number`);
  return n;
};
const studioPort = port('port', values.port);
const lakePort = port('lake-port', values['lake-port']);
// The Studio takes a token from /#token=… only when it has 32 characters or more.
if (!values.token || values.token.length < 32 || /[&#\s]/.test(values.token))
  fail('--token: the Studio signs in with a token of 32 or more characters, without &, # or spaces');

const PROJECT_ID = 'local';
const DATASET = 'production';
// The Studio addresses the API as https://<projectId>.localhost:<port> (Chromium resolves *.localhost to
// loopback), so the lake listens on the loopback address every such name resolves to, over HTTP/2 with
// TLS (see scripts/lake/tls.ts for why), and still answers HTTP/1.1 (@sanity/client in Node, curl).
const apiHost = `https://localhost:${lakePort}`;

try {
  await loadMutator();
} catch (error) {
  fail((error as Error).message.replace(/^\[tongbao\] /, ''));
}

let tls: ReturnType<typeof localCertificate>;
try {
  tls = localCertificate(root);
} catch (error) {
  fail((error as Error).message.replace(/^\[tongbao\] /, ''));
}
let lake: Lake;
try {
  lake = new Lake({
    datasetFile: values.dataset,
    assetsDir: [join(root, 'content', 'images'), join(root, 'public', 'images')],
    token: values.token,
    persist: values.persist,
    createServer: (listener) => createSecureServer({ key: tls.key, cert: tls.cert, allowHTTP1: true }, listener as never) as unknown as Server,
  });
} catch (error) {
  fail(`${(error as Error).message.replace(/^\[tongbao\] /, '')}\n  Check the file, or regenerate it with \`npm run dataset\`.`);
}
const studioApi = new StudioApi(lake, { projectId: PROJECT_ID, dataset: DATASET, origin: `https://${PROJECT_ID}.localhost:${lakePort}` });
lake.routes.push(studioApi.route);
try {
  await lake.listen(lakePort, '127.0.0.1');
} catch (error) {
  fail(`cannot listen on 127.0.0.1:${lakePort} (${(error as Error).message}); choose another with --lake-port`);
}
console.log(
  `[tongbao] lake: ${lake.docs.size} documents from ${relative(process.cwd(), values.dataset) || values.dataset}, API at ${apiHost}${values.persist ? ' (edits written back)' : ' (edits kept in memory)'}`,
);

// The Studio's own CLI, from its install in sanity/, run by the Node that runs this script.
const require = createRequire(join(root, 'sanity', 'package.json'));
let cli: string;
try {
  cli = join(dirname(require.resolve('@sanity/cli/package.json')), 'bin', 'run.js');
} catch {
  fail('the Studio is not installed: run `npm ci --prefix sanity`');
}
const env = {
  ...process.env,
  PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
  SANITY_STUDIO_PROJECT_ID: PROJECT_ID,
  SANITY_STUDIO_DATASET: DATASET,
  SANITY_STUDIO_API_HOST: apiHost,
  // The conversion pane shows the locales the site publishes (sanity/components/site-locales.ts).
  ...(process.env.TONGBAO_LOCALES ? { SANITY_STUDIO_TONGBAO_LOCALES: process.env.TONGBAO_LOCALES } : {}),
  ...(process.env.TONGBAO_ZH_HANT_VARIANT ? { SANITY_STUDIO_ZH_HANT_VARIANT: process.env.TONGBAO_ZH_HANT_VARIANT } : {}),
  // The CLI's own requests to the lake (none are expected in `sanity dev`) trust its certificate.
  NODE_EXTRA_CA_CERTS: tls.file,
  // Telemetry and update checks off.
  DO_NOT_TRACK: '1',
  SANITY_TELEMETRY_DISABLED: '1',
  NO_UPDATE_NOTIFIER: '1',
};
let builtDir: string | undefined;
if (values.built) {
  builtDir = mkdtempSync(join(tmpdir(), 'tongbao-studio-built-'));
  const started = Date.now();
  const build = spawnSync(process.execPath, [cli, 'build', builtDir, '-y'], {
    cwd: join(root, 'sanity'),
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) {
    rmSync(builtDir, { recursive: true, force: true });
    await lake.close();
    fail(`sanity build failed (exit ${build.status ?? 'signal'}); see above`);
  }
  console.log(`[tongbao] studio: built in ${((Date.now() - started) / 1000).toFixed(0)} s into ${builtDir}`);
}
const serve = builtDir ? ['preview', builtDir] : ['dev'];
const studio = spawn(process.execPath, [cli, ...serve, '--host', 'localhost', '--port', String(studioPort)], {
  cwd: join(root, 'sanity'),
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let announced = false;
studio.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /localhost:\d+|ready|running at/i.test(chunk.toString())) {
    announced = true;
    console.log(
      `[tongbao] studio: the lake's certificate is self-signed (${relative(process.cwd(), tls.file)}): open https://${PROJECT_ID}.localhost:${lakePort}/ once and accept it`,
    );
    console.log(`[tongbao] studio: open http://localhost:${studioPort}/#token=${values.token}`);
  }
});

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  if (studio.exitCode === null) studio.kill('SIGTERM');
  studioApi.close();
  await lake.close();
  if (builtDir) rmSync(builtDir, { recursive: true, force: true });
  process.exit(code);
};
studio.on('exit', (code) => {
  if (!stopping) {
    console.error(`[tongbao] studio: sanity ${serve[0]} exited (${code ?? 'signal'})`);
    void stop(code ?? 1);
  }
});
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

/**
 * `npm run bench -- --mode server --articles N [--source sanity|content] [--edits 20] [--seconds 10] [--client-workers 2]
 *  [--connections 32] [--pipelining 4] [--no-static]`
 *
 * The server mode at an archive size, in one run (issue 15, point 6):
 * - the source: N generated documents in the lake (scripts/lake/generate.ts, with the samples; the lake indexed by
 *   _id, _type and slug as Sanity answers), or N generated Markdown files (`--source content`);
 * - `TONGBAO_OUTPUT=server npm run build`, then `npm run serve` with Varnish (infra/varnish/tongbao.vcl) in front:
 *   ready time (spawn → the first article answered), resident memory after the measurements;
 * - cold article renders, straight to Node: distinct articles, each asked once (no cache holds them), p50/p95;
 * - cached hits per second through Node (the in-process cache) and through Varnish (autocannon, loopback, after a
 *   3 s warm-up; `--connections` × `--pipelining` requests in flight), with the cores the client and the server
 *   (or Varnish) used: on 2 cores the client takes most of them, and its share says how far the figure is the client's;
 * - publish-to-live over `--edits` edits: a mutation in the lake (or a file written) → the webhook (or the
 *   watcher) purges → the first response through Varnish with the new text; p50/p95;
 * - beside it, the static build of the same source, cold and again after one edit (unless `--no-static`).
 * Writes bench/results/server-<N>.json and the server table in docs/benchmarks.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createClient } from '@sanity/client';
import { freePort, startVarnish } from '../lib/varnish.ts';
import { generateCorpus } from './corpus.ts';
import { measure, treeCpuSeconds, treeRssKb } from './measure.ts';
import { generatedSlug, generateDocs } from '../lake/generate.ts';

export interface ServerBenchOptions {
  root: string;
  articles: number;
  source: 'sanity' | 'content';
  edits: number;
  seconds: number;
  /** autocannon's worker threads (the client shares the cores with the server and Varnish). */
  clientWorkers: number;
  /** autocannon's connections, and requests sent on each before the answers (HTTP/1.1 pipelining; 1: none). */
  connections: number;
  pipelining: number;
  static: boolean;
  docs: boolean;
  keep: boolean;
}

const log = (message: string) => console.log(`[bench] ${message}`);
const pct = (xs: readonly number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SECRET = 'bench-webhook-secret';
const TOKEN = 'bench-editor-token';

interface Child {
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `npm run <script>` (Node 24 through npm), resolving when a line matches `ready`. */
function start(root: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, what: string, timeoutMs = 300_000): Promise<Child> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn('npm', ['run', '--silent', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const timer = setTimeout(
      () => reject(new Error(`[tongbao] ${what} did not start within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`)),
      timeoutMs,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({
          process: child,
          output: () => output,
          stop: async () => {
            try {
              process.kill(-child.pid!, 'SIGTERM');
            } catch {
              // already gone
            }
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`[tongbao] ${what} exited (${code}) before it was ready:\n${output.slice(-3000)}`));
    });
  });
}

async function get(url: string): Promise<{ status: number; text: string; ms: number }> {
  const t = performance.now();
  const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - t };
}

interface Cannon {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Cores in use while it ran: the client (this process, autocannon's threads) and what answered (its process tree). */
  clientCores: number;
  serverCores: number;
}

async function cannon(url: string, o: ServerBenchOptions, serverPid: number): Promise<Cannon> {
  const options = {
    url,
    headers: { 'accept-encoding': 'gzip' },
    connections: o.connections,
    pipelining: o.pipelining,
    workers: o.clientWorkers,
  };
  // A warm-up: the JIT compiles the hot path, connections open (not counted).
  await autocannon({ ...options, duration: 3 });
  const [client, server, t] = [process.cpuUsage(), treeCpuSeconds(serverPid), performance.now()];
  const result = await autocannon({ ...options, duration: o.seconds });
  const wall = (performance.now() - t) / 1000;
  const used = process.cpuUsage(client);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    clientCores: (used.user + used.system) / 1e6 / wall,
    serverCores: (treeCpuSeconds(serverPid) - server) / wall,
  };
}

export async function serverBench(o: ServerBenchOptions): Promise<void> {
  const work = join(o.root, '.bench-work', `server-${o.source}-${o.articles}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const [lakePort, serverPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${serverPort}`;
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  for (const k of Object.keys(baseEnv)) if (k.startsWith('SANITY_') || k.startsWith('TONGBAO_')) delete baseEnv[k];
  let sourceEnv: NodeJS.ProcessEnv;
  let slugs: string[];
  let lake: Child | undefined;
  let edit: (slug: string, marker: string) => Promise<void>;
  const children: Child[] = [];

  try {
    if (o.source === 'sanity') {
      const datasetFile = join(work, 'dataset.ndjson');
      log(`writing ${o.articles} generated documents (with the samples) to ${datasetFile}`);
      const samples = readFileSync(join(o.root, 'content', 'dataset.ndjson'), 'utf8').trimEnd();
      const docs = generateDocs(o.articles);
      await writeFile(datasetFile, samples + '\n' + docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
      // The articles published now, without a draft over them: past 30,000 or so the generated hours run into the
      // future, and those are scheduled (404 until their time).
      const published = new Set(
        docs
          .filter((d) => d._type === 'article' && !d._id.startsWith('drafts.') && Date.parse(String(d.publishedAt)) <= Date.now())
          .map((d) => d._id),
      );
      slugs = Array.from({ length: o.articles }, (_, i) => generatedSlug(i)).filter((s, i) => i % 50 !== 7 && published.has(`article.${s}`));
      sourceEnv = { SANITY_PROJECT_ID: 'local', SANITY_DATASET: 'production', SANITY_API_HOST: `http://127.0.0.1:${lakePort}` };
      const started = performance.now();
      lake = await start(
        o.root,
        [
          'lake',
          '--',
          '--port',
          String(lakePort),
          '--dataset',
          datasetFile,
          '--token',
          TOKEN,
          '--webhook',
          `${origin}/api/revalidate/`,
          '--webhook-secret',
          SECRET,
        ],
        baseEnv,
        /build from it:/,
        'the lake',
      );
      children.push(lake);
      log(`  lake ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const client = createClient({
        projectId: 'local',
        dataset: 'production',
        apiHost: `http://127.0.0.1:${lakePort}`,
        useProjectHostname: false,
        useCdn: false,
        apiVersion: '2025-02-19',
        token: TOKEN,
      });
      edit = async (slug, marker) => {
        await client
          .patch(`article.${slug}`)
          .set({ title: `编辑 ${marker}` })
          .commit({ visibility: 'sync' });
      };
    } else {
      const contentDir = join(work, 'content');
      log(`generating ${o.articles} articles in ${contentDir}`);
      const corpus = await generateCorpus({
        articles: o.articles,
        dir: contentDir,
        sampleDir: join(o.root, 'content', 'articles'),
        onProgress: (n) => log(`  generated ${n}/${o.articles}`),
      });
      slugs = corpus.articles.map((a) => a.slug);
      sourceEnv = { TONGBAO_CONTENT_DIR: contentDir };
      edit = async (slug, marker) => {
        const file = join(contentDir, 'articles', `${slug}.md`);
        await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: 编辑 ${marker}`));
      };
    }

    // The server build.
    const serverOut = join(work, 'server-dist');
    log('TONGBAO_OUTPUT=server npm run build');
    const serverBuild = await measure('npm', ['run', 'build'], {
      cwd: o.root,
      env: { ...baseEnv, ...sourceEnv, TONGBAO_OUTPUT: 'server', TONGBAO_OUT_DIR: serverOut },
    });
    if (serverBuild.exitCode !== 0) throw new Error(`[tongbao] the server build failed:\n${serverBuild.output.slice(-4000)}`);
    log(`  server build: ${serverBuild.wallSeconds.toFixed(1)} s`);

    const varnish = await startVarnish({ backend: { host: '127.0.0.1', port: serverPort }, storage: '512m' });
    children.push({ process: varnish.process, output: varnish.output, stop: varnish.stop });
    const serveEnv = {
      ...baseEnv,
      ...sourceEnv,
      TONGBAO_OUTPUT: 'server',
      TONGBAO_OUT_DIR: serverOut,
      HOST: '127.0.0.1',
      PORT: String(serverPort),
      SANITY_WEBHOOK_SECRET: SECRET,
      TONGBAO_VARNISH_URLS: varnish.url,
    };
    const article = (slug: string, locale = 'zh-hans') => `/${locale}/articles/${slug}/`;
    const spawned = performance.now();
    const server = await start(o.root, ['serve'], serveEnv, /Server listening/, 'the server');
    children.push(server);
    const first = await get(`${origin}${article(slugs[0]!)}`);
    if (first.status !== 200)
      throw new Error(`[tongbao] the first article answered ${first.status}:\n${first.text.slice(0, 2000)}\n${server.output().slice(-3000)}`);
    const readySeconds = (performance.now() - spawned) / 1000;
    log(`  server ready (spawn → first article answered): ${readySeconds.toFixed(2)} s`);

    // Cold renders: distinct articles spread over the archive, each once, one at a time.
    const coldCount = Math.min(200, slugs.length - 1);
    const cold: number[] = [];
    for (let i = 1; i <= coldCount; i++) {
      const slug = slugs[Math.floor((i * (slugs.length - 1)) / coldCount)]!;
      const r = await get(`${origin}${article(slug, i % 2 ? 'zh-hant' : 'zh-hans')}`);
      if (r.status !== 200) throw new Error(`[tongbao] ${article(slug)} answered ${r.status}`);
      cold.push(r.ms);
    }
    log(`  cold article render: p50 ${pct(cold, 50).toFixed(1)} ms, p95 ${pct(cold, 95).toFixed(1)} ms (${coldCount} articles)`);

    // Cached hits.
    const hot = article(slugs[1]!);
    await get(`${origin}${hot}`);
    await get(`${varnish.url}${hot}`);
    const load = `${o.seconds} s, ${o.connections} connections × ${o.pipelining} in flight, ${o.clientWorkers} client threads`;
    const cores = (c: Cannon, what: string) => `cores: client ${c.clientCores.toFixed(2)}, ${what} ${c.serverCores.toFixed(2)}`;
    log(`  autocannon through Node (${load})`);
    const node = await cannon(`${origin}${hot}`, o, server.process.pid!);
    log(`    ${node.requestsPerSecond.toFixed(0)}/s, p50 ${node.p50} ms, errors ${node.errors}, non-2xx ${node.non2xx}; ${cores(node, 'server')}`);
    log(`  autocannon through Varnish (${load})`);
    const cache = await cannon(`${varnish.url}${hot}`, o, varnish.process.pid!);
    log(
      `    ${cache.requestsPerSecond.toFixed(0)}/s, p50 ${cache.p50} ms, errors ${cache.errors}, non-2xx ${cache.non2xx}; ${cores(cache, 'Varnish')}`,
    );

    // Publish-to-live: each edit on another article whose page Varnish holds.
    const live: number[] = [];
    for (let i = 0; i < o.edits; i++) {
      const slug = slugs[Math.floor(((i + 0.5) * (slugs.length - 1)) / o.edits)]!;
      const url = `${varnish.url}${article(slug)}`;
      await get(url);
      const marker = `m${Date.now().toString(36)}${i}`;
      const t = performance.now();
      await edit(slug, marker);
      for (;;) {
        const r = await get(url);
        if (r.text.includes(marker)) break;
        if (performance.now() - t > 30_000)
          throw new Error(
            `[tongbao] edit ${i + 1}: ${url} did not show the new title within 30 s\nlake:\n${lake?.output().slice(-1500) ?? ''}\nserver:\n${server.output().slice(-1500)}`,
          );
        await sleep(5);
      }
      live.push(performance.now() - t);
    }
    log(`  publish-to-live through Varnish: p50 ${pct(live, 50).toFixed(0)} ms, p95 ${pct(live, 95).toFixed(0)} ms (${o.edits} edits)`);
    const rssMB = treeRssKb(server.process.pid!) / 1024;
    log(`  server resident memory: ${rssMB.toFixed(0)} MB`);
    for (const c of children.splice(0).reverse()) if (c !== lake) await c.stop();
    if (lake) children.push(lake);

    // The static build of the same source at the same size, cold and after one edit.
    let staticBuild: { coldSeconds: number; coldPeakMB: number; rebuildSeconds: number; rebuildPeakMB: number } | undefined;
    if (o.static) {
      const staticOut = join(work, 'static-dist');
      const staticEnv = { ...baseEnv, ...sourceEnv, TONGBAO_OUT_DIR: staticOut };
      await rm(join(o.root, 'node_modules', '.astro'), { recursive: true, force: true });
      await rm(join(o.root, 'node_modules', '.cache', 'tongbao'), { recursive: true, force: true });
      const run = async (label: string) => {
        log(`static ${label}: npm run build`);
        const m = await measure('npm', ['run', 'build'], { cwd: o.root, env: staticEnv });
        if (m.exitCode !== 0) throw new Error(`[tongbao] the static ${label} failed:\n${m.output.slice(-4000)}`);
        log(`  static ${label}: ${m.wallSeconds.toFixed(1)} s, peak ${m.peakMemoryMB.toFixed(0)} MB`);
        return m;
      };
      const c = await run('cold build');
      await edit(slugs[0]!, `static${Date.now().toString(36)}`);
      const r = await run('rebuild after one edit');
      staticBuild = { coldSeconds: c.wallSeconds, coldPeakMB: c.peakMemoryMB, rebuildSeconds: r.wallSeconds, rebuildPeakMB: r.peakMemoryMB };
    }

    const result = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
      source: o.source,
      articles: o.articles,
      serverBuildSeconds: serverBuild.wallSeconds,
      readySeconds,
      residentMB: rssMB,
      coldRender: { count: coldCount, p50: pct(cold, 50), p95: pct(cold, 95) },
      node,
      varnish: cache,
      load: { connections: o.connections, pipelining: o.pipelining, clientWorkers: o.clientWorkers },
      publishToLive: { edits: o.edits, p50: pct(live, 50), p95: pct(live, 95), max: Math.max(...live) },
      static: staticBuild,
    };
    console.log('\n' + JSON.stringify(result, null, 2));
    await mkdir(join(o.root, 'bench', 'results'), { recursive: true });
    const file = join(o.root, 'bench', 'results', `server-${o.source}-${o.articles}.json`);
    await writeFile(file, JSON.stringify(result, null, 2) + '\n');
    log(`result written to ${file.slice(o.root.length + 1)}`);
    if (o.docs) await updateDocs(o.root);
  } finally {
    for (const c of children.reverse()) await c.stop();
    if (!o.keep) await rm(work, { recursive: true, force: true });
  }
}

type ServerResult = {
  date: string;
  machine: string;
  source: string;
  articles: number;
  readySeconds: number;
  residentMB: number;
  coldRender: { p50: number; p95: number };
  node: { requestsPerSecond: number; clientCores?: number; serverCores?: number };
  varnish: { requestsPerSecond: number; clientCores?: number; serverCores?: number };
  load?: { connections: number; pipelining: number; clientWorkers: number };
  publishToLive: { p50: number; p95: number };
  static?: { coldSeconds: number; rebuildSeconds: number } | undefined;
};

/** The server table in docs/benchmarks.md, from every bench/results/server-*.json. */
async function updateDocs(root: string): Promise<void> {
  const dir = join(root, 'bench', 'results');
  const results: ServerResult[] = [];
  for (const f of (await readdir(dir)).sort()) {
    if (/^server-(sanity|content)-\d+\.json$/.test(f)) results.push(JSON.parse(await readFile(join(dir, f), 'utf8')) as ServerResult);
  }
  results.sort((a, b) => a.source.localeCompare(b.source) || a.articles - b.articles);
  const n = (x: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
  // The cores the client and what answered used (runs before they were measured: none).
  const split = (c: ServerResult['node']) =>
    c.clientCores === undefined || c.serverCores === undefined ? '' : ` (${c.clientCores.toFixed(1)} + ${c.serverCores.toFixed(1)} cores)`;
  const rows = results.map((r) =>
    [
      r.date.slice(0, 10),
      r.source === 'sanity' ? 'lake' : 'content/',
      String(r.articles),
      `${n(r.readySeconds, 1)} s`,
      `${n(r.residentMB)} MB`,
      `${n(r.coldRender.p50, 1)} / ${n(r.coldRender.p95, 1)} ms`,
      `${n(r.node.requestsPerSecond)}/s${split(r.node)}`,
      `${n(r.varnish.requestsPerSecond)}/s${split(r.varnish)}`,
      r.load ? `${r.load.connections} × ${r.load.pipelining}` : '64 × 1',
      `${n(r.publishToLive.p50)} / ${n(r.publishToLive.p95)} ms`,
      r.static ? `${n(r.static.coldSeconds)} s / ${n(r.static.rebuildSeconds, 1)} s` : 'not run',
    ].join(' | '),
  );
  const machines = [...new Set(results.map((r) => r.machine))].join('; ');
  const table =
    `\nMachines: ${machines}.\n\n` +
    '| date | source | articles | ready | resident | cold render p50 / p95 | cached via Node | cached via Varnish | connections × in flight | publish-to-live p50 / p95 | static cold / rebuild after 1 edit |\n' +
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' +
    rows.map((r) => `| ${r} |`).join('\n') +
    '\n';
  const path = join(root, 'docs', 'benchmarks.md');
  const text = await readFile(path, 'utf8');
  const [start, end] = ['<!-- bench-server:start -->', '<!-- bench-server:end -->'];
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < 0) throw new Error('[tongbao] docs/benchmarks.md lacks the <!-- bench-server:start --> / <!-- bench-server:end --> markers');
  await writeFile(path, text.slice(0, i + start.length) + table + text.slice(j));
  log('docs/benchmarks.md server table updated');
}

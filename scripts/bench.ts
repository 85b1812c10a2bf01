/**
 * `npm run bench -- --articles N [--vs-hugo] [--floor] [--cold-only] [--no-readme] [--keep]`
 * `npm run bench -- --mode server --articles N [--source sanity|content] [--edits 20] [--seconds 10] [--no-static]`:
 * the server mode behind Varnish (scripts/bench/server.ts).
 * Generates a synthetic corpus, builds it cold and again after editing one article, and reports
 * wall time, peak memory, pages per second, the share of time spent converting, search indexing and
 * output size. Writes bench/results/latest-<N>.json and updates the table in docs/benchmarks.md. `--cold-only`
 * skips the rebuild (for the largest corpora, where the cold build is the figure asked for).
 * `--vs-hugo` builds the same pages with Hugo (median of three runs); `--floor` builds them with the least
 * Astro project that can write them (scripts/bench/astro-floor.ts), cold and as a no-change incremental
 * rebuild (median of three runs each): what any `astro build` of these pages costs on this machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './bench/corpus.ts';
import { writeAstroFloorSite } from './bench/astro-floor.ts';
import { writeHugoSite } from './bench/hugo.ts';
import { measure, type Measurement } from './bench/measure.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    'vs-hugo': { type: 'boolean', default: false },
    floor: { type: 'boolean', default: false },
    'no-readme': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'cold-only': { type: 'boolean', default: false },
    mode: { type: 'string', default: 'static' },
    source: { type: 'string', default: 'sanity' },
    edits: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    'client-workers': { type: 'string', default: '2' },
    connections: { type: 'string', default: '32' },
    pipelining: { type: 'string', default: '4' },
    'no-static': { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) {
  console.error('[tongbao] --articles takes a positive whole number, e.g. npm run bench -- --articles 5000');
  process.exit(2);
}
const log = (message: string) => console.log(`[bench] ${message}`);

if (values.mode !== 'static' && values.mode !== 'server') {
  console.error(`[tongbao] --mode ${values.mode}: expected static (the default) or server`);
  process.exit(2);
}
if (values.mode === 'server') {
  if (values.source !== 'sanity' && values.source !== 'content') {
    console.error(`[tongbao] --source ${values.source}: expected sanity (N documents in the lake, the default) or content`);
    process.exit(2);
  }
  const { serverBench } = await import('./bench/server.ts');
  await serverBench({
    root,
    articles,
    source: values.source,
    edits: Number(values.edits),
    seconds: Number(values.seconds),
    clientWorkers: Number(values['client-workers']),
    connections: Number(values.connections),
    pipelining: Number(values.pipelining),
    static: !values['no-static'],
    docs: !values['no-readme'],
    keep: values.keep,
  });
  process.exit(0);
}

const work = join(tmpdir(), `tongbao-bench-${articles}`);
const contentDir = join(work, 'content');
const outDir = join(work, 'dist');
const statsFile = join(work, 'stats.json');

log(`generating ${articles} articles in ${contentDir}`);
const corpus = await generateCorpus({
  articles,
  dir: contentDir,
  sampleDir: join(root, 'content', 'articles'),
  onProgress: (n) => log(`  generated ${n}/${articles}`),
});

const env = {
  ...process.env,
  TONGBAO_CONTENT_DIR: contentDir,
  TONGBAO_OUT_DIR: outDir,
  TONGBAO_STATS_FILE: statsFile,
  ASTRO_TELEMETRY_DISABLED: '1',
};

async function build(label: string): Promise<Measurement & { stats: Record<string, number> }> {
  log(`${label}: npm run build`);
  await rm(statsFile, { force: true });
  let pages = 0;
  const m = await measure('npm', ['run', 'build'], {
    cwd: root,
    env,
    onLine: (line) => {
      if (line.includes('index.html')) {
        pages++;
        if (pages % 2000 === 0) log(`  ${label}: ${pages} pages written`);
      } else if (/\[tongbao|page\(s\) built|error/i.test(line)) log(`  ${line.trim()}`);
    },
  });
  if (m.exitCode !== 0) {
    console.error(m.output.slice(-4000));
    throw new Error(`[tongbao] the ${label} build failed (exit ${m.exitCode}); output above`);
  }
  const stats = existsSync(statsFile) ? (JSON.parse(await readFile(statsFile, 'utf8')) as Record<string, number>) : {};
  log(`  ${label}: ${m.wallSeconds.toFixed(1)} s, peak ${m.peakMemoryMB.toFixed(0)} MB`);
  return { ...m, stats };
}

async function countArticlePages(dir: string): Promise<number> {
  let n = 0;
  for (const locale of await readdir(dir)) {
    const articlesDir = join(dir, locale, 'articles');
    if (existsSync(articlesDir)) n += (await readdir(articlesDir)).length;
  }
  return n;
}

// Cold: no content-layer store, no render cache.
await rm(join(root, 'node_modules', '.astro'), { recursive: true, force: true });
await rm(join(root, 'node_modules', '.cache', 'tongbao'), { recursive: true, force: true });
await rm(outDir, { recursive: true, force: true });
const cold = await build('cold build');
const articlePages = await countArticlePages(outDir);
const outputBytes = Number(execFileSync('du', ['-sb', outDir], { encoding: 'utf8' }).split('\t')[0]);

// Edit one article, build again.
let rebuild: Awaited<ReturnType<typeof build>> | undefined;
if (!values['cold-only']) {
  await appendFile(join(contentDir, 'articles', `${corpus.articles[0]?.slug}.md`), '\n编辑补充了一段更正说明。\n');
  rebuild = await build('rebuild after one edit');
}

/** Runs a measured command three times; the run with the median wall time. */
async function median3(label: string, run: () => Promise<Measurement>): Promise<Measurement> {
  const runs: Measurement[] = [];
  for (let i = 1; i <= 3; i++) {
    const m = await run();
    if (m.exitCode !== 0) throw new Error(`[tongbao] ${label} failed (exit ${m.exitCode}):\n${m.output.slice(-2000)}`);
    log(`  ${label} ${i}/3: ${m.wallSeconds.toFixed(1)} s, peak ${m.peakMemoryMB.toFixed(0)} MB`);
    runs.push(m);
  }
  return runs.sort((a, b) => a.wallSeconds - b.wallSeconds)[1]!;
}

let hugo: Measurement | undefined;
if (values['vs-hugo']) {
  if (!existsSync('/usr/bin/hugo')) {
    log('--vs-hugo: Hugo is not installed (apt-get install hugo); skipping the comparison');
  } else {
    const hugoDir = join(work, 'hugo');
    log(`writing the same corpus as a Hugo site in ${hugoDir}`);
    await writeHugoSite(corpus, hugoDir);
    const hugoOut = join(work, 'hugo-public');
    hugo = await median3('hugo build', async () => {
      await rm(hugoOut, { recursive: true, force: true });
      return measure('hugo', ['--quiet', '--destination', hugoOut], { cwd: hugoDir, env: process.env });
    });
    log(`  hugo (median): ${hugo.wallSeconds.toFixed(1)} s`);
  }
}

let floor: { cold: Measurement; noChange: Measurement } | undefined;
if (values.floor) {
  const floorDir = join(work, 'astro-floor');
  log(`writing the same pages as the least Astro project in ${floorDir}`);
  await writeAstroFloorSite(corpus, floorDir, join(root, 'node_modules'));
  const astroBuild = () => measure('npx', ['astro', 'build'], { cwd: floorDir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const clean = () => Promise.all(['dist', '.astro', '.astro-cache'].map((d) => rm(join(floorDir, d), { recursive: true, force: true })));
  const cold = await median3('astro floor, cold', async () => {
    await clean();
    return astroBuild();
  });
  // The last cold run left the incremental build's state: build again with nothing changed (every page restored).
  const noChange = await median3('astro floor, nothing changed', astroBuild);
  floor = { cold, noChange };
  log(`  astro floor (median): cold ${cold.wallSeconds.toFixed(1)} s, nothing changed ${noChange.wallSeconds.toFixed(1)} s`);
}

const version = hugo ? execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim() : undefined;
const result = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  articles,
  articlePages,
  cold: {
    seconds: cold.wallSeconds,
    cpuSeconds: cold.cpuSeconds,
    peakMemoryMB: cold.peakMemoryMB,
    largestProcessMB: cold.largestProcessMB,
    pagesPerSecond: articlePages / cold.wallSeconds,
  },
  rebuild: rebuild && {
    seconds: rebuild.wallSeconds,
    peakMemoryMB: rebuild.peakMemoryMB,
    shareOfCold: rebuild.wallSeconds / cold.wallSeconds,
    // What the rebuild did again: bodies rendered, search pages indexed (the rest came from the caches).
    rendered: rebuild.stats.rendered ?? NaN,
    searchPagesIndexed: rebuild.stats.pagefindPages ?? NaN,
    searchSeconds: (rebuild.stats.pagefindMs ?? NaN) / 1000,
  },
  conversion: {
    // CPU time spent inside OpenCC, over the CPU time of the whole build (all threads): the share of the work.
    seconds: (cold.stats.convertMs ?? NaN) / 1000,
    shareOfCold: (cold.stats.convertMs ?? NaN) / 1000 / cold.cpuSeconds,
  },
  search: { seconds: (cold.stats.pagefindMs ?? NaN) / 1000, peakMemoryMB: cold.stats.pagefindPeakMB ?? NaN },
  outputMB: outputBytes / 2 ** 20,
  hugo: hugo && {
    version,
    seconds: hugo.wallSeconds,
    peakMemoryMB: hugo.peakMemoryMB,
    ratio: cold.wallSeconds / hugo.wallSeconds,
    rebuildRatio: rebuild ? rebuild.wallSeconds / hugo.wallSeconds : NaN,
  },
  // The least Astro build of the same pages (scripts/bench/astro-floor.ts), and its ratios to Hugo's build.
  astroFloor: floor && {
    coldSeconds: floor.cold.wallSeconds,
    coldPeakMemoryMB: floor.cold.peakMemoryMB,
    noChangeSeconds: floor.noChange.wallSeconds,
    coldRatioToHugo: hugo ? floor.cold.wallSeconds / hugo.wallSeconds : NaN,
    noChangeRatioToHugo: hugo ? floor.noChange.wallSeconds / hugo.wallSeconds : NaN,
  },
  stats: cold.stats,
};

await mkdir(join(root, 'bench', 'results'), { recursive: true });
const resultFile = join(root, 'bench', 'results', `latest-${articles}.json`);
await writeFile(resultFile, JSON.stringify(result, null, 2) + '\n');

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const row = [
  result.date.slice(0, 10),
  String(articles),
  String(articlePages),
  `${fmt(result.cold.seconds)} s`,
  `${fmt(result.cold.peakMemoryMB, 0)} MB`,
  result.rebuild ? `${fmt(result.rebuild.seconds)} s (${fmt(result.rebuild.shareOfCold * 100, 0)}%)` : 'not run',
  fmt(result.cold.pagesPerSecond, 0),
  `${fmt(result.conversion.shareOfCold * 100, 1)}%`,
  Number.isFinite(result.search.seconds)
    ? `${fmt(result.search.seconds)} s${Number.isFinite(result.search.peakMemoryMB) ? ` / ${fmt(result.search.peakMemoryMB, 0)} MB` : ''}`
    : 'n/a',
  `${fmt(result.outputMB, 0)} MB`,
  result.hugo ? `${fmt(result.hugo.seconds)} s / ${fmt(result.hugo.peakMemoryMB, 0)} MB (×${fmt(result.hugo.ratio, 2)})` : '—',
];
console.log('\n' + JSON.stringify(result, null, 2));
log(`result written to bench/results/latest-${articles}.json`);

if (!values['no-readme']) {
  const readmePath = join(root, 'docs', 'benchmarks.md');
  const readme = await readFile(readmePath, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i < 0 || j < 0) throw new Error('[tongbao] docs/benchmarks.md lacks the <!-- bench:start --> / <!-- bench:end --> markers');
  const header =
    '| date | articles | article pages | cold build | peak memory | rebuild after 1 edit | pages/s | converting | search index | output | Hugo (ratio) |\n' +
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n';
  const existing = readme
    .slice(i + start.length, j)
    .split('\n')
    .filter((l) => l.startsWith('| 20') && !l.startsWith(`| ${row[0]} | ${articles} |`));
  const rows = [`| ${row.join(' | ')} |`, ...existing].slice(0, 8);
  // Every machine the kept results were measured on (each row's is in its results file).
  const machines = new Set([result.machine]);
  for (const f of await readdir(join(root, 'bench', 'results')))
    if (/^latest-\d+\.json$/.test(f))
      machines.add((JSON.parse(await readFile(join(root, 'bench', 'results', f), 'utf8')) as { machine: string }).machine);
  const table = `\nNewest row: ${result.machine}. Machines of the kept results: ${[...machines].join('; ')}.\n\n${header}${rows.join('\n')}\n`;
  await writeFile(readmePath, readme.slice(0, i + start.length) + table + readme.slice(j));
  log('docs/benchmarks.md benchmark table updated');
}
if (!values.keep) await rm(work, { recursive: true, force: true });

/**
 * What the lake's indexes give, through the real @sanity/client over HTTP: a slug query, an `_id in`
 * query and the server's per-request queries (src/sources/sanity/queries.ts: ordered windows, neighbours, counts)
 * at N generated documents, with the indexes and scanning (as before), and a one-document mutation.
 * A measurement, not a test:
 *
 *   npx node --experimental-transform-types --disable-warning=ExperimentalWarning scripts/lake/bench-index.ts [--docs 50000] [--runs 30]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@sanity/client';
import * as Q from '../../src/sources/sanity/queries.ts';
import { generatedSlug, generateDocs } from './generate.ts';
import { Lake } from './server.ts';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '50000' }, runs: { type: 'string', default: '30' } } });
const articles = Number(values.docs);
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'tongbao-lake-bench-'));
const file = join(dir, 'dataset.ndjson');
writeFileSync(
  file,
  generateDocs(articles)
    .map((d) => JSON.stringify(d))
    .join('\n') + '\n',
);

const SLUG_QUERY = `*[_type == "article" && slug.current == $slug][0]{title, "slug": slug.current, "category": category->{name}, "authors": authors[]->{name}}`;
const IDS_QUERY = `*[_id in $ids]{_id, title}`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

async function measure(index: boolean) {
  const lake = new Lake({ datasetFile: file, token: 'bench', index });
  const origin = await lake.listen(0);
  const client = createClient({
    projectId: 'local',
    dataset: 'production',
    apiHost: origin,
    useProjectHostname: false,
    useCdn: false,
    apiVersion: '2025-02-19',
    token: 'bench',
  });
  const time = async (fn: (i: number) => Promise<unknown>, n: number) => {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      await fn(i);
      ms.push(performance.now() - started);
    }
    return { p50: pct(ms, 50), p95: pct(ms, 95) };
  };
  await client.fetch(SLUG_QUERY, { slug: generatedSlug(1) });
  const n = index ? runs : Math.min(runs, 5);
  const slug = await time((i) => client.fetch(SLUG_QUERY, { slug: generatedSlug((i * 7919) % articles) }), n);
  const ids = await time(
    (i) => client.fetch(IDS_QUERY, { ids: Array.from({ length: 20 }, (_, k) => `article.${generatedSlug((i * 31 + k * 997) % articles)}`) }),
    n,
  );
  // The server's queries for one page of each kind, at a clock with a quarter of the articles still scheduled.
  const now = new Date(Date.UTC(2023, 0, 1) + Math.floor(articles * 0.75) * 3_600_000).toISOString();
  const at = new Date(Date.UTC(2023, 0, 1) + Math.floor(articles * 0.5) * 3_600_000).toISOString();
  const page = { now, from: 12, to: 24 };
  // The archive periods of `at` (the site's zone is UTC+8: periods start 16:00 UTC the day before).
  const atYear = new Date(at).getUTCFullYear();
  const atMonth = new Date(at).getUTCMonth();
  const month = {
    start: new Date(Date.UTC(atYear, atMonth, 1) - 8 * 3_600_000).toISOString(),
    end: new Date(Date.UTC(atYear, atMonth + 1, 1) - 8 * 3_600_000).toISOString(),
  };
  const year = {
    start: new Date(Date.UTC(atYear, 0, 1) - 8 * 3_600_000).toISOString(),
    end: new Date(Date.UTC(atYear + 1, 0, 1) - 8 * 3_600_000).toISOString(),
  };
  const server: Record<string, { p50: number; p95: number }> = {};
  const serverRuns = index ? runs : Math.min(runs, 3);
  for (const [name, query, params] of [
    ['latest window', Q.LATEST_ARTICLES_QUERY, page],
    ['category window', Q.CATEGORY_ARTICLES_QUERY, { ...page, ref: 'category.finance' }],
    ['author window', Q.AUTHOR_ARTICLES_QUERY, { ...page, ref: 'author.a3' }],
    ['tag window', Q.TAG_ARTICLES_QUERY, { ...page, forms: ['新能源'] }],
    ['article at rank', Q.ARTICLE_AT_RANK_QUERY, { now, rank: 29 }],
    ['newer article', Q.NEWER_ARTICLE_QUERY, { now, at, slug: generatedSlug(Math.floor(articles * 0.5)) }],
    ['older article', Q.OLDER_ARTICLE_QUERY, { now, at, slug: generatedSlug(Math.floor(articles * 0.5)) }],
    ['newer count', Q.NEWER_COUNT_QUERY, { now, at, slug: generatedSlug(Math.floor(articles * 0.5)) }],
    ['latest count', Q.LATEST_COUNT_QUERY, { now }],
    ['category count', Q.CATEGORY_COUNT_QUERY, { now, ref: 'category.finance' }],
    ['next scheduled', Q.NEXT_SCHEDULED_QUERY, { now }],
    ['category ids (then a window each)', Q.CATEGORY_IDS_QUERY, {}],
    ['archive month window', Q.ARCHIVE_ARTICLES_QUERY, { ...page, ...month }],
    ['archive month count', Q.ARCHIVE_COUNT_QUERY, { now, ...month }],
    ['archive year dates', Q.ARCHIVE_DATES_QUERY, { now, ...year }],
    ['corrected articles', Q.CORRECTED_ARTICLES_QUERY, { now }],
    ['news window (48 h)', Q.RECENT_ARTICLES_QUERY, { now, since: new Date(Date.parse(now) - 48 * 3_600_000).toISOString(), limit: 1000 }],
    ['search shard revisions', Q.SHARD_REVISIONS_QUERY, { now, from: 1000, to: 2000 }],
    ['sitemap slim rows', Q.SITEMAP_ARTICLES_QUERY, { now }],
  ] as const) {
    server[name] = await time(() => client.fetch(query, params), serverRuns);
  }
  const mutate = await time(
    (i) =>
      client
        .patch(`article.${generatedSlug(i)}`)
        .set({ title: `改 ${i}` })
        .commit(),
    n,
  );
  await lake.close();
  return { slug, ids, server, mutate, documents: lake.docs.size };
}

const fmt = (r: { p50: number; p95: number }) => `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`;
const scan = await measure(false);
const indexed = await measure(true);
console.log(`[tongbao] lake at ${indexed.documents} documents, through @sanity/client over HTTP:`);
for (const [what, key] of [
  ['slug query', 'slug'],
  ['_id in (20 ids)', 'ids'],
] as const) {
  console.log(`  ${what.padEnd(20)} scanning: ${fmt(scan[key])}   indexed: ${fmt(indexed[key])}`);
}
for (const name of Object.keys(indexed.server)) {
  console.log(`  ${name.padEnd(20)} scanning: ${fmt(scan.server[name]!)}   indexed: ${fmt(indexed.server[name]!)}`);
}
// The first query after a change sorts the view again (one sort per order and perspective, until the next change).
// Mutations commit only the changed ids in both modes (the index switch is about queries).
console.log(`  ${'patch one document'.padEnd(20)} ${fmt(indexed.mutate)}`);
rmSync(dir, { recursive: true, force: true });

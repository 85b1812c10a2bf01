/**
 * The lake's indexes: a query narrowed by `_id`, `_type` or `slug.current` gives exactly what groq-js
 * gives over the whole dataset, on the sample dataset and on generated documents, in every perspective,
 * before and after mutations (through the HTTP API and through `lake.docs` directly). Also prints what
 * a slug query costs at 50,000 documents with and without the indexes (a measurement, not an assertion).
 */
import { readFileSync } from 'node:fs';
import { parse, type FilterNode } from 'groq-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Q from '../../src/sources/sanity/queries.ts';
import { ARTICLE_COUNT_QUERY, ARTICLES_QUERY } from '../../src/sources/sanity/queries.ts';
import { constraintsOf, IndexedDocs, runQuery, viewOf, type Doc, type Perspective } from '../../scripts/lake/index.ts';
import { generatedSlug, generateDocs } from '../../scripts/lake/generate.ts';
import { parseNdjson, type Lake } from '../../scripts/lake/server.ts';
import { DATASET, generatedDatasetFile, startLake } from '../support/lake.ts';

const PERSPECTIVES: Perspective[] = ['published', 'drafts', 'raw'];

/** Queries that pin indexed fields (narrowed: true) and ones that must not be narrowed. */
const QUERIES: { query: string; params?: Record<string, unknown>; narrowed: boolean }[] = [
  { query: ARTICLES_QUERY, narrowed: true },
  { query: ARTICLE_COUNT_QUERY, narrowed: true },
  {
    query: '*[_type == "article" && slug.current == $slug][0]{title, "slug": slug.current, "category": category->name, "authors": authors[]->name}',
    params: { slug: 'market-weekly-review' },
    narrowed: true,
  },
  { query: '*[_type == "article" && slug.current == $slug][0]{title}', params: { slug: generatedSlug(12) }, narrowed: true },
  { query: '*[_type == "article" && slug.current == $slug]{_id, title}', params: { slug: `${generatedSlug(7)}-draft` }, narrowed: true },
  {
    query: '*[_id in $ids]{_id, title}',
    params: {
      ids: ['article.market-weekly-review', `article.${generatedSlug(3)}`, `article.${generatedSlug(7)}`, 'drafts.article.gen-draft-only-0', 'nope'],
    },
    narrowed: true,
  },
  { query: '*[_id == $id][0]', params: { id: `article.${generatedSlug(57)}` }, narrowed: true },
  { query: '*["category" == _type] | order(slug.current asc) {name}', narrowed: true },
  { query: '*[(_type in ["category", "author"]) && defined(slug)]._id', narrowed: true },
  {
    query: '*[_type == "article" && slug.current in [$a, $b]].slug.current',
    params: { a: generatedSlug(1), b: 'shanghai-ai-conference' },
    narrowed: true,
  },
  { query: '*[slug.current == 1]._id', narrowed: true },
  { query: '*[slug.current == "1"]._id', narrowed: true },
  { query: '*[_type == "category"]{name, "articles": count(*[_type == "article" && references(^._id)])}', narrowed: true },
  {
    query:
      '*[_type == "article" && category._ref == "category.finance"][0...5]{title, "n": count(*[_type == "article" && category._ref == ^.category._ref])}',
    narrowed: true,
  },
  // Not narrowed: an `||`, a field compared with a field, null, and no filter at all.
  { query: '*[_type == "author" || _type == "category"]._id', narrowed: false },
  { query: '*[slug.current == _id]._id', narrowed: false },
  { query: '*[slug.current == null]._id', narrowed: false },
  { query: 'count(*)', narrowed: false },
];

/** The server's per-request queries (src/sources/sanity/queries.ts), for many parameters: all narrowed or short-cut. */
function serverQueries(nows: string[]): { query: string; params: Record<string, unknown>; narrowed: boolean }[] {
  const out: { query: string; params: Record<string, unknown>; narrowed: boolean }[] = [];
  for (const now of nows) {
    for (const [from, to] of [
      [0, 12],
      [12, 24],
      [96, 108],
      [0, 1],
    ] as const) {
      out.push({ query: Q.LATEST_ARTICLES_QUERY, params: { now, from, to }, narrowed: true });
      out.push({ query: Q.TAG_ARTICLES_QUERY, params: { now, from, to, forms: ['新能源', '人工智能'] }, narrowed: true });
      out.push({ query: Q.TAG_ARTICLES_QUERY, params: { now, from, to, forms: ['半导体'] }, narrowed: true });
      for (const ref of ['category.finance', 'category.news', 'category.nope'])
        out.push({ query: Q.CATEGORY_ARTICLES_QUERY, params: { now, from, to, ref }, narrowed: true });
      for (const ref of ['author.a3', 'author.a17']) out.push({ query: Q.AUTHOR_ARTICLES_QUERY, params: { now, from, to, ref }, narrowed: true });
    }
    // Ties with no second key: groq-js keeps dataset order.
    const TIES = '*[_type == "article" && dateTime(publishedAt) <= dateTime($now)] | order(dateTime(publishedAt) desc) [0...20]._id';
    out.push({ query: TIES, params: { now }, narrowed: true });
    out.push({ query: '*[_type == "article"] | order(publishedAt asc, _id desc) [3]._id', params: {}, narrowed: true });
    out.push({ query: Q.LATEST_COUNT_QUERY, params: { now }, narrowed: true });
    out.push({ query: Q.TAG_COUNT_QUERY, params: { now, forms: ['新能源', '人工智能'] }, narrowed: true });
    out.push({ query: Q.CATEGORY_COUNT_QUERY, params: { now, ref: 'category.finance' }, narrowed: true });
    out.push({ query: Q.AUTHOR_COUNT_QUERY, params: { now, ref: 'author.a3' }, narrowed: true });
    out.push({ query: Q.NEXT_SCHEDULED_QUERY, params: { now }, narrowed: true });
    out.push({ query: Q.PUBLISHED_DATES_QUERY, params: { now }, narrowed: true });
    out.push({ query: Q.CATEGORY_IDS_QUERY, params: {}, narrowed: true });
    for (const rank of [0, 5, 40]) out.push({ query: Q.ARTICLE_AT_RANK_QUERY, params: { now, rank }, narrowed: true });
    // Neighbours and rank of articles, ties (equal publishedAt) among them.
    for (const i of [0, 3, 4, 5, 100, 150, 151, 152, 299, 499]) {
      const at = tiedDate(i);
      const slug = generatedSlug(i);
      for (const q of [Q.NEWER_ARTICLE_QUERY, Q.OLDER_ARTICLE_QUERY, Q.NEWER_COUNT_QUERY, Q.ARTICLE_BY_SLUG_QUERY, ...RANGES])
        out.push({ query: q, params: { now, at, slug }, narrowed: true });
    }
  }
  return out;
}

/** Windows whose order's first key the filter bounds (the lake walks only that stretch): each shape rangeOf reads. */
const RANGES = [
  // The constant on the left; an == ; an || of two ranges with a gap; >= and < on both sides of $at.
  '*[_type == "article" && dateTime($at) < dateTime(publishedAt)] | order(dateTime(publishedAt) desc, slug.current asc) [0...5]._id',
  '*[_type == "article" && dateTime(publishedAt) == dateTime($at)] | order(dateTime(publishedAt) asc, _id desc) [0...5]._id',
  '*[_type == "article" && (dateTime(publishedAt) <= dateTime("2023-01-02T00:00:00Z") || dateTime(publishedAt) > dateTime($at))] | order(dateTime(publishedAt) asc) [0...8]._id',
  '*[_type == "article" && dateTime(publishedAt) >= dateTime($at) && dateTime(publishedAt) < dateTime($now)] | order(dateTime(publishedAt) desc) [0...8]._id',
];

const START = Date.UTC(2023, 0, 1);
/** Generated articles' publishedAt with ties: every group of three shares one hour. */
const tiedDate = (i: number) => new Date(START + Math.floor(i / 3) * 3 * 3_600_000).toISOString();
/** Generated documents with ties, a malformed and a missing publishedAt, and a draft moved in time. */
function tiedDocs(n: number): Doc[] {
  return generateDocs(n).map((d) => {
    const m = /^(?:drafts\.)?article\.gen-(\d+)$/.exec(d._id);
    if (!m) return d;
    const i = Number(m[1]) - 1;
    if (i === 10) return { ...d, publishedAt: 'not a date' };
    if (i === 11) {
      const { publishedAt: _p, ...rest } = d;
      return rest as Doc;
    }
    return { ...d, publishedAt: d._id.startsWith('drafts.') ? tiedDate(i + 30) : tiedDate(i) };
  });
}

async function compareAll(docs: IndexedDocs, label: string, queries: { query: string; params: Record<string, unknown>; narrowed: boolean }[]) {
  for (const { query, params, narrowed } of queries) {
    for (const perspective of PERSPECTIVES) {
      const plain = await runQuery(docs, query, params, perspective, { narrow: false });
      const fast = await runQuery(docs, query, params, perspective);
      expect(fast.result, `${label}, ${perspective}: ${query} ${JSON.stringify(params)}`).toStrictEqual(plain.result);
      expect(fast.narrowed > 0, `${label}: ${query} narrowed`).toBe(narrowed);
    }
  }
}

async function compare(docs: IndexedDocs, label: string) {
  for (const { query, params = {}, narrowed } of QUERIES) {
    for (const perspective of PERSPECTIVES) {
      const plain = await runQuery(docs, query, params, perspective, { narrow: false });
      const fast = await runQuery(docs, query, params, perspective);
      expect(fast.result, `${label}, ${perspective}: ${query}`).toStrictEqual(plain.result);
      expect(fast.narrowed > 0, `${label}: ${query} narrowed`).toBe(narrowed);
    }
  }
}

const indexed = (docs: Doc[]) => {
  const map = new IndexedDocs();
  for (const d of docs) map.set(d._id, d);
  return map;
};

describe('which filters narrow', () => {
  const c = (q: string) => constraintsOf((parse(q) as FilterNode).expr);
  it('finds the && constraints on _id, _type and slug.current against constants', () => {
    expect(c('*[_type == "article" && slug.current == "x" && publishedAt < now()]')).toEqual([
      { field: '_type', values: ['article'] },
      { field: 'slug.current', values: ['x'] },
    ]);
    expect(c('*["a" == _id]')).toEqual([{ field: '_id', values: ['a'] }]);
    expect(c('*[_id in ["a", "b"]]')).toEqual([{ field: '_id', values: ['a', 'b'] }]);
    expect(c('*[!(_type == "a")]')).toEqual([]);
    expect(c('*[_type == "a" || _id == "b"]')).toEqual([]);
    expect(c('*[_id in path("drafts.**")]')).toEqual([]);
    expect(c('*[_id in ["a", null]]')).toEqual([]);
    expect(c('*[foo.slug.current == "x"]')).toEqual([]);
    // References, arrays of references, array members.
    expect(c('*[category._ref == "c" && "a" in authors[]._ref && count(tags[@ in ["t", "u"]]) > 0]')).toEqual([
      { field: 'category._ref', values: ['c'] },
      { field: 'authors[]._ref', values: ['a'] },
      { field: 'tags[]', values: ['t', 'u'] },
    ]);
    expect(c('*[category._ref == ^._id]')).toEqual([]);
    expect(c('*[count(tags[@ in ["t"]]) > 1]')).toEqual([]);
    expect(c('*[a.b._ref == "c"]')).toEqual([]);
  });
});

describe('narrowed queries give what the whole dataset gives', () => {
  it('on the sample dataset, in every perspective', async () => {
    await compare(indexed(parseNdjson(readFileSync(DATASET, 'utf8'), DATASET)), 'samples');
  });

  it('on 500 generated articles with drafts, and after changes through lake.docs', async () => {
    const docs = indexed([...parseNdjson(readFileSync(DATASET, 'utf8'), DATASET), ...generateDocs(500)]);
    expect(viewOf(docs.values(), 'drafts')).toStrictEqual(docs.view('drafts'));
    await compare(docs, 'generated');
    // Change slugs and types, delete, re-create at the end, add a draft of a published document.
    const id = `article.${generatedSlug(12)}`;
    docs.set(id, { ...docs.get(id)!, slug: { _type: 'slug', current: 'renamed' } });
    docs.set(`drafts.article.${generatedSlug(3)}`, {
      ...docs.get(`article.${generatedSlug(3)}`)!,
      _id: `drafts.article.${generatedSlug(3)}`,
      title: '新草稿',
    });
    docs.delete(`article.${generatedSlug(1)}`);
    docs.set('category.news', { ...docs.get('category.news')!, _type: 'retired' });
    docs.delete(`article.${generatedSlug(57)}`);
    docs.set(`article.${generatedSlug(57)}`, {
      _id: `article.${generatedSlug(57)}`,
      _type: 'article',
      slug: { _type: 'slug', current: generatedSlug(12) },
      title: '回来了',
    });
    await compare(docs, 'generated, changed');
    expect((await runQuery(docs, '*[slug.current == "renamed"][0]._id', {}, 'published')).result).toBe(id);
    expect((await runQuery(docs, '*[slug.current == $s]._id', { s: generatedSlug(12) }, 'published')).result).toEqual([
      `article.${generatedSlug(57)}`,
    ]);
  }, 90_000);
});

describe("the server's ordered windows and counts give what groq-js gives over the whole dataset", () => {
  // Before, during and after the 500 articles' hours; one in the middle of a tie.
  const nows = ['2022-06-01T00:00:00Z', tiedDate(160), '2023-01-08T07:30:00.500+01:00', '2030-01-01T00:00:00Z'];
  it('on 500 generated articles with ties, drafts, scheduled and undated articles, in every perspective', async () => {
    const docs = indexed([...parseNdjson(readFileSync(DATASET, 'utf8'), DATASET), ...tiedDocs(500)]);
    await compareAll(docs, 'tied', serverQueries(nows));
    // After changes: a new tie at the top, a deletion, a retagged article.
    docs.set('article.late', { ...docs.get(`article.${generatedSlug(499)}`)!, _id: 'article.late', slug: { _type: 'slug', current: 'a-late' } });
    docs.delete(`article.${generatedSlug(150)}`);
    docs.set(`article.${generatedSlug(4)}`, {
      ...docs.get(`article.${generatedSlug(4)}`)!,
      tags: ['半导体'],
      category: { _type: 'reference', _ref: 'category.news' },
    });
    await compareAll(docs, 'tied, changed', serverQueries(nows.slice(1, 3)));
  }, 240_000);

  it('a window evaluates few documents, and a count none through groq-js', async () => {
    const docs = indexed(generateDocs(5000));
    const now = new Date(START + 4000 * 3_600_000).toISOString(); // 999 articles still scheduled
    await runQuery(docs, Q.LATEST_ARTICLES_QUERY, { now, from: 0, to: 12 }, 'published'); // sorts once
    docs.stats.windowDocs = 0;
    docs.stats.checked = 0;
    const { result } = await runQuery(docs, Q.CATEGORY_ARTICLES_QUERY, { now, from: 12, to: 24, ref: 'category.finance' }, 'published');
    expect((result as unknown[]).length).toBe(12);
    expect(docs.stats.windowDocs).toBe(24); // handed to groq-js: the first 24 matches, not the category's ~830
    expect(docs.stats.checked).toBeLessThan(1000 + 24 * 12); // the scheduled ones and ~6 per match, checked in JS

    // A neighbour: from the article's date on, not from the newest (or the oldest) article.
    for (const q of [Q.OLDER_ARTICLE_QUERY, Q.NEWER_ARTICLE_QUERY]) {
      docs.stats.checked = 0;
      const at = new Date(START + 2500 * 3_600_000).toISOString();
      const found = (await runQuery(docs, q, { now, at, slug: 'gen-002501' }, 'published')).result as { slug: string } | null;
      expect(found?.slug).toMatch(/^gen-00250[02]$/);
      expect(docs.stats.checked, q).toBeLessThan(10);
    }
  }, 60_000);
});

describe('the lake over HTTP keeps its indexes right across mutations', () => {
  const TOKEN = 'sk-index';
  let lake: Lake;
  let origin: string;
  let plain: Lake;
  let plainOrigin: string;
  beforeAll(async () => {
    const file = generatedDatasetFile(100);
    ({ lake, origin } = await startLake({ datasetFile: file, token: TOKEN }));
    ({ lake: plain, origin: plainOrigin } = await startLake({ datasetFile: file, token: TOKEN, index: false }));
  });
  afterAll(async () => {
    await lake?.close();
    await plain?.close();
  });

  const mutate = async (mutations: unknown[]) => {
    for (const o of [origin, plainOrigin]) {
      const res = await fetch(`${o}/v2025-02-19/data/mutate/production`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ mutations }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }
  };
  const query = async (o: string, q: string, params: Record<string, unknown>, perspective: Perspective) => {
    const url = new URL(`${o}/v2025-02-19/data/query/production`);
    url.searchParams.set('query', q);
    url.searchParams.set('perspective', perspective);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(`$${k}`, JSON.stringify(v));
    const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    return ((await res.json()) as { result: unknown }).result;
  };
  const same = async () => {
    for (const { query: q, params = {} } of QUERIES) {
      for (const p of PERSPECTIVES) expect(await query(origin, q, params, p), `${p}: ${q}`).toStrictEqual(await query(plainOrigin, q, params, p));
    }
  };

  it('answers like the scanning lake before and after create, patch, publish and delete', async () => {
    await same();
    const draft: Doc = {
      ...lake.docs.get(`article.${generatedSlug(12)}`)!,
      _id: `drafts.article.${generatedSlug(12)}`,
      title: '改稿',
      slug: { _type: 'slug', current: 'edited-slug' },
    };
    const { _createdAt: _c, _updatedAt: _u, _rev: _r, ...draftBody } = draft;
    await mutate([{ createOrReplace: draftBody }]);
    await same();
    // Publish the draft: write the published id, delete the draft.
    await mutate([
      { createOrReplace: { ...draftBody, _id: `article.${generatedSlug(12)}` } },
      { delete: { id: `drafts.article.${generatedSlug(12)}` } },
    ]);
    await same();
    expect(await query(origin, '*[slug.current == "edited-slug"]._id', {}, 'published')).toEqual([`article.${generatedSlug(12)}`]);
    await mutate([
      { patch: { id: `article.${generatedSlug(3)}`, set: { 'slug.current': 'patched', _type: 'article' } } },
      { create: { _id: 'article.brand-new', _type: 'article', slug: { _type: 'slug', current: 'brand-new' }, title: '新' } },
    ]);
    await same();
    await mutate([
      { delete: { id: 'article.brand-new' } },
      { create: { _id: 'article.brand-new', _type: 'article', slug: { _type: 'slug', current: 'brand-new-2' } } },
      { delete: { id: `article.${generatedSlug(1)}` } },
    ]);
    await same();
    expect(await query(origin, '*[slug.current == "brand-new"]', {}, 'raw')).toEqual([]);
  }, 60_000);
});

describe('what the indexes save at 50,000 documents (printed, not asserted)', () => {
  it('a slug query over 50,000 generated articles', async () => {
    const docs = indexed(generateDocs(50_000));
    const q =
      '*[_type == "article" && slug.current == $slug][0]{title, "slug": slug.current, "category": category->{name}, "authors": authors[]->{name}}';
    const time = async (narrow: boolean, runs: number) => {
      const started = performance.now();
      let result: unknown;
      for (let i = 0; i < runs; i++) result = (await runQuery(docs, q, { slug: generatedSlug(40_000 + i) }, 'published', { narrow })).result;
      return { ms: (performance.now() - started) / runs, result };
    };
    await time(true, 3); // warm up
    const scan = await time(false, 5);
    const fast = await time(true, 50);
    expect((fast.result as { slug: string }).slug).toBe(generatedSlug(40_049));
    expect((await runQuery(docs, q, { slug: generatedSlug(40_004) }, 'published')).result).toStrictEqual(scan.result);
    console.log(
      `[lake index] slug query at ${docs.size} documents: ${scan.ms.toFixed(1)} ms scanning, ${fast.ms.toFixed(3)} ms indexed (x${Math.round(scan.ms / fast.ms)})`,
    );
  }, 60_000);
});

/**
 * Sanity as the server's source (src/server/sanity-request.ts): a page's context made of what its own queries return
 * gives the same page as the context of every article. The queries run for real, with groq-js over the documents (the
 * lake's query engine, scripts/lake/index.ts): the sample dataset plus 1,200 generated articles (more than site.shareImagesNewest), with ties in
 * publishedAt, tags written in the other script, scheduled articles and drafts. Checked for many random articles:
 * related, more from the author, newer/older, the tag keys, the share-image choice and the header's sections; for
 * every home, category, author, tag and archive page: its articles, page number and number of pages; every feed: its articles and
 * which of them have a share image of their own; `/`, corrections, the search page and each search shard's articles;
 * every sitemap's file. Each page's queries are bounded: a window, one article, a count, a filter narrower than
 * "published" (a date range, the corrected articles) or, for the sitemaps, a projection without bodies.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IndexedDocs, runQuery, type Doc } from '../../scripts/lake/index.ts';
import { generateDocs } from '../../scripts/lake/generate.ts';
import { parseNdjson } from '../../scripts/lake/server.ts';
import { localeOrder, locales } from '../../src/config/site.ts';
import { articleContext } from '../../src/lib/article-page.ts';
import type { BuildContext } from '../../src/lib/build-context.ts';
import { paginate, type ListPage } from '../../src/lib/route-paths.ts';
import { articlesIn } from '../../src/lib/feeds/index.ts';
import { correctionEntries } from '../../src/lib/corrections.ts';
import { monthStart, monthsOf, yearMonth } from '../../src/lib/indexes.ts';
import {
  archivePages,
  authorPages,
  categoryPages,
  correctionsPages,
  feedPages,
  homePages,
  ROOT_HEADLINES,
  rootPage,
  searchPages,
  sitemapPages,
  tagPages,
} from '../../src/lib/routes.ts';
import { searchShards } from '../../src/lib/search-shards.ts';
import { articlesSitemap, newsArticles, newsSitemap, pagesSitemap, sitemapIndex } from '../../src/lib/sitemaps.ts';
import { sliceContext } from '../../src/lib/slice-context.ts';
import type { Article } from '../../src/model/article.ts';
import { articleRoute, type ArticleProps } from '../../src/server/article-request.ts';
import { indexVersionedShard, searchBundlePages } from '../../src/server/search-index.ts';
import { sanityPageOf, SanityRequest, type SanityPage } from '../../src/server/sanity-request.ts';
import { ARTICLE_COUNT_QUERY, ARTICLES_QUERY } from '../../src/sources/sanity/queries.ts';
import { SourceUnavailableError } from '../../src/sources/sanity/retry.ts';
import type { SanityArticle } from '../../src/sources/sanity/to-article.ts';
import { converter } from '../../src/zh/convert.ts';
import { DATASET } from '../support/lake.ts';

// A shard's indexing (Pagefind) is the real one; the spy sees which articles each shard is indexed from.
vi.mock('../../src/server/search-index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/server/search-index.ts')>();
  return { ...original, indexVersionedShard: vi.fn(original.indexVersionedShard) };
});

const NOW = new Date('2026-11-30T04:00:00.000Z');
const IMAGES = { projectId: 'local', dataset: 'production', baseUrl: 'http://127.0.0.1:1' };
const toHant = converter(locales['zh-Hans'].opencc, locales['zh-Hant'].opencc);

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 2 ** 32;
  };
}

/** The documents: samples + generated, with ties, tags written in zh-Hant, and scheduled articles. */
function documents(): IndexedDocs {
  const next = random(7);
  const generated = generateDocs(1200).map((doc, i, all) => {
    if (doc._type !== 'article' || String(doc._id).startsWith('drafts.')) return doc;
    const d: Doc = { ...doc };
    // Every 9th shares its publishedAt with the one before it: ties are ordered by slug.
    if (i % 9 === 0 && all[i - 1]?._type === 'article') d.publishedAt = all[i - 1]!.publishedAt;
    // Articles written in zh-Hant carry their tags in zh-Hant: one tag key, two written forms.
    if (d.sourceLocale === 'zh-Hant' && next() < 0.5) d.tags = (d.tags as string[]).map(toHant);
    // A few scheduled after NOW: invisible to every query and every list.
    if (next() < 0.02) d.publishedAt = new Date(NOW.getTime() + 3_600_000 * (1 + i)).toISOString();
    return d;
  });
  const docs = new IndexedDocs();
  for (const doc of [...parseNdjson(readFileSync(DATASET, 'utf8'), DATASET), ...generated]) docs.set(String(doc._id), doc);
  return docs;
}

let docs: IndexedDocs;
let full: BuildContext;
let queries: string[];
const request = (now = NOW) =>
  new SanityRequest(
    async (_what, query, params) => {
      queries.push(query);
      return (await runQuery(docs, query, params, 'published')).result;
    },
    now,
    IMAGES,
  );

/**
 * No query may answer every article with its body: a query of articles is a count, one article, a window
 * ([$from...$to], [0...$limit]), the corrected articles, or a projection without `body`.
 */
function expectBounded(asked: readonly string[]) {
  for (const query of asked) {
    expect(query).not.toBe(ARTICLES_QUERY);
    expect(query).not.toBe(ARTICLE_COUNT_QUERY);
    if (!query.includes('_type == "article"')) continue;
    const bounded =
      /^count\(|\[0\]|\[\$from\.\.\.\$to\]|\[0\.\.\.\$limit\]|\[\$rank\]|count\(corrections\) > 0/.test(query) || !query.includes('body');
    expect(bounded, query).toBe(true);
  }
}

beforeAll(async () => {
  docs = documents();
  queries = [];
  // The whole context, as the static build's loader makes it (the site glossary through the same request helper).
  const all = (await runQuery(docs, ARTICLES_QUERY, {}, 'published')).result as SanityArticle[];
  const articles = await request().articles(all);
  expect(articles.length).toBeGreaterThan(1200);
  full = sliceContext(articles, NOW);
  expect(full.published.length).toBeGreaterThan(1100);
  expect(full.published.length, 'some are scheduled after NOW').toBeLessThan(articles.length);
});

const slugs = (list: readonly Article[] | undefined) => (list ?? []).map((a) => a.slug);
const listed = (page: ListPage<Article>) => ({ data: slugs(page.data), currentPage: page.currentPage, lastPage: page.lastPage });

describe('an article page from its own queries equals the one of the whole context', () => {
  it('for 30 random published articles, the newest, the oldest and both sides of the share-image rank', { timeout: 90_000 }, async () => {
    const page = sanityPageOf(articleRoute.paths) as SanityPage<ArticleProps>;
    const next = random(15);
    const picks = new Set([full.published[0]!, full.published.at(-1)!, full.published[999]!, full.published[1000]!]);
    while (picks.size < 30) picks.add(full.published[Math.floor(next() * full.published.length)]!);
    let shareOwn = 0;
    for (const article of picks) {
      const locale = localeOrder[picks.size % localeOrder.length]!;
      queries = [];
      const found = await page(request(), { locale: locales[locale].segment, slug: article.slug });
      expect(found, article.slug).toBeDefined();
      const { build, props } = found!;
      const expected = articleRoute.find!(full, { locale: locales[locale].segment, slug: article.slug })!;
      expect(props.article.slug).toBe(article.slug);
      expect(JSON.stringify(props.article)).toBe(JSON.stringify(expected.article));
      const got = props.context;
      const want = articleContext(full.indexes, expected.article);
      expect(slugs(got.related), `${article.slug} related`).toEqual(slugs(want.related));
      expect(slugs(got.byAuthor), `${article.slug} by author`).toEqual(slugs(want.byAuthor));
      expect(got.newer?.slug, `${article.slug} newer`).toBe(want.newer?.slug);
      expect(got.older?.slug, `${article.slug} older`).toBe(want.older?.slug);
      expect(props.tagKeys).toEqual(expected.tagKeys);
      expect(build.shareImages.has(article.slug), `${article.slug} share image`).toBe(full.shareImages.has(article.slug));
      if (build.shareImages.has(article.slug)) shareOwn++;
      // The header's sections: the same categories in the same order.
      expect([...build.indexes.byCategory.keys()]).toEqual([...full.indexes.byCategory.keys()]);
      // Never a query of every article.
      expect(queries.some((q) => q.startsWith('*[_type == "article"] |'))).toBe(false);
      expect(build.published.length).toBeLessThan(400);
    }
    expect(shareOwn, 'both sides of the share-image rank were checked').toBeGreaterThan(0);
    expect(shareOwn).toBeLessThan(picks.size);
  });

  it('answers no page for an unknown, scheduled or unpublished slug, or an unknown locale', async () => {
    const page = sanityPageOf(articleRoute.paths)!;
    const scheduled = [...docs.values()].find((d) => d._type === 'article' && Date.parse(String(d.publishedAt)) > NOW.getTime())!;
    for (const slug of ['no-such-article', (scheduled.slug as { current: string }).current, 'gen-draft-only-0'])
      expect(await page(request(), { locale: 'zh-hans', slug }), slug).toBeUndefined();
    expect(await page(request(), { locale: 'xx', slug: full.published[0]!.slug })).toBeUndefined();
  });
});

describe('list pages from a slice and a count equal paginate over the whole list', () => {
  for (const [name, paths] of [
    ['category', categoryPages],
    ['author', authorPages],
    ['tag', tagPages],
    ['home', homePages],
  ] as const) {
    it(`the first two and the last page of every ${name}`, { timeout: 90_000 }, async () => {
      const page = sanityPageOf(paths as typeof categoryPages)!;
      const all = paths(full).filter((p) => p.params.locale === 'zh-hant');
      expect(all.length).toBeGreaterThan(5);
      const chosen = all.filter(({ props }) => {
        const { currentPage, lastPage } = props.page as ListPage<Article>;
        return currentPage <= 2 || currentPage === lastPage;
      });
      for (const { params, props } of chosen) {
        const found = await page(request(), params);
        expect(found, JSON.stringify(params)).toBeDefined();
        expect(listed(found!.props.page), JSON.stringify(params)).toEqual(listed(props.page));
        const { page: _p, ...rest } = found!.props as Record<string, unknown>;
        const { page: _q, ...want } = props as Record<string, unknown>;
        expect(JSON.stringify(rest)).toBe(JSON.stringify(want));
        // The header's sections; the home page's first page also lists every month of the archive.
        expect([...found!.build.indexes.byCategory.keys()]).toEqual([...full.indexes.byCategory.keys()]);
        if (name === 'home' && !params.page) expect(monthsOf(found!.build.indexes)).toEqual(monthsOf(full.indexes));
      }
      // A page past the last, and page "1" (page 1 has no number in its URL): none.
      const last = all.at(-1)!;
      const past = String((last.props.page as ListPage<Article>).lastPage + 1);
      expect(await page(request(), { ...last.params, page: past })).toBeUndefined();
      expect(await page(request(), { ...all[0]!.params, page: '1' })).toBeUndefined();
    });
  }
  it('has a page size the generated lists paginate with', () => {
    expect(paginate(full.published, { params: {}, props: {}, pageSize: full.options.pageSize }).length).toBeGreaterThan(10);
  });
});

describe('a feed from its newest articles equals the one of the whole context', () => {
  it('every locale, category and author feed: the same articles, the same own share images', { timeout: 90_000 }, async () => {
    let checked = 0;
    let notOwn = 0;
    for (const kind of ['locale', 'category', 'author'] as const) {
      const page = sanityPageOf(feedPages[kind])!;
      for (const { params, props } of feedPages[kind](full).filter((p) => p.params.locale === 'zh-hans')) {
        const found = await page(request(), params);
        expect(found, JSON.stringify(params)).toBeDefined();
        expect(found!.props.scope).toEqual(props.scope);
        const got = articlesIn(props.scope, found!.build.published);
        const want = articlesIn(props.scope, full.published);
        expect(slugs(got), JSON.stringify(params)).toEqual(slugs(want));
        for (const a of want) {
          expect(found!.build.shareImages.has(a.slug), `${JSON.stringify(params)} ${a.slug}`).toBe(full.shareImages.has(a.slug));
          if (!full.shareImages.has(a.slug)) notOwn++;
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(notOwn, 'some feed articles are past site.shareImagesNewest').toBeGreaterThan(0);
    expect(await sanityPageOf(feedPages.category)!(request(), { locale: 'zh-hans', slug: 'no-such-category' })).toBeUndefined();
  });
});

describe('the archives from a date range and a count equal paginate over the whole period', () => {
  it('periods start where the site time zone turns the month', () => {
    for (const [y, m] of [
      [2023, 1],
      [2026, 11],
      [2026, 12],
      [2024, 2],
    ] as const) {
      const start = monthStart(y, m, full.site.timeZone);
      const expected = { year: y, month: m };
      expect(yearMonth(start, full.site.timeZone)).toEqual(expected);
      expect(yearMonth(new Date(start.getTime() - 1), full.site.timeZone)).toEqual(m === 1 ? { year: y - 1, month: 12 } : { year: y, month: m - 1 });
    }
    expect(monthStart(2026, 13, 'UTC').toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(monthStart(2026, 3, 'America/New_York').toISOString()).toBe('2026-03-01T05:00:00.000Z');
    expect(monthStart(2026, 4, 'America/New_York').toISOString()).toBe('2026-04-01T04:00:00.000Z');
  });

  it('the first two and the last page of every year and month; a year page lists its months', { timeout: 90_000 }, async () => {
    const page = sanityPageOf(archivePages)!;
    const all = archivePages(full).filter((p) => p.params.locale === 'zh-hans');
    expect(all.filter((p) => !p.props.month).length, 'years').toBeGreaterThan(1);
    expect(all.filter((p) => p.props.month).length, 'months').toBeGreaterThan(2);
    expect(
      all.some((p) => p.props.page.lastPage > 2),
      'a period of more than two pages',
    ).toBe(true);
    for (const { params, props } of all.filter(({ props: { page: p } }) => p.currentPage <= 2 || p.currentPage === p.lastPage)) {
      queries = [];
      const found = await page(request(), params);
      expect(found, JSON.stringify(params)).toBeDefined();
      const { page: got, ...rest } = found!.props;
      const { page: want, ...wanted } = props;
      expect(listed(got), JSON.stringify(params)).toEqual(listed(want));
      expect(JSON.stringify(rest)).toBe(JSON.stringify(wanted));
      if (!props.month && want.currentPage === 1) expect(monthsOf(found!.build.indexes, props.year)).toEqual(monthsOf(full.indexes, props.year));
      expect([...found!.build.indexes.byCategory.keys()]).toEqual([...full.indexes.byCategory.keys()]);
      expectBounded(queries);
      expect(found!.build.published.length).toBeLessThan(100);
    }
  });

  it('answers no page for a period without articles, a malformed period, a page past the last or page "1"', async () => {
    const page = sanityPageOf(archivePages)!;
    for (const period of ['2019', '2019-05', '2023-13', '2023-00', '23', '2023-1', '2023-01-01', '0099', '1999', 'x'])
      expect(await page(request(), { locale: 'zh-hans', period }), period).toBeUndefined();
    const last = archivePages(full).find((p) => p.params.period === '2023-01' && p.props.page.currentPage === p.props.page.lastPage)!;
    expect(await page(request(), { ...last.params, page: String(last.props.page.lastPage + 1) })).toBeUndefined();
    expect(await page(request(), { locale: 'zh-hans', period: '2023-01', page: '1' })).toBeUndefined();
    expect(await page(request(), { locale: 'xx', period: '2023-01' })).toBeUndefined();
  });
});

describe('/, corrections and search from their own queries equal the pages of the whole context', () => {
  it('/: the newest headlines and the sections', async () => {
    queries = [];
    const found = (await sanityPageOf(rootPage)!(request(), {}))!;
    expect(slugs(found.build.published.slice(0, ROOT_HEADLINES))).toEqual(slugs(full.published.slice(0, ROOT_HEADLINES)));
    expect([...found.build.indexes.byCategory.keys()]).toEqual([...full.indexes.byCategory.keys()]);
    expectBounded(queries);
  });

  it('corrections: every correction of every locale, in the same order', async () => {
    const page = sanityPageOf(correctionsPages)!;
    const shown = (entries: ReturnType<typeof correctionEntries>) =>
      entries.map((e) => [e.article.slug, e.article.title, e.correction.date.toISOString(), e.correction.text]);
    for (const { params, props } of correctionsPages(full)) {
      queries = [];
      const found = (await page(request(), params))!;
      expect(found.props).toEqual(props);
      const want = correctionEntries(full.published, props.locale);
      expect(want.length, 'the samples have corrections').toBeGreaterThan(0);
      expect(shown(correctionEntries(found.build.published, props.locale))).toEqual(shown(want));
      expectBounded(queries);
    }
    expect(await page(request(), { locale: 'xx' })).toBeUndefined();
  });

  it('the search page: the same bundles, from the number of published articles', async () => {
    const page = sanityPageOf(searchPages)!;
    for (const { params, props } of searchPages(full)) {
      queries = [];
      expect((await page(request(), params))!.props).toEqual(props);
      expect(props.bundles.length, 'more than one shard').toBeGreaterThan(1);
      expectBounded(queries);
    }
    expect(await page(request(), { locale: 'xx' })).toBeUndefined();
  });

  it(
    'each search shard is indexed from the articles searchShards gives it, once per version; an edit in it indexes it again',
    { timeout: 120_000 },
    async () => {
      const page = sanityPageOf(searchBundlePages)!;
      const spy = vi.mocked(indexVersionedShard);
      const shards = searchShards(full.published, full.options.searchShardSize);
      expect(shards.length).toBeGreaterThan(1);
      for (const shard of shards) {
        spy.mockClear();
        queries = [];
        const found = (await page(request(), { file: `zh-hant/${shard.number}/pagefind-entry.json` }))!;
        expect(found.props).toMatchObject({ locale: 'zh-Hant', shard: shard.number, file: 'pagefind-entry.json' });
        expect(spy).toHaveBeenCalledTimes(1);
        expect(slugs(spy.mock.calls[0]![3]), `shard ${shard.number}`).toEqual(slugs(shard.articles));
        const entry = JSON.parse(new TextDecoder().decode((await found.props.files).get('pagefind-entry.json')!)) as {
          languages: Record<string, { page_count: number }>;
        };
        expect(entry.languages['zh-hant']!.page_count).toBe(shard.articles.length);
        expectBounded(queries);
        // The same version again: served from what was indexed, without reading the shard's bodies.
        spy.mockClear();
        queries = [];
        const again = (await page(request(), { file: `zh-hant/${shard.number}/pagefind.js` }))!;
        expect(spy).not.toHaveBeenCalled();
        expect(queries.some((q) => q.includes('body'))).toBe(false);
        expect((await again.props.files).has('pagefind.js')).toBe(true);
      }
      // An edit of an article in shard 0 (a new _rev): indexed again.
      const edited = shards[0]!.articles[3]!;
      const id = `article.${edited.slug}`;
      const doc = docs.get(id)!;
      docs.set(id, { ...doc, _rev: `edited-${Date.now()}`, title: `${String(doc.title)}（更新）` });
      try {
        spy.mockClear();
        await page(request(), { file: 'zh-hant/0/pagefind.js' });
        expect(spy).toHaveBeenCalledTimes(1);
        expect(spy.mock.calls[0]![3].find((a) => a.slug === edited.slug)!.title).toMatch(/（更新）$/);
      } finally {
        docs.set(id, doc);
      }
      for (const file of [`zh-hant/${shards.length}/pagefind.js`, 'xx/0/pagefind.js', 'zh-hant/0/../x', 'zh-hant/pagefind.js'])
        expect(await page(request(), { file }), file).toBeUndefined();
    },
  );
});

describe('the sitemaps from a slim projection or their window equal the static files', () => {
  it('index, pages and articles: the same file, from rows without bodies', { timeout: 60_000 }, async () => {
    for (const [name, write] of [
      ['index', sitemapIndex],
      ['pages', pagesSitemap],
      ['articles', articlesSitemap],
    ] as const) {
      queries = [];
      const found = (await sanityPageOf(sitemapPages[name])!(request(), {}))!;
      expect(await write(found.props.articles), name).toBe(await write(full.published));
      expectBounded(queries);
    }
  });

  it('refuses (SourceUnavailableError: the page answers 503) a row the static build would refuse: a dangling author, no category', async () => {
    const id = `article.${full.published[5]!.slug}`;
    const doc = docs.get(id)!;
    for (const broken of [
      { ...doc, authors: [{ _type: 'reference', _ref: 'author.nobody', _key: 'x' }] },
      { ...doc, category: undefined },
    ]) {
      docs.set(id, broken);
      try {
        await expect(sanityPageOf(sitemapPages.articles)!(request(), {})).rejects.toBeInstanceOf(SourceUnavailableError);
      } finally {
        docs.set(id, doc);
      }
    }
  });

  it("news: the 48 hours before the clock, at the samples' clock and amid the generated articles", { timeout: 60_000 }, async () => {
    const articles = await request().articles((await runQuery(docs, ARTICLES_QUERY, {}, 'published')).result as SanityArticle[]);
    let recent = 0;
    for (const now of [NOW, new Date('2023-01-20T00:30:00.000Z')]) {
      const whole = sliceContext(articles, now);
      queries = [];
      const found = (await sanityPageOf(sitemapPages.news)!(request(now), {}))!;
      expect(await newsSitemap(found.props.articles, now)).toBe(await newsSitemap(whole.published, now));
      recent += newsArticles(whole.published, now).length;
      expectBounded(queries);
    }
    expect(recent, 'some articles are within 48 hours').toBeGreaterThan(40);
  });
});

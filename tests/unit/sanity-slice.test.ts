/**
 * Sanity as the server's source (src/server/sanity-request.ts): a page's context made of what its own queries return
 * gives the same page as the context of every article. The queries run for real, with groq-js over the documents (the
 * lake's query engine, scripts/lake/index.ts): the sample dataset plus 1,200 generated articles (more than site.shareImagesNewest), with ties in
 * publishedAt, tags written in the other script, scheduled articles and drafts. Checked for many random articles:
 * related, more from the author, newer/older, the tag keys, the share-image choice and the header's sections; for
 * every home, category, author and tag page: its articles, page number and number of pages; every feed: its articles and
 * which of them have a share image of their own.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IndexedDocs, runQuery, type Doc } from '../../scripts/lake/index.ts';
import { generateDocs } from '../../scripts/lake/generate.ts';
import { parseNdjson } from '../../scripts/lake/server.ts';
import { localeOrder, locales } from '../../src/config/site.ts';
import { articleContext } from '../../src/lib/article-page.ts';
import type { BuildContext } from '../../src/lib/build-context.ts';
import { paginate, type ListPage } from '../../src/lib/route-paths.ts';
import { articlesIn } from '../../src/lib/feeds/index.ts';
import { monthsOf } from '../../src/lib/indexes.ts';
import { authorPages, categoryPages, feedPages, homePages, tagPages } from '../../src/lib/routes.ts';
import { sliceContext } from '../../src/lib/slice-context.ts';
import type { Article } from '../../src/model/article.ts';
import { articleRoute, type ArticleProps } from '../../src/server/article-request.ts';
import { sanityPageOf, SanityRequest, type SanityPage } from '../../src/server/sanity-request.ts';
import { ARTICLES_QUERY } from '../../src/sources/sanity/queries.ts';
import type { SanityArticle } from '../../src/sources/sanity/to-article.ts';
import { converter } from '../../src/zh/convert.ts';
import { DATASET } from '../support/lake.ts';

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
const request = () =>
  new SanityRequest(
    async (_what, query, params) => {
      queries.push(query);
      return (await runQuery(docs, query, params, 'published')).result;
    },
    NOW,
    IMAGES,
  );

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

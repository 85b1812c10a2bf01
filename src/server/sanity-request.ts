/**
 * Sanity as the server's source (server output with SANITY_PROJECT_ID and SANITY_DATASET): each request queries only
 * what its page shows, through the real @sanity/client (published perspective), converts the documents with the same
 * mapper as the static build (to-article.ts, with the site glossary), and renders from a build context made of those
 * articles (`sliceContext`). Each slice is chosen so that the page equals the one the context of every article gives:
 *
 * - article page: the article; its newer and older neighbours; the newest 51 of each of its tags and of its category
 *   (`related` looks at the newest 50 of each list, and one of them may be the article itself); its first author's
 *   newest 5 (`moreByAuthor` shows 4 others); the article at rank site.shareImagesNewest - 1, for the share-image choice (the newest
 *   site.shareImagesNewest); tests/unit/sanity-slice.test.ts proves the article context equal on generated articles.
 * - home, category, author and tag pages: the page's articles (`[from...to]`) and a `count()` for the number of pages;
 *   the home page's first page also the dates of every published article (no bodies) for the archive's months.
 * - share image: the article and the article at that rank.
 * - feeds (locale, category, author; RSS, Atom, JSON Feed): the scope's newest site.feedLimit, and the article at rank
 *   site.shareImagesNewest - 1 (which of them have a share image of their own).
 * - archives (a year, a month): the period's page as a window of a date range ([start, end) in the site's time zone)
 *   and its count; a year's first page also the dates of that year (no bodies) for its months.
 * - `/`: the newest 10. Corrections: every published article with a correction (the page lists them all, as the
 *   static page does). Search page: the number of published articles (its shards).
 * - search bundles (`/pagefind/<locale>/<shard>/…`): shard k's window by rank and its revisions, the version key of
 *   its index (kept per shard in search-index.ts); its articles with bodies only to index a version not indexed yet.
 * - sitemaps: pages and articles a slim projection of every published article (what they list, never a body); the
 *   index the newest article; news the window of its 48 hours (at most NEWS_LIMIT).
 * - every page: the newest 4 articles of each category (the header's sections, in the order of their newest
 *   article, and the home page's blocks).
 *
 * Every route rendered on demand has its SanityPage (sanityPageOf); tests/unit/sanity-slice.test.ts proves each equal to
 * the whole context's page. Nothing here keeps a copy of the dataset: the route cache (in process and Varnish) keeps
 * pages, search-index.ts one index per shard, and the answers of the current content version are kept (bounded,
 * src/server/query-cache.ts): the same query runs once until the next publish or scheduled article.
 *
 * Faults: a request-time retry policy much shorter than the build's (REQUEST_RETRY), so that Sanity down, a 5xx, a
 * 429 or a timeout holds a request for at most a few seconds before on-demand.ts answers 503 with Retry-After.
 */
import { createHash } from 'node:crypto';
import type { SanityClient } from '@sanity/client';
import { env } from '../config/env.ts';
import { localeOrder, site } from '../config/site.ts';
import type { SanityOptions } from '../config/source.ts';
import type { BuildContext } from '../lib/build-context.ts';
import { sliceContext } from '../lib/slice-context.ts';
import type { ListPage, RouteParams, RoutePaths } from '../lib/route-paths.ts';
import { monthKey, monthStart, yearMonth } from '../lib/indexes.ts';
import {
  archivePages,
  articleSharePages,
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
} from '../lib/routes.ts';
import { searchBundles, shardWindow } from '../lib/search-shards.ts';
import { articleSitemapCount, articleSitemapWindow, NEWS_LIMIT, NEWS_WINDOW_MS, type SitemapArticle } from '../lib/sitemaps.ts';
import { articleTagKeys, tagKey, tagName } from '../lib/tags.ts';
import { localeFromSegment, periodSegment, tagSegment, type FeedScope } from '../lib/urls.ts';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import { createSanityClient, fetchQuery } from '../sources/sanity/client.ts';
import {
  ARTICLE_AT_RANK_QUERY,
  ARTICLE_BY_SLUG_QUERY,
  AUTHOR_ARTICLES_QUERY,
  AUTHOR_COUNT_QUERY,
  CATEGORY_ARTICLES_QUERY,
  CATEGORY_COUNT_QUERY,
  LATEST_ARTICLES_QUERY,
  LATEST_COUNT_QUERY,
  NEWER_ARTICLE_QUERY,
  NEXT_SCHEDULED_QUERY,
  OLDER_ARTICLE_QUERY,
  PUBLISHED_DATES_QUERY,
  CATEGORY_IDS_QUERY,
  SITE_GLOSSARY_QUERY,
  TAG_ARTICLES_QUERY,
  TAG_COUNT_QUERY,
  TAXONOMY_ID_QUERY,
  ARCHIVE_ARTICLES_QUERY,
  ARCHIVE_COUNT_QUERY,
  ARCHIVE_DATES_QUERY,
  CORRECTED_ARTICLES_QUERY,
  RECENT_ARTICLES_QUERY,
  SHARD_REVISIONS_QUERY,
  SITE_GLOSSARY_REV_QUERY,
  SITEMAP_ARTICLES_QUERY,
  SITEMAP_ARTICLES_WINDOW_QUERY,
} from '../sources/sanity/queries.ts';
import { SourceUnavailableError } from '../sources/sanity/retry.ts';
import type { SHARD_REVISIONS_QUERY_RESULT, SITE_GLOSSARY_QUERY_RESULT, SITEMAP_ARTICLES_QUERY_RESULT } from '../sources/sanity/sanity.types.ts';
import { toArticle, type ImageSettings, type SanityArticle } from '../sources/sanity/to-article.ts';
import { toSiteGlossary } from '../sources/sanity/to-glossary.ts';
import { withSiteGlossary } from '../zh/article-overrides.ts';
import type { GlossaryEntry } from '../zh/overrides.ts';
import { articleRoute, type ArticleProps } from './article-request.ts';
import { ContentVersion, publishedQueries } from './query-cache.ts';
import { indexVersionedShard, searchBundlePages, searchFile, versionedShardFiles, type SearchBundle } from './search-index.ts';

/**
 * A request waits for Sanity at most: 2 attempts of at most 3 s each (TONGBAO_SANITY_TIMEOUT_MS if shorter), 200 ms
 * apart, a Retry-After honoured up to 1 s (longer: the second attempt comes sooner and, if refused again, the page
 * answers 503 with our Retry-After). The build's policy (5 attempts, waits up to 30 s) would hold a reader for minutes.
 */
export const REQUEST_RETRY = { attempts: 2, backoffMs: 200, maxDelayMs: 1_000, timeoutMs: 3_000 } as const;

/** Runs one GROQ query and gives its result (the client, or in tests groq-js over documents). */
export type RunQuery = (what: string, query: string, params: Record<string, unknown>) => Promise<unknown>;

/** The articles the home page's blocks show per section (src/components/Sections.astro). */
const PER_SECTION = 4;
/** `related` (src/lib/indexes.ts) looks at the newest 50 of each list; one more in case the article is among them. */
const CANDIDATES = 51;
/** `moreByAuthor` shows 4 others: the newest 5 hold them even when the article is one of the 5. */
const BY_AUTHOR = 5;

/**
 * What one request reads from Sanity: its queries (each run once), the documents converted once. With a content
 * version (src/server/query-cache.ts), both are shared with the other requests of that version: an answer does not
 * depend on the clock within a version, so `$now` is left out of the key.
 */
export class SanityRequest {
  private readonly memo: Pick<ContentVersion, 'answer' | 'articles'>;
  /** The document each converted article came from, by slug (its references: category and authors). */
  readonly documents = new Map<string, SanityArticle>();
  private glossary: Promise<GlossaryEntry[]> | undefined;

  constructor(
    private readonly run: RunQuery,
    readonly now: Date,
    private readonly images: ImageSettings,
    version?: ContentVersion,
  ) {
    this.memo = version ?? new ContentVersion(now.getTime(), now.getTime() + 1, 1_000_000);
  }

  /** A query with `$now` (the request's clock) and `params`; the same query and params run once. */
  query<T>(what: string, query: string, params: Record<string, unknown> = {}): Promise<T> {
    const key = `${query}\0${JSON.stringify(params)}`;
    return this.memo.answer(key, () => this.run(what, query, { ...params, now: this.now.toISOString() }) as Promise<T>);
  }

  /** Documents as Articles (to-article.ts and the site glossary, as the static build's loader maps them). */
  async articles(docs: readonly (SanityArticle | null | undefined)[]): Promise<Article[]> {
    this.glossary ??= this.query<SITE_GLOSSARY_QUERY_RESULT>('reading the site glossary from Sanity', SITE_GLOSSARY_QUERY).then(toSiteGlossary);
    const glossary = await this.glossary;
    return docs.flatMap((doc) => {
      if (!doc) return [];
      let article = this.memo.articles.get(doc._id);
      if (!article) {
        try {
          article = withSiteGlossary(toArticle(doc, this.images), glossary);
        } catch (error) {
          // A document the static build would refuse: this page cannot be shown until it is fixed.
          throw new SourceUnavailableError((error as Error).message, { cause: error });
        }
        this.memo.articles.set(doc._id, article);
      }
      this.documents.set(article.slug, doc);
      return [article];
    });
  }

  /** The document id of a category or author by slug (undefined: none). */
  async idOf(type: 'category' | 'author', slug: string): Promise<string | undefined> {
    return (await this.query<string | null>(`finding ${type} "${slug}" in Sanity`, TAXONOMY_ID_QUERY, { type, slug })) ?? undefined;
  }

  /** Seconds until the next scheduled article comes out, if any. */
  async changesIn(): Promise<number | undefined> {
    const next = await this.query<string | null>('reading the next scheduled article from Sanity', NEXT_SCHEDULED_QUERY);
    return next ? Math.ceil((Date.parse(next) - this.now.getTime()) / 1000) : undefined;
  }

  /** The newest articles of each category: in every page's context (the header's sections). */
  async sections(): Promise<Article[]> {
    const ids = await this.query<string[]>('reading the categories from Sanity', CATEGORY_IDS_QUERY);
    const lists = await Promise.all(
      ids.map((ref) =>
        this.query<SanityArticle[]>(`reading the newest of category "${ref}" from Sanity`, CATEGORY_ARTICLES_QUERY, {
          ref,
          from: 0,
          to: PER_SECTION,
        }),
      ),
    );
    return this.articles(lists.flat());
  }
}

/** A page of a route from a request's queries: its context and props, or undefined when there is no such page (404). */
export type SanityPage<P> = (request: SanityRequest, params: RouteParams) => Promise<{ build: BuildContext; props: P } | undefined>;

/** The context of the slice, each article once (by slug; the first object kept), and its share-image choice. */
function contextOf(request: SanityRequest, articles: readonly Article[], ownShareImages?: ReadonlySet<string>): BuildContext {
  const bySlug = new Map<string, Article>();
  for (const a of articles) if (!bySlug.has(a.slug)) bySlug.set(a.slug, a);
  const build = sliceContext([...bySlug.values()], request.now);
  // The slice's newest are not the site's: the choice comes from the site's order (ownShareImages).
  return ownShareImages ? Object.freeze({ ...build, shareImages: ownShareImages }) : build;
}

/** The forms a tag key may be written in (each locale's script): a tag is stored as written, keyed in zh-Hans. */
export function tagForms(key: string, written: readonly string[] = []): string[] {
  return [...new Set([key, ...localeOrder.map((l) => tagName(key, l)), ...written])];
}

async function publishedArticle(request: SanityRequest, slug: string | undefined): Promise<Article | undefined> {
  if (!slug) return undefined;
  const doc = await request.query<SanityArticle | null>(`reading article "${slug}" from Sanity`, ARTICLE_BY_SLUG_QUERY, { slug });
  return (await request.articles([doc]))[0];
}

/** The articles an article page's context needs besides the article and the sections (tests/unit/sanity-slice.test.ts). */
export async function articleSlice(request: SanityRequest, article: Article): Promise<Article[]> {
  const at = { at: article.publishedAt.toISOString(), slug: article.slug };
  const window = { from: 0, to: CANDIDATES };
  const first = article.authors[0];
  // The references as stored: the first author's id is the first of authorRefs (authors[]-> keeps their order).
  const doc = request.documents.get(article.slug)!;
  const lists = await Promise.all([
    request.query<SanityArticle | null>('reading the newer article from Sanity', NEWER_ARTICLE_QUERY, at).then((d) => [d]),
    request.query<SanityArticle | null>('reading the older article from Sanity', OLDER_ARTICLE_QUERY, at).then((d) => [d]),
    ...articleTagKeys(article).map((key) =>
      request.query<SanityArticle[]>(`reading tag "${key}" from Sanity`, TAG_ARTICLES_QUERY, {
        ...window,
        forms: tagForms(
          key,
          article.tags.filter((t) => tagKey(t, article.sourceLocale) === key),
        ),
      }),
    ),
    request.query<SanityArticle[]>(`reading category "${article.category.slug}" from Sanity`, CATEGORY_ARTICLES_QUERY, {
      ...window,
      ref: doc.categoryRef,
    }),
    first && doc.authorRefs?.[0]
      ? request.query<SanityArticle[]>(`reading author "${first.slug}" from Sanity`, AUTHOR_ARTICLES_QUERY, {
          from: 0,
          to: BY_AUTHOR,
          ref: doc.authorRefs[0],
        })
      : Promise.resolve([]),
  ]);
  return request.articles(lists.flat());
}

const articlePage: SanityPage<ArticleProps> = async (request, params) => {
  const locale = localeFromSegment(params.locale);
  if (!locale || !localeOrder.includes(locale)) return undefined;
  const article = await publishedArticle(request, params.slug);
  if (!article) return undefined;
  const [others, sections, own] = await Promise.all([articleSlice(request, article), request.sections(), ownShareImages(request, [article])]);
  const build = contextOf(request, [article, ...others, ...sections], own);
  const props = articleRoute.find!(build, params);
  return props && { build, props };
};

const sharePage: SanityPage<{ article: Article; locale: Locale }> = async (request, params) => {
  const locale = localeFromSegment(params.locale);
  if (!locale || !localeOrder.includes(locale)) return undefined;
  const article = await publishedArticle(request, params.slug);
  if (!article) return undefined;
  const own = await ownShareImages(request, [article]);
  if (!own.has(article.slug)) return undefined;
  return { build: contextOf(request, [article], own), props: { article, locale } };
};

/** Which of `articles` are among the newest site.shareImagesNewest published (one query: the article at that rank). */
async function ownShareImages(request: SanityRequest, articles: readonly Article[]): Promise<ReadonlySet<string>> {
  const last = await request.query<{ publishedAt: string; slug: string } | null>('ranking the share images in Sanity', ARTICLE_AT_RANK_QUERY, {
    rank: site.shareImagesNewest - 1,
  });
  if (!last) return new Set(articles.map((a) => a.slug));
  const at = Date.parse(last.publishedAt);
  // Newest first, then by slug (selectPublished): at or before `last` in that order.
  const within = (a: Article) => a.publishedAt.getTime() > at || (a.publishedAt.getTime() === at && a.slug.localeCompare(last.slug) <= 0);
  return new Set(articles.filter(within).map((a) => a.slug));
}

/** A feed of a locale, category or author: its newest site.feedLimit articles. */
const feedPage =
  (kind: FeedScope['kind']): SanityPage<{ scope: FeedScope }> =>
  async (request, params) => {
    const locale = localeFromSegment(params.locale);
    if (!locale || !localeOrder.includes(locale)) return undefined;
    const window = { from: 0, to: site.feedLimit };
    const slug = params.slug;
    if (kind !== 'locale' && !slug) return undefined;
    const ref = kind === 'locale' ? undefined : await request.idOf(kind, slug!);
    if (kind !== 'locale' && !ref) return undefined;
    const docs =
      kind === 'locale'
        ? await request.query<SanityArticle[]>('reading the newest articles from Sanity', LATEST_ARTICLES_QUERY, window)
        : await request.query<SanityArticle[]>(
            `reading ${kind} "${slug}" from Sanity`,
            kind === 'category' ? CATEGORY_ARTICLES_QUERY : AUTHOR_ARTICLES_QUERY,
            {
              ...window,
              ref,
            },
          );
    const articles = await request.articles(docs);
    // A category's or author's feed exists while it has articles (feedScopes); a locale's always.
    if (kind !== 'locale' && !articles.length) return undefined;
    const scope: FeedScope = kind === 'locale' ? { kind, locale } : { kind, locale, slug: slug! };
    return { build: contextOf(request, articles, await ownShareImages(request, articles)), props: { scope } };
  };

/** Pure: the page number of a list page's params (`[...page]`: absent on page 1, "2", "3"… after), or undefined. */
function pageNumber(param: string | undefined): number | undefined {
  if (param === undefined) return 1;
  return /^[1-9]\d*$/.test(param) && param !== '1' ? Number(param) : undefined;
}

interface ListQueries {
  what: string;
  list: string;
  count: string;
  params: Record<string, unknown>;
}

/** A paginated list from its page's slice and a count: the ListPage `paginate` gives over the whole list. */
async function listPage(
  request: SanityRequest,
  params: RouteParams,
  queries: ListQueries,
): Promise<{ build: BuildContext; locale: Locale; page: ListPage<Article> } | undefined> {
  const locale = localeFromSegment(params.locale);
  const currentPage = pageNumber(params.page);
  if (!locale || !localeOrder.includes(locale) || currentPage === undefined) return undefined;
  const size = env.TONGBAO_PAGE_SIZE;
  const [docs, count, sections] = await Promise.all([
    request.query<SanityArticle[]>(`reading ${queries.what} from Sanity`, queries.list, {
      ...queries.params,
      from: (currentPage - 1) * size,
      to: currentPage * size,
    }),
    request.query<number>(`counting ${queries.what} in Sanity`, queries.count, queries.params),
    request.sections(),
  ]);
  const items = await request.articles(docs);
  if (!items.length) return undefined;
  const build = contextOf(request, [...items, ...sections]);
  const shown = new Map(build.published.map((a) => [a.slug, a]));
  return { build, locale, page: { data: items.map((a) => shown.get(a.slug)!), currentPage, lastPage: Math.max(1, Math.ceil(count / size)) } };
}

const categoryPage: SanityPage<{ locale: Locale; category: Article['category']; page: ListPage<Article> }> = async (request, params) => {
  const slug = params.slug;
  const ref = slug && (await request.idOf('category', slug));
  if (!ref) return undefined;
  const list = await listPage(request, params, {
    what: `category "${slug}"`,
    list: CATEGORY_ARTICLES_QUERY,
    count: CATEGORY_COUNT_QUERY,
    params: { ref },
  });
  return list && { build: list.build, props: { locale: list.locale, category: list.page.data[0]!.category, page: list.page } };
};

const authorPage: SanityPage<{ locale: Locale; author: Article['authors'][number]; page: ListPage<Article> }> = async (request, params) => {
  const slug = params.slug;
  const ref = slug && (await request.idOf('author', slug));
  if (!ref) return undefined;
  const list = await listPage(request, params, {
    what: `author "${slug}"`,
    list: AUTHOR_ARTICLES_QUERY,
    count: AUTHOR_COUNT_QUERY,
    params: { ref },
  });
  const author = list?.page.data[0]!.authors.find((a) => a.slug === slug);
  return list && author && { build: list.build, props: { locale: list.locale, author, page: list.page } };
};

const tagPage: SanityPage<{ locale: Locale; key: string; page: ListPage<Article> }> = async (request, params) => {
  // The URL holds the tag's segment (src/lib/urls.ts tagSegment of its zh-Hans key); a key of letters and digits is its own segment.
  const segment = params.tag;
  if (!segment) return undefined;
  const list = await listPage(request, params, {
    what: `tag "${segment}"`,
    list: TAG_ARTICLES_QUERY,
    count: TAG_COUNT_QUERY,
    params: { forms: tagForms(segment) },
  });
  const key = list?.page.data[0] && list.build.indexes.tagKeys.get(list.page.data[0])?.find((k) => tagSegment(k) === segment);
  return list && key ? { build: list.build, props: { locale: list.locale, key, page: list.page } } : undefined;
};

/** Home of a locale, page k: the newest articles' page, the sections, and on page 1 the archive's months. */
const homePage: SanityPage<{ locale: Locale; page: ListPage<Article> }> = async (request, params) => {
  const list = await listPage(request, params, { what: 'the newest articles', list: LATEST_ARTICLES_QUERY, count: LATEST_COUNT_QUERY, params: {} });
  if (!list) return undefined;
  let build = list.build;
  // The directory lists every month with an article (monthsOf reads the keys of byMonth): from the dates alone.
  if (list.page.currentPage === 1)
    build = withMonths(build, await request.query<string[]>('reading the archive months from Sanity', PUBLISHED_DATES_QUERY));
  return { build, props: { locale: list.locale, page: list.page } };
};

/** `2026` or `2026-11` (periodSegment's forms, nothing else): the archive period and its instants in the site's time zone. */
function archivePeriod(segment: string | undefined): { year: number; month?: number; start: Date; end: Date } | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(segment ?? '');
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  // The form the archive's URLs have, nothing else (no `0999`, no month 13).
  if ((month !== undefined && (month < 1 || month > 12)) || periodSegment(year, month) !== segment) return undefined;
  const zone = site.timeZone;
  const start = monthStart(year, month ?? 1, zone);
  const end = month === undefined ? monthStart(year + 1, 1, zone) : monthStart(year, month + 1, zone);
  return { year, ...(month === undefined ? {} : { month }), start, end };
}

/** A context with the months of `dates` in its byMonth (monthsOf reads its keys; the slice holds only its own articles). */
function withMonths(build: BuildContext, dates: readonly string[]): BuildContext {
  const byMonth = new Map<string, Article[]>();
  for (const d of dates) byMonth.set(monthKey(yearMonth(new Date(d), build.site.timeZone)), []);
  for (const [key, articles] of build.indexes.byMonth) byMonth.set(key, articles);
  return Object.freeze({ ...build, indexes: { ...build.indexes, byMonth } });
}

/** An archive of a year or month, page k: a date-range window and its count; a year's first page also its months. */
const archivePage: SanityPage<{ locale: Locale; year: number; month?: number | undefined; page: ListPage<Article> }> = async (request, params) => {
  const period = archivePeriod(params.period);
  if (!period) return undefined;
  const range = { start: period.start.toISOString(), end: period.end.toISOString() };
  const list = await listPage(request, params, {
    what: `the archive of ${params.period}`,
    list: ARCHIVE_ARTICLES_QUERY,
    count: ARCHIVE_COUNT_QUERY,
    params: range,
  });
  if (!list) return undefined;
  let build = list.build;
  if (period.month === undefined && list.page.currentPage === 1) {
    // The year's directory lists its months with an article: from the dates of the year alone.
    build = withMonths(build, await request.query<string[]>(`reading the months of ${params.period} from Sanity`, ARCHIVE_DATES_QUERY, range));
  }
  return { build, props: { locale: list.locale, year: period.year, month: period.month, page: list.page } };
};

/** `/`: the newest ROOT_HEADLINES and the sections. */
const rootPageOf: SanityPage<Record<string, never>> = async (request) => {
  const [docs, sections] = await Promise.all([
    request.query<SanityArticle[]>('reading the newest articles from Sanity', LATEST_ARTICLES_QUERY, { from: 0, to: ROOT_HEADLINES }),
    request.sections(),
  ]);
  return { build: contextOf(request, [...(await request.articles(docs)), ...sections]), props: {} };
};

/** A page of a locale (corrections, search), or undefined for a locale the site does not publish. */
function localeOf(params: RouteParams): Locale | undefined {
  const locale = localeFromSegment(params.locale);
  return locale && localeOrder.includes(locale) ? locale : undefined;
}

/**
 * Corrections of a locale: every published article with a correction (the page lists every correction, as the
 * static page does: the filter is its bound) and the sections.
 */
const correctionsPage: SanityPage<{ locale: Locale }> = async (request, params) => {
  const locale = localeOf(params);
  if (!locale) return undefined;
  const [docs, sections] = await Promise.all([
    request.query<SanityArticle[]>('reading the corrected articles from Sanity', CORRECTED_ARTICLES_QUERY),
    request.sections(),
  ]);
  return { build: contextOf(request, [...(await request.articles(docs)), ...sections]), props: { locale } };
};

const countPublished = (request: SanityRequest) => request.query<number>('counting the published articles in Sanity', LATEST_COUNT_QUERY);

/** Search of a locale: its bundles from the number of published articles (the shards), and the sections. */
const searchPage: SanityPage<{ locale: Locale; bundles: string[] }> = async (request, params) => {
  const locale = localeOf(params);
  if (!locale) return undefined;
  const [count, sections] = await Promise.all([countPublished(request), request.sections()]);
  return { build: contextOf(request, sections), props: { locale, bundles: searchBundles(locale, count, env.TONGBAO_SEARCH_SHARD_SIZE) } };
};

/**
 * A file of a search shard's Pagefind bundle. Shard k is a window by rank of the published order (shardWindow); its
 * version key is the hash of the revisions it is made of (SHARD_REVISIONS_QUERY, the site glossary's): a cheap query
 * per request, and the shard's articles with their bodies only when that version is not indexed yet
 * (search-index.ts keeps one version per shard).
 */
const searchBundlePage: SanityPage<SearchBundle> = async (request, params) => {
  const file = searchFile(params.file);
  if (!file) return undefined;
  const window = shardWindow(await countPublished(request), env.TONGBAO_SEARCH_SHARD_SIZE, file.shard);
  if (!window) return undefined;
  const [revisions, glossary] = await Promise.all([
    request.query<SHARD_REVISIONS_QUERY_RESULT>(`reading the revisions of search shard ${file.shard} from Sanity`, SHARD_REVISIONS_QUERY, window),
    request.query<string | null>('reading the site glossary revision from Sanity', SITE_GLOSSARY_REV_QUERY),
  ]);
  const version = createHash('sha256')
    .update(JSON.stringify([glossary, revisions]))
    .digest('hex');
  let files = versionedShardFiles(file.locale, file.shard, version);
  if (!files) {
    const docs = await request.query<SanityArticle[]>(`reading search shard ${file.shard} from Sanity`, LATEST_ARTICLES_QUERY, window);
    const articles = contextOf(request, await request.articles(docs)).published;
    // Another request may have begun indexing this version meanwhile: one index per version. Oldest first, as searchShards cuts them.
    files = versionedShardFiles(file.locale, file.shard, version) ?? indexVersionedShard(file.locale, file.shard, version, articles.toReversed());
  }
  return { build: contextOf(request, []), props: { ...file, files } };
};

/** A row of SITEMAP_ARTICLES_QUERY as the sitemaps read it; a row the static build would refuse cannot be listed. */
function sitemapArticle(row: SITEMAP_ARTICLES_QUERY_RESULT[number]): SitemapArticle {
  const instant = (value: string | null, field: string): Date => {
    const date = value === null ? undefined : new Date(value);
    if (!date || Number.isNaN(date.getTime())) throw new SourceUnavailableError(`article "${row.slug}": ${field} is not a date-time (${value})`);
    return date;
  };
  const { slug, category, authors, sourceLocale } = row;
  if (!slug || !category || !sourceLocale || authors?.includes(null))
    throw new SourceUnavailableError(`article "${slug}": its slug, category, authors or script are missing (the static build refuses it too)`);
  return {
    slug,
    publishedAt: instant(row.publishedAt, 'publishedAt'),
    ...(row.updatedAt ? { updatedAt: instant(row.updatedAt, 'updatedAt') } : {}),
    corrections: (row.corrections ?? []).map((date) => ({ date: instant(date, 'corrections[].date') })),
    category: { slug: category },
    authors: (authors ?? []).map((a) => ({ slug: a! })),
    tags: (row.tags ?? []).map((t) => t.trim()),
    sourceLocale,
    // Sanity's article has no canonical field: to-article.ts gives each the model's default, its own page.
    canonical: 'self',
  };
}

/** The pages sitemap: every published article, slim (no bodies; never converted): its listings' dates. */
const slimSitemapPage: SanityPage<{ articles: readonly SitemapArticle[] }> = async (request) => {
  const rows = await request.query<SITEMAP_ARTICLES_QUERY_RESULT>('reading the sitemap from Sanity', SITEMAP_ARTICLES_QUERY);
  return { build: contextOf(request, []), props: { articles: rows.map(sitemapArticle) } };
};

/** Article sitemap n (`part`: absent for the first): its window of the published order, slim; past the last, none. */
const articleSitemapPage: SanityPage<{ articles: readonly SitemapArticle[] }> = async (request, params) => {
  const n = params.part === undefined ? 1 : /^[1-9]\d*$/.test(params.part) && params.part !== '1' ? Number(params.part) : undefined;
  if (n === undefined) return undefined;
  const count = await countPublished(request);
  if (n > articleSitemapCount(count)) return undefined;
  const rows = await request.query<SITEMAP_ARTICLES_QUERY_RESULT>(
    `reading article sitemap ${n} from Sanity`,
    SITEMAP_ARTICLES_WINDOW_QUERY,
    articleSitemapWindow(count, n),
  );
  return { build: contextOf(request, []), props: { articles: rows.map(sitemapArticle) } };
};

/** The sitemap index: dated by the newest article, naming every article sitemap (from the count). */
const sitemapIndexPage: SanityPage<{ articles: readonly SitemapArticle[]; articleSitemaps: number }> = async (request) => {
  const [docs, count] = await Promise.all([
    request.query<SanityArticle[]>('reading the newest article from Sanity', LATEST_ARTICLES_QUERY, { from: 0, to: 1 }),
    countPublished(request),
  ]);
  const articles = await request.articles(docs);
  return { build: contextOf(request, articles), props: { articles, articleSitemaps: articleSitemapCount(count) } };
};

/** The news sitemap: the articles of its 48 hours, at most NEWS_LIMIT (each gives a URL per locale; the file holds NEWS_LIMIT). */
const newsSitemapPage: SanityPage<{ articles: readonly Article[] }> = async (request) => {
  const since = new Date(request.now.getTime() - NEWS_WINDOW_MS).toISOString();
  const docs = await request.query<SanityArticle[]>('reading the recent articles from Sanity', RECENT_ARTICLES_QUERY, { since, limit: NEWS_LIMIT });
  const build = contextOf(request, await request.articles(docs));
  return { build, props: { articles: build.published } };
};

/**
 * The routes Sanity serves per request, by the pages they describe (src/lib/routes.ts): every route on demand. Made at
 * the first request, not when this module is evaluated: the bundler may evaluate it before the routes' modules.
 */
let sanityPages: Map<RoutePaths<never>, SanityPage<unknown>> | undefined;

export function sanityPageOf<P>(paths: RoutePaths<P>): SanityPage<P> | undefined {
  sanityPages ??= new Map([
    [articleRoute.paths, articlePage],
    [articleSharePages, sharePage],
    [categoryPages, categoryPage],
    [authorPages, authorPage],
    [tagPages, tagPage],
    [homePages, homePage],
    [feedPages.locale, feedPage('locale')],
    [feedPages.category, feedPage('category')],
    [feedPages.author, feedPage('author')],
    [archivePages, archivePage],
    [rootPage, rootPageOf],
    [correctionsPages, correctionsPage],
    [searchPages, searchPage],
    [searchBundlePages, searchBundlePage],
    [sitemapPages.index, sitemapIndexPage],
    [sitemapPages.pages, slimSitemapPage],
    [sitemapPages.articles, articleSitemapPage],
    [sitemapPages.articleParts, articleSitemapPage],
    [sitemapPages.news, newsSitemapPage],
  ] as [RoutePaths<never>, SanityPage<unknown>][]);
  return sanityPages.get(paths as RoutePaths<never>) as SanityPage<P> | undefined;
}

let client: SanityClient | undefined;

/**
 * A request's reader over the real client: the request-time retry policy and timeout, and the answers of the
 * content version that covers `now` (src/server/query-cache.ts).
 */
export async function sanityRequest(options: SanityOptions, now: Date): Promise<SanityRequest> {
  client ??= createSanityClient({ ...options, timeoutMs: Math.min(options.timeoutMs, REQUEST_RETRY.timeoutMs) });
  const reader = client;
  const retry = {
    attempts: Math.min(options.attempts, REQUEST_RETRY.attempts),
    backoffMs: REQUEST_RETRY.backoffMs,
    maxDelayMs: REQUEST_RETRY.maxDelayMs,
    log: (line: string) => console.warn(`[tongbao] ${line}`),
  };
  const run: RunQuery = (what, query, params) => fetchQuery(reader, what, query, retry, params);
  const version = await publishedQueries.version(
    now,
    () => run('reading the next scheduled article from Sanity', NEXT_SCHEDULED_QUERY, { now: now.toISOString() }) as Promise<string | null>,
  );
  const images = { projectId: options.projectId, dataset: options.dataset, baseUrl: options.apiHost ?? 'https://cdn.sanity.io' };
  return new SanityRequest(run, now, images, version);
}

/**
 * A route's page on demand from Sanity (src/server/on-demand.ts): its context and props (props undefined: no such
 * page, the site's 404), and when the next scheduled article comes out. Throws SourceUnavailableError when Sanity
 * cannot be read.
 */
export async function fromSanity<P>(
  paths: RoutePaths<P>,
  params: RouteParams,
  options: SanityOptions,
  now: Date,
  path: string,
): Promise<{ build: BuildContext | undefined; props: P | undefined; changesIn: number | undefined }> {
  const page = sanityPageOf(paths);
  // Every route on demand has its queries (sanityPageOf): one without them is a mistake here, not a page to hide.
  if (!page) throw new Error(`[tongbao] ${path}: no per-request Sanity queries for this route (src/server/sanity-request.ts sanityPageOf)`);
  const request = await sanityRequest(options, now);
  const [found, changesIn] = await Promise.all([page(request, params), request.changesIn()]);
  return { build: found?.build, props: found?.props, changesIn };
}

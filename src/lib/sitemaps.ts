/**
 * Sitemaps for search engines: an index naming the parts; the pages and articles of every locale,
 * each with its `xhtml:link` alternates (every locale plus x-default); a Google News sitemap of the
 * articles published in the 48 hours before the build's clock; and robots.txt naming them.
 * Pure over its inputs: the published articles and `now` come in (and how many articles a sitemap holds, configured).
 */
import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import { env } from '../config/env.ts';
import { localeOrder, site } from '../config/site.ts';
import type { Article } from '../model/article.ts';
import { dateModified } from './dates.ts';
import type { Locale } from '../model/locale.ts';
import { buildIndexes, parseMonthKey, type IndexedArticle, type Indexes } from './indexes.ts';
import { localize } from './localize.ts';
import { inSitemap } from './sitemap-rule.ts';
import { absoluteUrl, paths } from './urls.ts';

/**
 * A sitemap holds at most 50,000 URLs (sitemaps.org); an article gives one per locale. Past that the articles are
 * split into numbered sitemaps over the published order, the oldest first, so that a new article changes only the
 * last one and the older ones keep their URLs and contents.
 */
export const SITEMAP_MAX_URLS = 50_000;
export const articlesPerSitemap = (): number =>
  Math.min(env.TONGBAO_SITEMAP_ARTICLES ?? Number.POSITIVE_INFINITY, Math.floor(SITEMAP_MAX_URLS / localeOrder.length));

/** Pure: how many article sitemaps `count` published articles fill (always one, even empty). */
export const articleSitemapCount = (count: number, per: number = articlesPerSitemap()): number => Math.max(1, Math.ceil(count / per));

/**
 * Pure: the articles of sitemap n (1-based) as indexes [from, to) of the published order (newest first): sitemap 1
 * holds the oldest `per`, the last one the newest (fewer when the count does not divide).
 */
export function articleSitemapWindow(count: number, n: number, per: number = articlesPerSitemap()): { from: number; to: number } {
  return { from: Math.max(0, count - n * per), to: Math.max(0, count - (n - 1) * per) };
}

/** Google News takes only these codes for Chinese. Hong Kong Traditional is filed as zh-tw (Traditional). */
export const NEWS_LANGUAGE: Record<Locale, string> = { 'zh-Hans': 'zh-cn', 'zh-Hant': 'zh-tw', 'zh-Hant-HK': 'zh-tw' };
/** Google News reads articles of the last two days; a News sitemap holds at most 1,000 URLs. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_LIMIT = 1000;

/**
 * What the index, pages and articles sitemaps read of an article: an Article will do, or (Sanity per request,
 * src/server/sanity-request.ts) a slim projection of every published article without its body.
 */
export type SitemapArticle = IndexedArticle &
  Pick<Article, 'slug' | 'publishedAt' | 'updatedAt' | 'canonical'> & { corrections: readonly { date: Date }[] };

/** Articles the sitemaps list (src/lib/sitemap-rule.ts: not the reprints whose canonical is their source). */
export const listable = <A extends Pick<Article, 'canonical'>>(articles: readonly A[]) => articles.filter(inSitemap);

const lastModified = (a: SitemapArticle) => dateModified(a).toISOString();

function alternates(pathIn: (locale: Locale) => string, xDefault: string) {
  return [
    ...localeOrder.map((l) => ({ lang: l, hreflang: l, url: absoluteUrl(pathIn(l)) })),
    { lang: 'x-default', hreflang: 'x-default', url: absoluteUrl(xDefault) },
  ];
}

async function urlset(items: SitemapItemLoose[], news = false): Promise<string> {
  // The library refuses to end an empty sitemap; an empty urlset is still a valid answer (no recent news).
  if (items.length === 0) {
    const ns = news ? ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' : '';
    return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${ns}></urlset>`;
  }
  const stream = new SitemapStream({ xmlns: { news, xhtml: true, image: false, video: false } });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
}

/** Home pages of each locale, the root page, the corrections pages and the listings (categories, authors, tags, archives). */
export function pagesSitemap(articles: readonly SitemapArticle[]): Promise<string> {
  const newest = articles[0] ? lastModified(articles[0]) : undefined;
  const homeLinks = alternates(paths.home, paths.root());
  return urlset([
    { url: absoluteUrl(paths.root()), lastmod: newest, links: homeLinks },
    ...localeOrder.map((l) => ({ url: absoluteUrl(paths.home(l)), lastmod: newest, links: homeLinks })),
    ...correctionsSitemapItems(articles),
    ...listingSitemapItems(buildIndexes(articles, site.timeZone)),
  ]);
}

/** The corrections page of every locale, dated by its newest correction. */
function correctionsSitemapItems(articles: readonly SitemapArticle[]): SitemapItemLoose[] {
  const dates = articles.flatMap((a) => a.corrections.map((c) => c.date.getTime()));
  const lastmod = dates.length ? new Date(Math.max(...dates)).toISOString() : undefined;
  const links = alternates(paths.corrections, paths.corrections(site.defaultLocale));
  return localeOrder.map((l) => ({ url: absoluteUrl(paths.corrections(l)), lastmod, links }));
}

/** The first page of every category, author, tag and date archive, in every locale (newest article as lastmod). */
export function listingSitemapItems(ix: Indexes<SitemapArticle>): SitemapItemLoose[] {
  const listings: { pathIn: (l: Locale) => string; list: readonly SitemapArticle[] }[] = [
    ...[...ix.byCategory].map(([slug, list]) => ({ pathIn: (l: Locale) => paths.category(l, slug), list })),
    ...[...ix.byAuthor].map(([slug, list]) => ({ pathIn: (l: Locale) => paths.author(l, slug), list })),
    ...[...ix.byTag].map(([key, list]) => ({ pathIn: (l: Locale) => paths.tag(l, key), list })),
    ...[...ix.byYear].map(([year, list]) => ({ pathIn: (l: Locale) => paths.archiveYear(l, year), list })),
    ...[...ix.byMonth].map(([key, list]) => {
      const { year, month } = parseMonthKey(key);
      return { pathIn: (l: Locale) => paths.archiveMonth(l, year, month), list };
    }),
  ];
  return listings.flatMap(({ pathIn, list }) => {
    const links = alternates(pathIn, pathIn(site.defaultLocale));
    const lastmod = list[0] ? lastModified(list[0]) : undefined;
    return localeOrder.map((l) => ({ url: absoluteUrl(pathIn(l)), lastmod, links }));
  });
}

/** Every listable article in every locale, each naming all its alternates and x-default. */
export function articleSitemapItems(articles: readonly SitemapArticle[]): SitemapItemLoose[] {
  return listable(articles).flatMap((a) => {
    const links = alternates((l) => paths.article(l, a.slug), paths.article(site.defaultLocale, a.slug));
    return localeOrder.map((l) => ({ url: absoluteUrl(paths.article(l, a.slug)), lastmod: lastModified(a), links }));
  });
}

export const articlesSitemap = (articles: readonly SitemapArticle[]) => urlset(articleSitemapItems(articles));

/** Articles published in the 48 hours up to `now` (none from the future), newest first. */
export function newsArticles(articles: readonly Article[], now: Date): Article[] {
  const from = now.getTime() - NEWS_WINDOW_MS;
  return listable(articles).filter((a) => a.publishedAt.getTime() > from && a.publishedAt.getTime() <= now.getTime());
}

export function newsSitemapItems(articles: readonly Article[], now: Date): SitemapItemLoose[] {
  return newsArticles(articles, now)
    .flatMap((a) =>
      localeOrder.map((l) => ({
        url: absoluteUrl(paths.article(l, a.slug)),
        news: {
          publication: { name: site.name[l], language: NEWS_LANGUAGE[l] },
          publication_date: a.publishedAt.toISOString(),
          title: localize(a, l).title,
          ...(a.origin === 'press-release' ? { genres: 'PressRelease' } : {}),
        },
      })),
    )
    .slice(0, NEWS_LIMIT);
}

/** The News sitemap; with no recent article it is an empty, valid urlset. */
export const newsSitemap = (articles: readonly Article[], now: Date) => urlset(newsSitemapItems(articles, now), true);

/** The index: the pages sitemap, each of the `articleSitemaps` article sitemaps and the news sitemap, dated by `articles[0]` (the newest). */
export async function sitemapIndex(articles: readonly SitemapArticle[], articleSitemaps = 1): Promise<string> {
  const newest = articles[0] ? lastModified(articles[0]) : undefined;
  const numbered = Array.from({ length: articleSitemaps }, (_, i) => paths.articleSitemap(i + 1));
  const parts = [paths.sitemap('pages'), ...numbered, paths.newsSitemap()];
  const stream = new SitemapIndexStream();
  const items = parts.map((p) => ({ url: absoluteUrl(p), ...(newest ? { lastmod: newest } : {}) }));
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
}

export function robotsTxt(): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(paths.sitemapIndex())}`, `Sitemap: ${absoluteUrl(paths.newsSitemap())}`, ''].join(
    '\n',
  );
}

/**
 * The one module that builds URLs: pages, feeds, canonical and alternate links all come from here.
 * Paths end with a slash (directory output); feed paths end with their file name.
 */
import { createHash } from 'node:crypto';
import { localeOrder, locales, site } from '../config/site.ts';
import type { Locale } from '../model/locale.ts';

const segment = (locale: Locale) => locales[locale].segment;

/**
 * A tag key as one URL path segment: letters (Han included) and digits kept, every run of anything
 * else (spaces, slashes, backslashes, punctuation, markup an editor pasted) turned into one hyphen;
 * when that changed the key, a short digest of the key keeps two tags from sharing a page.
 */
export function tagSegment(key: string): string {
  const plain = key
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (plain === key) return key;
  return `${plain || 'tag'}-${createHash('sha256').update(key).digest('hex').slice(0, 6)}`;
}

/** The URL segment of a date archive: `2026` for a year, `2026-11` for a month. */
export const periodSegment = (year: number, month?: number): string =>
  month === undefined ? `${year}` : `${year}-${String(month).padStart(2, '0')}`;

export const paths = {
  root: () => '/',
  home: (locale: Locale) => `/${segment(locale)}/`,
  article: (locale: Locale, slug: string) => `/${segment(locale)}/articles/${encodeURIComponent(slug)}/`,
  /** A draft's preview (server output only, behind the preview cookie: src/server/preview.ts). */
  preview: (locale: Locale, slug: string) => `/${segment(locale)}/preview/${encodeURIComponent(slug)}/`,
  /** Where a preview link (a signed token, or the Studio's secret) is exchanged for the preview cookie. */
  previewEnter: () => '/api/preview/',
  /** Clears the preview cookie and goes to the locale's home page. */
  previewExit: (locale: Locale) => `/api/preview/exit/?locale=${segment(locale)}`,
  category: (locale: Locale, slug: string) => `/${segment(locale)}/categories/${encodeURIComponent(slug)}/`,
  author: (locale: Locale, slug: string) => `/${segment(locale)}/authors/${encodeURIComponent(slug)}/`,
  feed: (locale: Locale) => `/${segment(locale)}/rss.xml`,
  /** A feed of one locale, or of one category or author in it, in one format. `feeds(…).rss === feed(locale)` for a locale. */
  feeds: (scope: FeedScope) => {
    const dir =
      scope.kind === 'locale'
        ? paths.home(scope.locale)
        : scope.kind === 'category'
          ? paths.category(scope.locale, scope.slug)
          : paths.author(scope.locale, scope.slug);
    return { rss: `${dir}rss.xml`, atom: `${dir}atom.xml`, json: `${dir}feed.json` } satisfies Record<FeedFormat, string>;
  },
  /** The 1200×630 PNG shown when an article is shared. */
  shareImage: (locale: Locale, slug: string) => `${paths.article(locale, slug)}share.png`,
  /** The share image of pages that are not articles. */
  siteShareImage: (locale: Locale) => `/${segment(locale)}/share.png`,
  /** The publisher's logo (JSON-LD). */
  logo: () => '/logo.png',
  robots: () => '/robots.txt',
  /** IndexNow's key file (src/pages/[indexNowKey].txt.ts): the key, at the root. */
  indexNowKey: (key: string) => `/${encodeURIComponent(key)}.txt`,
  sitemapIndex: () => '/sitemap-index.xml',
  sitemap: (part: 'pages' | 'articles') => `/sitemap-${part}.xml`,
  /** Article sitemap n (1: the oldest articles, src/lib/sitemaps.ts articleSitemapWindow); the first keeps the plain name. */
  articleSitemap: (n: number) => (n === 1 ? '/sitemap-articles.xml' : `/sitemap-articles-${n}.xml`),
  newsSitemap: () => '/sitemap-news.xml',
  /** A tag's page; `key` is the tag's zh-Hans form (src/lib/tags.ts), the same in every locale. */
  tag: (locale: Locale, key: string) => `/${segment(locale)}/tags/${encodeURIComponent(tagSegment(key))}/`,
  /** Articles of a year, and of a month (`2026-11`), in the site's time zone. */
  archiveYear: (locale: Locale, year: number) => `/${segment(locale)}/archive/${periodSegment(year)}/`,
  archiveMonth: (locale: Locale, year: number, month: number) => `/${segment(locale)}/archive/${periodSegment(year, month)}/`,
  /** Page `n` of a paginated listing whose first page is `first` (Astro's paginate(): `…/2/`). */
  page: (first: string, n: number) => (n <= 1 ? first : `${first}${n}/`),
  search: (locale: Locale) => `/${segment(locale)}/search/`,
  /** Every correction published in a locale, newest first. */
  corrections: (locale: Locale) => `/${segment(locale)}/corrections/`,
  notFound: (locale: Locale) => `/${segment(locale)}/404/`,
  /** The theme toggle's script (progressive: the site reads without it). */
  themeScript: () => '/theme.js',
  favicon: () => '/favicon.svg',
  /** The search page's script and Pagefind's bundles (written by src/integrations/search.ts). */
  searchScript: () => '/search.js',
  /** The folder of one search shard of a locale (Pagefind's bundle: pagefind.js, index, fragments). */
  pagefindBundle: (locale: Locale, shard: number) => `/pagefind/${segment(locale)}/${shard}/`,
  /** The character map a search page uses to look for a query typed in the other script. */
  searchQueryMap: (locale: Locale) => `/${segment(locale)}/search/query-map.json`,
} as const;

export type FeedFormat = 'rss' | 'atom' | 'json';
/** What a feed holds: every article of a locale, or those of one category or author. */
export type FeedScope = { kind: 'locale'; locale: Locale } | { kind: 'category' | 'author'; locale: Locale; slug: string };

/** Absolute URL on the published site (for canonical links, feeds and notices). */
export function absoluteUrl(path: string): string {
  return new URL(path, site.url).href;
}

/** Locale whose URL segment is `value` (`zh-hans` → `zh-Hans`). */
export function localeFromSegment(value: string | undefined): Locale | undefined {
  return (Object.keys(locales) as Locale[]).find((l) => locales[l].segment === value);
}

/** The route params of a page under `/[locale]/…`: the locale's URL segment, and the route's other params. */
export function localeParams<P extends Record<string, string>>(locale: Locale, more?: P): { locale: string } & P {
  return { locale: segment(locale), ...(more ?? ({} as P)) };
}

/** Route params of a page that exists once per published locale (`/[locale]/…`): its segment, and the locale as a prop. */
export function localeStaticPaths(): { params: { locale: string }; props: { locale: Locale } }[] {
  return localeOrder.map((locale) => ({ params: localeParams(locale), props: { locale } }));
}

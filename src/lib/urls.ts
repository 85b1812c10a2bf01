/**
 * The one module that builds URLs: pages, feeds, canonical and alternate links all come from here.
 * Paths end with a slash (directory output); feed paths end with their file name.
 */
import { locales, site } from '../config/site.ts';
import type { Locale } from '../model/locale.ts';

const segment = (locale: Locale) => locales[locale].segment;

export const paths = {
  root: () => '/',
  home: (locale: Locale) => `/${segment(locale)}/`,
  article: (locale: Locale, slug: string) => `/${segment(locale)}/articles/${encodeURIComponent(slug)}/`,
  category: (locale: Locale, slug: string) => `/${segment(locale)}/categories/${encodeURIComponent(slug)}/`,
  author: (locale: Locale, slug: string) => `/${segment(locale)}/authors/${encodeURIComponent(slug)}/`,
  feed: (locale: Locale) => `/${segment(locale)}/rss.xml`,
  /** A feed of one locale, or of one category or author in it, in one format. `feeds(…).rss === feed(locale)` for a locale. */
  feeds: (scope: FeedScope) => {
    const dir =
      scope.kind === 'locale' ? paths.home(scope.locale)
      : scope.kind === 'category' ? paths.category(scope.locale, scope.slug)
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
  sitemapIndex: () => '/sitemap-index.xml',
  sitemap: (part: 'pages' | 'articles') => `/sitemap-${part}.xml`,
  newsSitemap: () => '/sitemap-news.xml',
} as const;

export type FeedFormat = 'rss' | 'atom' | 'json';
/** What a feed holds: every article of a locale, or those of one category or author. */
export type FeedScope =
  | { kind: 'locale'; locale: Locale }
  | { kind: 'category' | 'author'; locale: Locale; slug: string };

/** Absolute URL on the published site (for canonical links, feeds and notices). */
export function absoluteUrl(path: string): string {
  return new URL(path, site.url).href;
}

/** Locale whose URL segment is `value` (`zh-hans` → `zh-Hans`). */
export function localeFromSegment(value: string | undefined): Locale | undefined {
  return (Object.keys(locales) as Locale[]).find((l) => locales[l].segment === value);
}

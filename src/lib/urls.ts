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
} as const;

/** Absolute URL on the published site (for canonical links, feeds and notices). */
export function absoluteUrl(path: string): string {
  return new URL(path, site.url).href;
}

/** Locale whose URL segment is `value` (`zh-hans` → `zh-Hans`). */
export function localeFromSegment(value: string | undefined): Locale | undefined {
  return (Object.keys(locales) as Locale[]).find((l) => locales[l].segment === value);
}

/**
 * Tags are free text written in the article's source script. A tag is keyed by its zh-Hans form, so
 * 「資產配置」 written in Traditional and 「资产配置」 written in Simplified are one tag with one URL
 * segment in every locale, and the script switcher keeps the reader on the same tag page.
 */
import { locales } from '../config/site.ts';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import { converter } from '../zh/convert.ts';
import { stripMarkup } from '../zh/overrides.ts';

/** The key (zh-Hans form, trimmed, without override markup) of a tag written in `from`. */
export function tagKey(tag: string, from: Locale): string {
  return converter(locales[from].opencc, locales['zh-Hans'].opencc)(stripMarkup(tag, from).trim());
}

/** The keys of an article's tags, without duplicates, in the order written. */
export function articleTagKeys(article: Pick<Article, 'tags' | 'sourceLocale'>): string[] {
  return [...new Set(article.tags.map((t) => tagKey(t, article.sourceLocale)))];
}

/** A tag as readers of `locale` write it. */
export function tagName(key: string, locale: Locale): string {
  return converter(locales['zh-Hans'].opencc, locales[locale].opencc)(key);
}

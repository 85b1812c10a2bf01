/** Dates as readers of each locale write them, in the site's time zone. */
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
    formats.set(key, format);
  }
  return format.format(date);
}

/** When the article last changed: the latest of publishedAt, updatedAt and its newest correction (JSON-LD dateModified, feeds, sitemaps). */
export function dateModified(a: Pick<Article, 'publishedAt' | 'updatedAt'> & { corrections: readonly { date: Date }[] }): Date {
  let latest = a.updatedAt ?? a.publishedAt;
  for (const c of a.corrections) if (c.date > latest) latest = c.date;
  return latest;
}

/** Dates as readers of each locale write them, in the site's time zone. */
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

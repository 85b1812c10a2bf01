/**
 * The proper names of an article (authors, source, source author) as glossary entries, and a name's form in a
 * locale. Pure and browser-safe: the build (src/zh/article-overrides.ts, src/lib/localize.ts) and the Studio's
 * conversion pane use them.
 */
import type { Article } from '../model/article.ts';
import type { Locale, LocaleInfo } from '../model/locale.ts';
import type { Author } from '../model/taxonomy.ts';
import { converter } from './converter.ts';
import type { GlossaryEntry } from './overrides.ts';

/** An author's or category's name in a locale: its own form there, else converted from its script. */
export function nameInLocale(entry: Pick<Author, 'name' | 'nameLocale' | 'names'>, locale: Locale, locales: Record<Locale, LocaleInfo>): string {
  // zh-Hant-HK without a form of its own takes the zh-Hant form as written (a person's or brand's chosen name).
  const fallback = locale === 'zh-Hant-HK' ? entry.names?.['zh-Hant'] : undefined;
  return entry.names?.[locale] ?? fallback ?? converter(locales[entry.nameLocale].opencc, locales[locale].opencc)(entry.name);
}

/** Proper names taken from the article's own fields. `nameIn` gives an author's form in a locale. */
export function protectedNames<A extends { name: string }>(
  article: { authors: readonly A[]; source?: Pick<NonNullable<Article['source']>, 'name' | 'author'> | undefined },
  nameIn: (author: A, locale: Locale) => string,
  locales: readonly Locale[],
): GlossaryEntry[] {
  const names: GlossaryEntry[] = article.authors.map((a) => ({
    term: a.name,
    forms: Object.fromEntries(locales.map((l) => [l, nameIn(a, l)])),
  }));
  if (article.source) {
    names.push({ term: article.source.name, forms: {} });
    if (article.source.author) names.push({ term: article.source.author, forms: {} });
  }
  // A name shorter than two characters would protect ordinary words.
  return names.filter((n) => [...n.term].length >= 2);
}

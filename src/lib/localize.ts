/**
 * An article as published in one locale: every reader-facing text in that locale's script, the
 * body rendered with its disclaimers. Bodies are rendered once per article (parsed once, then
 * rendered for every locale) and kept in the render cache (src/lib/render-cache.ts), keyed by the
 * content digest, so a rebuild re-renders only what changed and memory never holds every page.
 */
import { locales, localeOrder, site } from '../config/site.ts';
import type { Article, Origin } from '../model/article.ts';
import { dateModified } from './dates.ts';
import type { Locale } from '../model/locale.ts';
import type { Author } from '../model/taxonomy.ts';
import { bodyOptionsFor, localeConverter } from '../pipeline/locale-render.ts';
import { parseBody, renderTree } from '../pipeline/processor.ts';
import { converter, timed, type Convert } from '../zh/convert.ts';
import { nameInLocale } from '../zh/article-names.ts';
import { checkOverrides, overridesFor } from '../zh/article-overrides.ts';
import { typeset } from '../zh/typography.ts';
import { readRendered, writeRendered } from './render-cache.ts';
import { absoluteUrl, paths } from './urls.ts';

export interface LocalizedArticle {
  locale: Locale;
  slug: string;
  /** True when this is the script the editor wrote in. */
  isSource: boolean;
  title: string;
  summary: string;
  authors: { slug: string; name: string; url?: string | undefined }[];
  tags: string[];
  category: { slug: string; name: string };
  image?:
    | { src: string; alt: string; caption?: string | undefined; srcset?: string | undefined; width?: number | undefined; height?: number | undefined }
    | undefined;
  /** Sanitized body followed by the disclaimer block, the same in the page and in the feed. Read from the render cache. */
  readonly html: string;
  publishedAt: Date;
  updatedAt?: Date | undefined;
  /** The latest of publishedAt, updatedAt and the newest correction. */
  dateModified: Date;
  /** Corrections in this locale's script, newest first. */
  corrections: { date: Date; text: string }[];
  origin: Origin;
  source?: { name: string; url: string; author?: string | undefined } | undefined;
  path: string;
  canonicalUrl: string;
}

/** An author's or category's name in a locale: its own form there, else converted from its script. */
export function nameIn(entry: Pick<Author, 'name' | 'nameLocale' | 'names'>, locale: Locale): string {
  return nameInLocale(entry, locale, locales);
}

/** An author's bio in a locale: converted from the script of the name (it is written in that script), with the locale's typography. */
export function bioIn(author: Pick<Author, 'bio' | 'nameLocale'>, locale: Locale): string | undefined {
  if (!author.bio) return undefined;
  const convert = converter(locales[author.nameLocale].opencc, locales[locale].opencc);
  return typeset(convert(author.bio), site.typography.quotes[locale]);
}

/** An author as a locale shows it on the author page: name, bio and photo (its alt text converted like the bio). */
export function localizeAuthor(author: Author, locale: Locale) {
  const convert = converter(locales[author.nameLocale].opencc, locales[locale].opencc);
  return {
    slug: author.slug,
    name: nameIn(author, locale),
    bio: bioIn(author, locale),
    photo: author.photo && { ...author.photo, alt: typeset(convert(author.photo.alt), site.typography.quotes[locale]) },
  };
}

const checked = new WeakSet<Article>();

/** OpenCC for this article and locale, with its overrides (inline markup, glossaries, protected names: src/zh/overrides.ts). */
function converterFor(article: Article, locale: Locale): Convert {
  if (!checked.has(article)) {
    checkOverrides(article, `article "${article.slug}"`);
    checked.add(article);
  }
  const plain = converter(locales[article.sourceLocale].opencc, locales[locale].opencc);
  return localeConverter(plain, overridesFor(article, locale, nameIn, localeOrder), site.typography.quotes[locale]);
}

/** What the body of one locale depends on besides the tree: converter and disclaimers. */
function bodyOptions(article: Article, locale: Locale) {
  const options = bodyOptionsFor(
    converterFor(article, locale),
    {
      origin: article.origin,
      riskNotice: article.riskNotice,
      categoryRisk: article.category.riskNotice,
      authors: article.authors.map((a) => nameIn(a, locale)),
      source: article.source,
      canonicalUrl: absoluteUrl(paths.article(locale, article.slug)),
    },
    {
      reprint: site.disclaimers.reprint[locale],
      reprintSourceLabel: site.disclaimers.reprintSourceLabel[locale],
      original: site.disclaimers.original[locale],
      marketRisk: site.disclaimers.marketRisk[locale],
      heading: site.disclaimers.heading[locale],
    },
  );
  return { ...options, convert: timed(options.convert) };
}

/** The body HTML of an article in every published locale, from one parse. Pure. */
export function renderArticle(article: Article): Record<Locale, string> {
  const tree = parseBody(article.body);
  return Object.fromEntries(localeOrder.map((l) => [l, renderTree(tree, bodyOptions(article, l))])) as Record<Locale, string>;
}

/** The body HTML of one locale: from the render cache, or rendered now and cached. */
export function articleHtml(article: Article, locale: Locale): string {
  const cached = readRendered(article);
  if (cached?.[locale] !== undefined) return cached[locale];
  const rendered = renderArticle(article);
  writeRendered(article, rendered);
  return rendered[locale];
}

const metadata = new WeakMap<Article, Map<Locale, LocalizedArticle>>();

export function localize(article: Article, locale: Locale): LocalizedArticle {
  let byLocale = metadata.get(article);
  if (!byLocale) metadata.set(article, (byLocale = new Map()));
  const hit = byLocale.get(locale);
  if (hit) return hit;

  const convert = converterFor(article, locale);
  const path = paths.article(locale, article.slug);
  const localized: LocalizedArticle = {
    locale,
    slug: article.slug,
    isSource: locale === article.sourceLocale,
    title: convert(article.title),
    summary: convert(article.summary),
    authors: article.authors.map((a) => ({ slug: a.slug, name: nameIn(a, locale), url: a.url })),
    tags: article.tags.map(convert),
    category: { slug: article.category.slug, name: nameIn(article.category, locale) },
    image: article.image && {
      src: article.image.src,
      alt: convert(article.image.alt),
      caption: article.image.caption && convert(article.image.caption),
      srcset: article.image.srcset,
      width: article.image.width,
      height: article.image.height,
    },
    get html() {
      return articleHtml(article, locale);
    },
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    dateModified: dateModified(article),
    corrections: article.corrections.map((c) => ({ date: c.date, text: convert(c.text) })).sort((x, y) => y.date.getTime() - x.date.getTime()),
    origin: article.origin,
    source: article.source && {
      name: convert(article.source.name),
      url: article.source.url,
      author: article.source.author && convert(article.source.author),
    },
    path,
    canonicalUrl: absoluteUrl(path),
  };
  byLocale.set(locale, localized);
  return localized;
}

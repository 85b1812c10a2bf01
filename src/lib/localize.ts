/**
 * An article as published in one locale: every reader-facing text in that locale's script, the
 * body rendered with its disclaimers. Rendered once per article and locale (cached by content digest).
 */
import { createHash } from 'node:crypto';
import { locales, site } from '../config/site.ts';
import type { Article, Origin } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import type { Author } from '../model/taxonomy.ts';
import { disclaimersFor } from '../pipeline/disclaimers.ts';
import { PIPELINE_VERSION, renderBody } from '../pipeline/processor.ts';
import { converter } from '../zh/convert.ts';
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
  image?: { src: string; alt: string; caption?: string | undefined } | undefined;
  /** Sanitized body followed by the disclaimer block, the same in the page and in the feed. */
  html: string;
  publishedAt: Date;
  updatedAt?: Date | undefined;
  origin: Origin;
  source?: { name: string; url: string; author?: string | undefined } | undefined;
  path: string;
  canonicalUrl: string;
}

const cache = new Map<string, LocalizedArticle>();

/** An author's or category's name in a locale: its own form there, else converted from its script. */
export function nameIn(entry: Pick<Author, 'name' | 'nameLocale' | 'names'>, locale: Locale): string {
  return entry.names?.[locale] ?? converter(locales[entry.nameLocale].opencc, locales[locale].opencc)(entry.name);
}

function digest(article: Article, locale: Locale): string {
  return createHash('sha256')
    .update(JSON.stringify([PIPELINE_VERSION, locale, locales[locale].opencc, site.url, article]))
    .digest('hex');
}

export function localize(article: Article, locale: Locale): LocalizedArticle {
  const key = digest(article, locale);
  const hit = cache.get(key);
  if (hit) return hit;

  const convert = converter(locales[article.sourceLocale].opencc, locales[locale].opencc);
  const path = paths.article(locale, article.slug);
  const canonicalUrl = absoluteUrl(path);
  const authors = article.authors.map((a) => ({ slug: a.slug, name: nameIn(a, locale), url: a.url }));
  const source = article.source && {
    name: convert(article.source.name),
    url: article.source.url,
    author: article.source.author && convert(article.source.author),
  };
  const disclaimers = disclaimersFor(
    {
      origin: article.origin,
      riskNotice: article.riskNotice,
      categoryRisk: article.category.riskNotice,
      authors: authors.map((a) => a.name),
      source,
      canonicalUrl,
    },
    {
      reprint: site.disclaimers.reprint[locale],
      reprintSourceLabel: site.disclaimers.reprintSourceLabel[locale],
      original: site.disclaimers.original[locale],
      marketRisk: site.disclaimers.marketRisk[locale],
    },
  );

  const localized: LocalizedArticle = {
    locale,
    slug: article.slug,
    isSource: locale === article.sourceLocale,
    title: convert(article.title),
    summary: convert(article.summary),
    authors,
    tags: article.tags.map(convert),
    category: { slug: article.category.slug, name: nameIn(article.category, locale) },
    image: article.image && {
      src: article.image.src,
      alt: convert(article.image.alt),
      caption: article.image.caption && convert(article.image.caption),
    },
    html: renderBody(article.body, { convert, disclaimers, disclaimerLabel: site.disclaimers.heading[locale] }),
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    origin: article.origin,
    source,
    path,
    canonicalUrl,
  };
  cache.set(key, localized);
  return localized;
}

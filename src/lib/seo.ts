/**
 * What a page tells search engines and social networks: its canonical URL (our page, or for a
 * reprint marked `canonical: source` the original), and the NewsArticle JSON-LD of an article,
 * typed with schema-dts. Pure: everything comes from the Article and the site configuration.
 */
import type { NewsArticle, Organization, Person, WithContext } from 'schema-dts';
import { site } from '../config/site.ts';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import { localize } from './localize.ts';
import { imageFacts } from './media.ts';
import { LOGO_SIZE } from './share-image/logo-size.ts';
import { SHARE_IMAGE } from './share-image/size.ts';
import { absoluteUrl, paths } from './urls.ts';
import { articleShareImagePath } from './share-image/selection.ts';

/** The canonical URL of a page; an article marked `canonical: source` points at its source. */
export function canonicalUrl(path: string, article?: Pick<Article, 'canonical' | 'source'>): string {
  if (article?.canonical === 'source' && article.source) return article.source.url;
  return absoluteUrl(path);
}

export function publisher(locale: Locale): Organization {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name[locale],
    url: absoluteUrl(paths.home(locale)),
    logo: { '@type': 'ImageObject', url: absoluteUrl(paths.logo()), width: `${LOGO_SIZE.width}`, height: `${LOGO_SIZE.height}` },
  };
}

/** The NewsArticle of an article in one locale; `ownShareImage`: the build context's share-image choice. */
export function newsArticleLd(article: Article, locale: Locale, ownShareImage = true): WithContext<NewsArticle> {
  const a = localize(article, locale);
  const pageUrl = absoluteUrl(a.path);
  const authors: Person[] = article.authors.map((au, i) => ({
    '@type': 'Person',
    name: a.authors[i]?.name ?? au.name,
    url: absoluteUrl(paths.author(locale, au.slug)),
    ...(au.url ? { sameAs: au.url } : {}),
  }));
  const images = [absoluteUrl(articleShareImagePath(locale, a.slug, ownShareImage)), ...(a.image ? [imageFacts(a.image.src).url] : [])];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${pageUrl}#article`,
    url: pageUrl,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonicalUrl(a.path, article) },
    headline: a.title,
    description: a.summary,
    image: images,
    datePublished: a.publishedAt.toISOString(),
    dateModified: (a.updatedAt ?? a.publishedAt).toISOString(),
    author: authors,
    publisher: publisher(locale),
    inLanguage: locale,
    articleSection: a.category.name,
    ...(a.tags.length > 0 ? { keywords: a.tags.join(', ') } : {}),
    ...(a.source && (a.origin === 'reprint' || article.canonical === 'source')
      ? { isBasedOn: { '@type': 'NewsArticle', url: a.source.url, publisher: { '@type': 'Organization', name: a.source.name } } }
      : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so the text can never close the script. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export { SHARE_IMAGE };

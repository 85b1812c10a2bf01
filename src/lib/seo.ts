/**
 * What a page tells search engines and social networks: its canonical URL (our page, or for a
 * reprint marked `canonical: source` the original), and the NewsArticle JSON-LD of an article,
 * typed with schema-dts. Pure: everything comes from the Article and the site configuration.
 */
import type { CorrectionComment, ImageObject, NewsArticle, Organization, Person, WithContext } from 'schema-dts';
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

/**
 * An ImageObject with width and height as numbers (pixels), as Google's structured-data documentation
 * writes them; schema-dts types them as text or QuantitativeValue only, hence the one cast here.
 */
export function imageObject(url: string, width: number, height: number): ImageObject {
  return { '@type': 'ImageObject', url, width, height } as unknown as ImageObject;
}

export function publisher(locale: Locale): Organization {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name[locale],
    url: absoluteUrl(paths.home(locale)),
    logo: imageObject(absoluteUrl(paths.logo()), LOGO_SIZE.width, LOGO_SIZE.height),
  };
}

/**
 * The crops of a lead image offered to search engines: Google asks for 16:9, 4:3 and 1:1 images when
 * an article has one. Each is the largest box of its ratio inside the original, at most `LD_CROP_WIDTH`
 * wide (never upscaled), cut from the centre.
 */
export const LD_CROPS = [
  { ratio: '16:9', w: 16, h: 9 },
  { ratio: '4:3', w: 4, h: 3 },
  { ratio: '1:1', w: 1, h: 1 },
] as const;
export const LD_CROP_WIDTH = 1200;

/** One crop of the lead image: absolute URL and its size in pixels. */
export interface ImageCrop {
  url: string;
  width: number;
  height: number;
}

/** The size of a crop of ratio w:h from an original of width × height. */
export function cropSize(width: number, height: number, crop: { w: number; h: number }, max = LD_CROP_WIDTH): { width: number; height: number } {
  const w = Math.min(max, width, Math.floor((height * crop.w) / crop.h));
  return { width: w, height: Math.round((w * crop.h) / crop.w) };
}

/**
 * The NewsArticle of an article in one locale. `ownShareImage`: the build context's share-image choice.
 * `crops` are the lead image's 16:9, 4:3 and 1:1 crops (made by the image pipeline, or given by the
 * source); without them the original is offered as it is.
 */
export function newsArticleLd(article: Article, locale: Locale, ownShareImage = true, crops: readonly ImageCrop[] = []): WithContext<NewsArticle> {
  const a = localize(article, locale);
  const pageUrl = absoluteUrl(a.path);
  const authors: Person[] = article.authors.map((au, i) => ({
    '@type': 'Person',
    name: a.authors[i]?.name ?? au.name,
    url: absoluteUrl(paths.author(locale, au.slug)),
    ...(au.url ? { sameAs: au.url } : {}),
  }));
  const share = absoluteUrl(articleShareImagePath(locale, a.slug, ownShareImage));
  const images: (string | ImageObject)[] = crops.length
    ? [...crops.map((c) => imageObject(c.url, c.width, c.height)), share]
    : [share, ...(a.image ? [imageFacts(a.image.src).url] : [])];
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
    dateModified: a.dateModified.toISOString(),
    author: authors,
    publisher: publisher(locale),
    inLanguage: locale,
    articleSection: a.category.name,
    ...(a.tags.length > 0 ? { keywords: a.tags.join(', ') } : {}),
    // Each correction in the page's script, as the page shows it (newest first).
    ...(a.corrections.length > 0
      ? {
          correction: a.corrections.map((c): CorrectionComment => ({
            '@type': 'CorrectionComment',
            text: c.text,
            datePublished: c.date.toISOString(),
          })),
        }
      : {}),
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

/**
 * What an article page shows of other articles (related, previous/next), and the page's
 * incremental-build key. Astro reuses a page from the last build when its key is unchanged, so the
 * key covers the article itself AND every article whose title or path the page shows (related, more
 * from the author, previous/next): editing a related article's headline must rebuild this page.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import type { BuildContext } from './build-context.ts';
import { moreByAuthor, neighbours, related, type Indexes } from './indexes.ts';
import { leadImageKey } from './lead-image.ts';
import { cacheKey, pageEnvDigest } from './render-cache.ts';

export interface ArticleContext {
  related: Article[];
  /** The first author's other articles, newest first ("more from this author"). */
  byAuthor: Article[];
  newer?: Article | undefined;
  older?: Article | undefined;
}

export function articleContext(ix: Indexes, article: Article): ArticleContext {
  return { related: related(ix, article), byAuthor: moreByAuthor(ix, article), ...neighbours(ix, article) };
}

/** The incremental-build key of an article page in one locale. */
export function articlePageKey(article: Article, context: ArticleContext, locale: Locale, envDigest: string): string {
  const others = createHash('sha256')
    .update(
      JSON.stringify([
        context.related.map(cacheKey),
        context.byAuthor.map(cacheKey),
        context.newer ? cacheKey(context.newer) : null,
        context.older ? cacheKey(context.older) : null,
      ]),
    )
    .digest('hex')
    .slice(0, 16);
  return `${cacheKey(article)}:${locale}:${envDigest}:${others}`;
}

/**
 * The `cacheKey` Astro's incremental build compares for an article page: unchanged article, related
 * and neighbouring articles, configuration, rendering code and environment, the same share card
 * (own or the site's) and the same lead image file → the page is reused from the last build (Astro
 * adds the template's own code).
 */
export function articlePageCacheKey(build: Pick<BuildContext, 'shareImages'>, article: Article, context: ArticleContext, locale: Locale): string {
  const card = build.shareImages.has(article.slug) ? 'own' : 'site';
  return `${articlePageKey(article, context, locale, pageEnvDigest)}:${card}-card:img-${leadImageKey(article.image?.src)}`;
}

/**
 * What an article page shows of other articles (related, previous/next), and the page's
 * incremental-build key. Astro reuses a page from the last build when its key is unchanged, so the
 * key covers the article itself AND every article whose title or path the page shows: editing a
 * related article's headline must rebuild this page.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import { neighbours, related, type Indexes } from './indexes.ts';
import { cacheKey } from './render-cache.ts';

export interface ArticleContext {
  related: Article[];
  newer?: Article | undefined;
  older?: Article | undefined;
}

export function articleContext(ix: Indexes, article: Article): ArticleContext {
  return { related: related(ix, article), ...neighbours(ix, article) };
}

/** The incremental-build key of an article page in one locale. */
export function articlePageKey(article: Article, context: ArticleContext, locale: Locale, envDigest: string): string {
  const others = createHash('sha256')
    .update(
      JSON.stringify([
        context.related.map(cacheKey),
        context.newer ? cacheKey(context.newer) : null,
        context.older ? cacheKey(context.older) : null,
      ]),
    )
    .digest('hex')
    .slice(0, 16);
  return `${cacheKey(article)}:${locale}:${envDigest}:${others}`;
}

/**
 * A render worker: renders a batch of articles — bodies in every locale into the render cache, and
 * share images into the share-image cache — so pages and endpoints only read caches.
 */
import { localeOrder } from '../config/site.ts';
import type { Article } from '../model/article.ts';
import { conversionClock } from '../zh/convert.ts';
import { renderArticle } from './localize.ts';
import { writeRendered } from './render-cache.ts';
import { articleCard, shareCacheDir } from './share-image/cards.ts';
import { renderShareImage } from './share-image/render.ts';
import { writeReviewReport } from './zh-review.ts';

export interface BatchResult {
  articles: number;
  renderMs: number;
  convertMs: number;
  shareImageMs: number;
}

export interface Batch {
  articles: Article[];
  /** Slugs of the batch's articles that get a share image of their own. */
  shareImages: string[];
}

export default async function renderBatch({ articles: batch, shareImages }: Batch): Promise<BatchResult> {
  const convertBefore = conversionClock.ms;
  const start = performance.now();
  for (const article of batch) {
    writeRendered(article, renderArticle(article));
    writeReviewReport(article);
  }
  const bodiesDone = performance.now();
  for (const article of batch.filter((a) => shareImages.includes(a.slug))) {
    for (const locale of localeOrder) await renderShareImage(articleCard(article, locale), shareCacheDir());
  }
  return {
    articles: batch.length,
    renderMs: bodiesDone - start,
    convertMs: conversionClock.ms - convertBefore,
    shareImageMs: performance.now() - bodiesDone,
  };
}

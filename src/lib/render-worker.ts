/**
 * A render worker: renders a batch of articles — bodies in every locale into the render cache, and
 * share images into the share-image cache — so pages and endpoints only read caches.
 */
import { workerData } from 'piscina';
import { localeOrder } from '../config/site.ts';
import type { Article } from '../model/article.ts';
import { conversionClock } from '../zh/convert.ts';
import { renderArticle } from './localize.ts';
import { useConfigDigest, writeRendered, type RenderWorkerData } from './render-cache.ts';
import { articleCard } from './share-image/cards.ts';
import { renderShareImage } from './share-image/render.ts';
import { writeReviewReport } from './zh-review.ts';

// The parent walked the rendering code already (src/lib/render-cache.ts); the cache keys must match its own.
// (Loaded outside a pool, e.g. by a test, there is no parent: the digest is computed here when needed.)
const parent = (workerData as Partial<RenderWorkerData> | undefined)?.configDigest;
if (parent) useConfigDigest(parent);

export interface BatchResult {
  articles: number;
  renderMs: number;
  convertMs: number;
  shareImageMs: number;
}

export interface Batch {
  articles: Article[];
  /** Slugs of the batch's articles that get a share image of their own (the build context's choice). */
  shareImages: string[];
  /** The folder the share images are cached in (src/config/paths.ts). */
  shareImageCache: string;
}

export default async function renderBatch({ articles: batch, shareImages, shareImageCache }: Batch): Promise<BatchResult> {
  const convertBefore = conversionClock.ms;
  const start = performance.now();
  for (const article of batch) {
    writeRendered(article, renderArticle(article));
    writeReviewReport(article);
  }
  const bodiesDone = performance.now();
  for (const article of batch.filter((a) => shareImages.includes(a.slug))) {
    for (const locale of localeOrder) await renderShareImage(articleCard(article, locale), shareImageCache);
  }
  return {
    articles: batch.length,
    renderMs: bodiesDone - start,
    convertMs: conversionClock.ms - convertBefore,
    shareImageMs: performance.now() - bodiesDone,
  };
}

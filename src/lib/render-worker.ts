/** A render worker: renders a batch of articles in every locale into the render cache. */
import type { Article } from '../model/article.ts';
import { conversionClock } from '../zh/convert.ts';
import { renderArticle } from './localize.ts';
import { writeRendered } from './render-cache.ts';

export interface BatchResult {
  articles: number;
  renderMs: number;
  convertMs: number;
}

export default function renderBatch(batch: Article[]): BatchResult {
  const convertBefore = conversionClock.ms;
  const start = performance.now();
  for (const article of batch) writeRendered(article, renderArticle(article));
  return { articles: batch.length, renderMs: performance.now() - start, convertMs: conversionClock.ms - convertBefore };
}

/**
 * Renders every article body that the render cache lacks before pages are written, on all cores:
 * worker threads when there is enough work, inline otherwise. Then prunes cache entries no article
 * uses any more. Pages afterwards only read the cache.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { Article } from '../model/article.ts';
import { conversionClock } from '../zh/convert.ts';
import { renderArticle } from './localize.ts';
import { cacheKey, cachedKeys, projectRoot, pruneCache, writeRendered } from './render-cache.ts';
import type { BatchResult } from './render-worker.ts';
import { buildStats } from './stats.ts';

/** Below this many articles to render, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 64;
const BATCH = 25;

export async function prerender(articles: readonly Article[], log: (message: string) => void = console.log): Promise<void> {
  const started = performance.now();
  const present = cachedKeys();
  const missing = articles.filter((a) => !present.has(cacheKey(a)));
  let convertMs = 0;
  if (missing.length >= WORKER_THRESHOLD) {
    const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(missing.length / BATCH)));
    log(`[tongbao] rendering ${missing.length} of ${articles.length} article(s) in ${threads} worker thread(s)…`);
    const pool = new Piscina({
      filename: join(projectRoot, 'src', 'lib', 'render-worker.ts'),
      minThreads: threads,
      maxThreads: threads,
    });
    let done = 0;
    let nextReport = 1000;
    try {
      const batches: Promise<void>[] = [];
      for (let i = 0; i < missing.length; i += BATCH) {
        const batch = missing.slice(i, i + BATCH);
        batches.push(
          (pool.run(batch) as Promise<BatchResult>).then((r) => {
            convertMs += r.convertMs;
            done += r.articles;
            if (done >= nextReport) {
              log(`[tongbao]   rendered ${done}/${missing.length}`);
              nextReport += 1000;
            }
          }),
        );
      }
      await Promise.all(batches);
    } finally {
      await pool.destroy();
    }
  } else if (missing.length > 0) {
    const before = conversionClock.ms;
    for (const article of missing) writeRendered(article, renderArticle(article));
    convertMs += conversionClock.ms - before;
  }
  const pruned = pruneCache(new Set(articles.map(cacheKey)));
  const ms = performance.now() - started;
  buildStats.add({ renderMs: ms, convertMs, rendered: missing.length, reused: articles.length - missing.length, pruned });
  log(
    `[tongbao] bodies: ${missing.length} rendered, ${articles.length - missing.length} from the render cache` +
      (pruned ? `, ${pruned} stale cache entries removed` : '') +
      ` (${(ms / 1000).toFixed(1)} s)`,
  );
}

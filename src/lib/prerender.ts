/**
 * Renders every article body (and its share images) that the caches lack, on all cores: worker threads when there
 * is enough work (in the order pages are written, so pages rarely wait), inline otherwise. Pages
 * await `bodyReady(article)` and then read the cache; rendering and page writing overlap.
 * When all is rendered, cache entries no article uses any more are pruned.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Article } from '../model/article.ts';
import { conversionClock } from '../zh/convert.ts';
import type { BuildContext } from './build-context.ts';
import { renderArticle } from './localize.ts';
import { cacheKey, cachedKeys, configDigest, pruneCache, writeRendered, type RenderWorkerData } from './render-cache.ts';
import type { Batch, BatchResult } from './render-worker.ts';
import { writeStats } from './stats.ts';
import { writeReviewReport, writeReviewReports } from './zh-review.ts';

/** Below this many articles to render, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 64;
const BATCH = 20;

export interface Prerender {
  /** Resolves when this article's bodies are in the cache. */
  ready(article: Article): Promise<void>;
  /** Resolves when every body is rendered and the cache pruned. */
  done: Promise<void>;
}

export function prerender(context: BuildContext, log: (message: string) => void = console.log): Prerender {
  const { published: articles, shareImages: ownShareImages, stats, paths } = context;
  const started = performance.now();
  const present = cachedKeys();
  const missing = articles.filter((a) => !present.has(cacheKey(a)));
  const pending = new Map<string, Promise<void>>();
  const finish = (convertMs: number, shareImageMs = 0) => {
    const pruned = pruneCache(new Set(articles.map(cacheKey)));
    const ms = performance.now() - started;
    stats.add({ renderMs: ms, convertMs, shareImageMs, rendered: missing.length, reused: articles.length - missing.length, pruned });
    // The integrations run in another module graph: the figures reach them through the stats file.
    writeStats(paths.statsFile, stats.snapshot());
    log(
      `[tongbao] bodies: ${missing.length} rendered, ${articles.length - missing.length} from the render cache` +
        (pruned ? `, ${pruned} stale cache entries removed` : '') +
        ` (${(ms / 1000).toFixed(1)} s)`,
    );
    // The conversion review of every article rendered now (the others' reports are current).
    log(writeReviewReports(articles, missing));
  };

  if (missing.length < WORKER_THRESHOLD) {
    const before = conversionClock.ms;
    for (const article of missing) {
      writeRendered(article, renderArticle(article));
      writeReviewReport(article);
    }
    finish(conversionClock.ms - before);
    return { ready: () => Promise.resolve(), done: Promise.resolve() };
  }

  const threads = Math.max(1, availableParallelism());
  log(`[tongbao] rendering ${missing.length} of ${articles.length} article(s) in ${threads} worker thread(s)…`);
  const pool = new Piscina({
    filename: paths.renderWorker,
    workerData: { configDigest: configDigest() } satisfies RenderWorkerData,
    minThreads: threads,
    maxThreads: threads,
  });
  let convertMs = 0;
  let shareImageMs = 0;
  let done = 0;
  let nextReport = 1000;
  const batches: Promise<void>[] = [];
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH);
    const task: Batch = {
      articles: batch,
      shareImages: batch.filter((a) => ownShareImages.has(a.slug)).map((a) => a.slug),
      shareImageCache: paths.cache,
    };
    const rendered = (pool.run(task) as Promise<BatchResult>).then((r) => {
      convertMs += r.convertMs;
      shareImageMs += r.shareImageMs;
      done += r.articles;
      if (done >= nextReport) {
        log(`[tongbao]   rendered ${done}/${missing.length}`);
        nextReport += 1000;
      }
    });
    for (const article of batch) pending.set(cacheKey(article), rendered);
    batches.push(rendered);
  }
  const all = Promise.all(batches)
    .then(() => finish(convertMs, shareImageMs))
    .finally(() => pool.destroy());
  // A failure surfaces through the pages that await it; keep Node from also reporting it as unhandled.
  all.catch(() => undefined);
  return { ready: (article) => pending.get(cacheKey(article)) ?? Promise.resolve(), done: all };
}

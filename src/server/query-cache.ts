/**
 * Sanity's answers per content version, shared by the server's requests (Sanity as the source, the published
 * perspective; the preview reads drafts with its own client and never comes here). Every page asks the same few
 * site-wide queries (the site glossary, the sections, the next scheduled article, the share-image rank), and pages
 * of one category, tag or author ask the same windows: within a content version their answers cannot change, so
 * each runs once, and each document is converted (to-article.ts) once — what Sanity's API CDN does for its
 * clients, kept here because the site's clock decides scheduling.
 *
 * A content version ends, and every answer and converted article with it:
 * - when a publish reaches the server (the webhook, src/server/revalidate.ts: `forgetQueries()` runs before the
 *   page caches are purged, so a page rendered after the purge reads the new version);
 * - when the next scheduled article comes out: the published set differs at its publishedAt, so no answer given
 *   before it is used at or after it (each version starts with that query);
 * - after QUERY_CACHE.maxAgeMs at the latest, for a change whose webhook never came.
 *
 * Bounded: at most QUERY_CACHE.maxDocuments documents in the kept answers (a window of 51 counts 51) and as many
 * converted articles, least recently used dropped first. A failed query is not kept.
 */
import { LRUCache } from 'lru-cache';
import type { Article } from '../model/article.ts';

export const QUERY_CACHE = { maxAgeMs: 60_000, maxDocuments: 20_000 } as const;

interface Answer {
  value: Promise<unknown>;
}

/** The answers and converted articles of one content version. */
export class ContentVersion {
  private readonly answers: LRUCache<string, Answer>;
  /** Converted articles by document id (a document cannot change within a version). */
  readonly articles: LRUCache<string, Article>;

  constructor(
    /** When it started (ms): a request before it does not use it. */
    readonly started: number,
    /** When it ends (ms): the next scheduled article's publishedAt, or started + maxAgeMs. */
    readonly until: number,
    maxDocuments: number,
  ) {
    this.answers = new LRUCache<string, Answer>({ maxSize: maxDocuments, sizeCalculation: () => 1 });
    // maxSize, not max: lru-cache allocates `max` slots up front.
    this.articles = new LRUCache<string, Article>({ maxSize: maxDocuments, sizeCalculation: () => 1 });
  }

  /** The answer of a query (its text and params, without the clock), run once in this version. */
  answer<T>(key: string, run: () => Promise<T>): Promise<T> {
    const kept = this.answers.get(key);
    if (kept) return kept.value as Promise<T>;
    const entry: Answer = { value: run() };
    this.answers.set(key, entry);
    entry.value.then(
      (result) => {
        // Weighed by the documents it holds, once known (a window's length; one for a document or a number). A new
        // entry object: lru-cache keeps the old size when the same value is set again.
        if (this.answers.peek(key) === entry)
          this.answers.set(key, { value: entry.value }, { size: Array.isArray(result) ? Math.max(1, result.length) : 1 });
      },
      () => {
        if (this.answers.peek(key) === entry) this.answers.delete(key);
      },
    );
    return entry.value as Promise<T>;
  }

  covers(time: number): boolean {
    return time >= this.started && time < this.until;
  }
}

/** The current content version, made when a request finds none that covers its time. */
export class QueryCache {
  private current: ContentVersion | undefined;
  private making: Promise<ContentVersion> | undefined;
  /** Bumped by forget(): a version being made when the content changed is not kept. */
  private epoch = 0;

  constructor(private readonly limits: { maxAgeMs: number; maxDocuments: number } = QUERY_CACHE) {}

  /**
   * The version for a request at `now`; `nextScheduled` asks Sanity when the next scheduled article comes out
   * after `now` (ISO 8601, or null). Throws what it throws (nothing is kept then).
   */
  async version(now: Date, nextScheduled: () => Promise<string | null>): Promise<ContentVersion> {
    const time = now.getTime();
    if (this.current?.covers(time)) return this.current;
    const making = this.making;
    if (making) {
      const made = await making.catch(() => undefined);
      if (made?.covers(time)) return made;
    }
    const epoch = this.epoch;
    const started = (async () => {
      const next = await nextScheduled();
      const at = next ? Date.parse(next) : Number.POSITIVE_INFINITY;
      return new ContentVersion(time, Math.min(time + this.limits.maxAgeMs, at), this.limits.maxDocuments);
    })();
    this.making = started;
    try {
      const made = await started;
      if (epoch === this.epoch) this.current = made;
      return made;
    } finally {
      if (this.making === started) this.making = undefined;
    }
  }

  /** The content changed (a publish): every answer and converted article is dropped. */
  forget(): void {
    this.epoch++;
    this.current = undefined;
    this.making = undefined;
  }
}

/** The server's one cache of Sanity's answers (published perspective). */
export const publishedQueries = new QueryCache();

/** A publish reached the server: later requests read Sanity again. */
export const forgetQueries = (): void => publishedQueries.forget();

/**
 * The articles of the content folder as a running server sees them: read once at the first request and
 * again after a file under TONGBAO_CONTENT_DIR changes (fs.watch). The static build reads the same files
 * through the content collection (src/sources/local/loader.ts); both go through readLocalContent, so a
 * page rendered on demand sees the same Article objects the build saw.
 *
 * This module is the server's source seam: `liveEntries()` is all that the pages rendered on demand ask
 * of it (src/server/on-demand.ts), and `onContentChange` tells the cache what changed. A Sanity source
 * replaces both (per-request queries; the webhook instead of the watcher).
 *
 * Each version of the content is identified by a digest of its articles, so src/lib/collection.ts makes
 * one build context per version (and per publishing moment), not one per request.
 */
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { env } from '../config/env.ts';
import { projectDirs } from '../config/paths.ts';
import type { Article } from '../model/article.ts';
import { readLocalContent } from '../sources/local/files.ts';

export interface LiveEntry {
  id: string;
  data: Article;
  digest: string;
}

let current: Promise<LiveEntry[]> | undefined;
/** The last content read without error: what a change is compared with. */
let known: LiveEntry[] | undefined;
let watcher: FSWatcher | undefined;
let settle: NodeJS.Timeout | undefined;
const listeners = new Set<(change: ContentChange) => void>();

async function read(): Promise<LiveEntry[]> {
  const { articles } = await readLocalContent(projectDirs.root, env.TONGBAO_CONTENT_DIR);
  return articles.map(({ article }) => ({
    id: article.slug,
    data: article,
    digest: createHash('sha256').update(JSON.stringify(article)).digest('hex').slice(0, 32),
  }));
}

export interface ContentChange {
  /** The ids (slugs) added, removed or edited. */
  slugs: string[];
  /**
   * Whether what is published, or when, changed (an article added, removed, made a draft or published,
   * or moved in time): then the neighbours and related lists of other articles' pages change too.
   */
  published: boolean;
}

/** Pure: what changed between two versions of the content. */
export function contentChange(before: readonly LiveEntry[], after: readonly LiveEntry[]): ContentChange {
  const old = new Map(before.map((e) => [e.id, e]));
  const ids = new Set(after.map((e) => e.id));
  const edited = after.filter((e) => old.get(e.id)?.digest !== e.digest);
  const removed = before.filter((e) => !ids.has(e.id));
  const moved = (e: LiveEntry) => {
    const was = old.get(e.id)?.data;
    return !was || was.draft !== e.data.draft || was.publishedAt.getTime() !== e.data.publishedAt.getTime();
  };
  return { slugs: [...edited, ...removed].map((e) => e.id).sort(), published: removed.length > 0 || edited.some(moved) };
}

/** After a burst of file events settles: read again and tell the listeners which articles changed. */
function compare(): void {
  const before = known;
  if (!before || !listeners.size) return;
  liveEntries().then(
    (after) => {
      const change = contentChange(before, after);
      if (change.slugs.length) for (const listener of listeners) listener(change);
    },
    // A file half written, or bad front matter: nothing is purged; the next change (the fix) compares again.
    () => undefined,
  );
}

function startWatching(): void {
  if (watcher) return;
  watcher = watch(projectDirs.content, { recursive: true, persistent: false }, () => {
    // The next request reads the folder again; a failed read (a file half written) is retried then.
    current = undefined;
    clearTimeout(settle);
    settle = setTimeout(compare, 100);
  });
}

/** Every article of the content folder (drafts and scheduled ones included), as of the last change. */
export function liveEntries(): Promise<LiveEntry[]> {
  startWatching();
  const reading = (current ??= read());
  reading.then(
    (entries) => {
      if (current === reading) known = entries;
    },
    // A read that fails (bad front matter) is not kept: the next request reads again.
    () => {
      if (current === reading) current = undefined;
    },
  );
  return reading;
}

/**
 * Calls `listener` with what a change of the content folder added, edited or removed (compared with the
 * last content read), once the folder has been quiet for 100 ms.
 */
export function onContentChange(listener: (change: ContentChange) => void): void {
  startWatching();
  listeners.add(listener);
}

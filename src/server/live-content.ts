/**
 * The articles of the content folder as a running server sees them: read once at the first request and
 * again after a file under TONGBAO_CONTENT_DIR changes (fs.watch). The static build reads the same files
 * through the content collection (src/sources/local/loader.ts); both go through readLocalContent, so a
 * page rendered on demand sees the same Article objects the build saw.
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
let watcher: FSWatcher | undefined;

async function read(): Promise<LiveEntry[]> {
  const { articles } = await readLocalContent(projectDirs.root, env.TONGBAO_CONTENT_DIR);
  return articles.map(({ article }) => ({
    id: article.slug,
    data: article,
    digest: createHash('sha256').update(JSON.stringify(article)).digest('hex').slice(0, 32),
  }));
}

function startWatching(): void {
  if (watcher) return;
  watcher = watch(projectDirs.content, { recursive: true, persistent: false }, () => {
    // The next request reads the folder again; a failed read (a file half written) is retried then.
    current = undefined;
  });
}

/** Every article of the content folder (drafts and scheduled ones included), as of the last change. */
export function liveEntries(): Promise<LiveEntry[]> {
  startWatching();
  const reading = (current ??= read());
  // A read that fails (bad front matter) is not kept: the next request reads again.
  reading.catch(() => {
    if (current === reading) current = undefined;
  });
  return reading;
}

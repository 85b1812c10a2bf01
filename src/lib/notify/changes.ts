/**
 * What changed between two builds, from the digests of their output files (pure: src/lib/notify/digests.ts
 * reads the folders). A page is an `.html` file that search engines may index (no `noindex`); a feed is
 * an `rss.xml`, `atom.xml` or `feed.json`. URLs are absolute, made by src/lib/urls.ts.
 */
import { absoluteUrl } from '../urls.ts';

export interface OutputFile {
  /** Path relative to the output folder, with `/` separators, as written (not percent-encoded). */
  file: string;
  kind: 'page' | 'feed';
  digest: string;
}

export interface Changes {
  /** Pages that are new or whose bytes changed. */
  pages: string[];
  /** Pages the previous build had and this one has not (or now marks noindex). */
  removed: string[];
  /** Feeds that are new or changed. */
  feeds: string[];
}

const FEED_FILES = new Set(['rss.xml', 'atom.xml', 'feed.json']);

/** What an output file is to the notifiers, or undefined when it is neither an indexable page nor a feed. */
export function kindOf(file: string, noindex: boolean): OutputFile['kind'] | undefined {
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (FEED_FILES.has(name)) return 'feed';
  if (name.endsWith('.html') && !noindex) return 'page';
  return undefined;
}

/** The URL an output file is served at: `zh-hans/articles/某/index.html` → `https://…/zh-hans/articles/%E6%9F%90/`. */
export function urlOfFile(file: string): string {
  const parts = file.split('/');
  if (parts.at(-1) === 'index.html') parts[parts.length - 1] = '';
  return absoluteUrl(`/${parts.map((p) => encodeURIComponent(p)).join('/')}`);
}

/**
 * The changes from `previous` (undefined for a first build: everything is new) to `next`.
 * Sorted, so what is sent does not depend on the order the folders were read in.
 */
export function changesBetween(previous: readonly OutputFile[] | undefined, next: readonly OutputFile[]): Changes {
  const before = new Map((previous ?? []).map((f) => [f.file, f]));
  const now = new Map(next.map((f) => [f.file, f]));
  const changes: Changes = { pages: [], removed: [], feeds: [] };
  for (const f of next) {
    const old = before.get(f.file);
    if (old && old.kind === f.kind && old.digest === f.digest) continue;
    (f.kind === 'page' ? changes.pages : changes.feeds).push(urlOfFile(f.file));
  }
  for (const f of previous ?? []) {
    if (f.kind === 'page' && now.get(f.file)?.kind !== 'page') changes.removed.push(urlOfFile(f.file));
  }
  for (const list of Object.values(changes)) list.sort();
  return changes;
}

export function isEmpty(changes: Changes): boolean {
  return changes.pages.length + changes.removed.length + changes.feeds.length === 0;
}

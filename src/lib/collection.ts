/**
 * The build context (src/lib/build-context.ts) of the content Astro loaded, and the rendering of its
 * bodies. One memo, keyed by the collection's content (every entry's id and digest) and the clock:
 * the same content gives the same context, changed content a new one. Pages and endpoints call
 * `buildContext()` and pass the context on.
 *
 * A static build reads the collection once: Astro syncs the content store before it writes any page,
 * and a page that read it again would cost a pass over every article. In `astro dev` (and a server
 * that renders many requests) the collection is read on every call and the memo finds the context
 * of what it holds.
 */
import { createHash } from 'node:crypto';
import { getCollection } from 'astro:content';
import { env } from '../config/env.ts';
import type { Article } from '../model/article.ts';
import { sanitizeReport } from '../pipeline/sanitize-report.ts';
import { createBuildContext, type BuildContext } from './build-context.ts';
import { contextInput } from './slice-context.ts';
import { prerender, type Prerender } from './prerender.ts';
import type { RoutePath, RoutePaths } from './route-paths.ts';

/**
 * The clock of a static build, so every page agrees on what is published. TONGBAO_NOW sets it (tests of
 * scheduled publishing); otherwise it is the moment this module was first evaluated, as the build starts.
 */
const buildStarted: Date = env.TONGBAO_NOW ?? new Date();

/** The collection's entries, or the live source's (src/server/live-content.ts): an id, the Article, a digest. */
type Entries = readonly { id: string; data: unknown; digest?: string | number | undefined; filePath?: string | undefined }[];

/** Raw HTML that the sanitizer will remove is published without it, and the editor is told where. */
function warnAboutUnsafeHtml(entries: readonly { id: string; filePath?: string | undefined; data: unknown }[]): void {
  let count = 0;
  for (const entry of entries) {
    const body = (entry.data as Article).body;
    // Only bodies with markup can hold unsafe HTML; parsing every body again would cost a second per thousand.
    if (typeof body !== 'string' || !/<[a-zA-Z!/?]/.test(body)) continue;
    for (const removed of sanitizeReport(body)) {
      count++;
      console.warn(
        `[tongbao] warning: ${entry.filePath ?? `article "${entry.id}"`}: body line ${removed.line}: ${removed.what} removed ` +
          '(unsafe HTML is sanitized; remove it from the source to silence this)',
      );
    }
  }
  if (count) console.warn(`[tongbao] ${count} warning(s) about unsafe HTML; the site is built with it removed`);
}

/** What identifies a collection's content: every entry's id and digest (set by both loaders). */
export function contentDigest(entries: readonly { id: string; data: unknown }[]): string {
  const hash = createHash('sha256');
  for (const e of entries) {
    const digest = (e as { digest?: unknown }).digest;
    hash.update(`${e.id}\0${typeof digest === 'string' ? digest : JSON.stringify(e.data)}\n`);
  }
  return hash.digest('hex');
}

interface Built {
  context: BuildContext;
  rendering: Prerender;
}

/** Contexts by content digest and clock; the newest few are kept (a server holds the current one). */
const memo = new Map<string, Built>();
const MEMO_SIZE = 2;
const renderings = new WeakMap<BuildContext, Prerender>();

function contextOf(entries: Entries, now: Date): Built {
  const key = `${contentDigest(entries)}@${now.toISOString()}`;
  let built = memo.get(key);
  if (!built) {
    const context = createBuildContext(
      contextInput(
        entries.map((e) => e.data as Article),
        now,
      ),
    );
    warnAboutUnsafeHtml(entries);
    // Start rendering every body (and share image) the caches lack, on all cores, while pages are written.
    built = { context, rendering: prerender(context) };
    renderings.set(context, built.rendering);
    memo.set(key, built);
    for (const old of [...memo.keys()].slice(0, -MEMO_SIZE)) memo.delete(old);
  }
  return built;
}

let staticBuild: Promise<Built> | undefined;

function built(now: Date | undefined): Promise<Built> {
  if (import.meta.env.DEV || now) return getCollection('articles').then((entries) => contextOf(entries, now ?? buildStarted));
  return (staticBuild ??= getCollection('articles').then((entries) => contextOf(entries, buildStarted)));
}

/** The context of the content being rendered. `now`: another clock than the build's (a server's request time). */
export async function buildContext(options: { now?: Date } = {}): Promise<BuildContext> {
  return (await built(options.now)).context;
}

/**
 * The context a request rendered on demand (server output) sees: the live source's content at `now`.
 * The memo is keyed by the content and by how many articles are published at `now` (not the instant),
 * so requests share one context until the content changes or the next scheduled article comes out.
 */
export async function requestContext(entries: Entries, now: Date): Promise<BuildContext> {
  const published = entries.filter((e) => {
    const a = e.data as Article;
    return !a.draft && a.publishedAt.getTime() <= now.getTime();
  }).length;
  const key = `${contentDigest(entries)}@${published}`;
  let clock = requestClocks.get(key);
  if (!clock) {
    clock = now;
    requestClocks.set(key, clock);
    for (const old of [...requestClocks.keys()].slice(0, -MEMO_SIZE)) requestClocks.delete(old);
  }
  return contextOf(entries, clock).context;
}
const requestClocks = new Map<string, Date>();

/** Resolves when the article's bodies are in the render cache (call before reading `.html`). */
export async function bodyReady(context: BuildContext, article: Article): Promise<void> {
  await renderings.get(context)?.ready(article);
}

/** `getStaticPaths` of a route (src/lib/routes.ts): its pages in the static build's context. */
export function staticPaths<P>(paths: RoutePaths<P>): () => Promise<RoutePath<P>[]> {
  return async () => [...paths(await buildContext())];
}

/** Resolves when every body of this context is rendered (feeds carry full bodies). */
export async function contextBodiesReady(context: BuildContext): Promise<void> {
  await renderings.get(context)?.done;
}

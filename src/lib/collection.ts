/**
 * The published articles of this build, read once from the content collection. Astro may evaluate
 * this module once per route bundle, so the clock and the list live on globalThis: one per process.
 */
import { getCollection } from 'astro:content';
import { env } from '../config/env.ts';
import { site } from '../config/site.ts';
import { isPreview } from '../config/source.ts';
import type { Article } from '../model/article.ts';
import { chooseShareImages } from './share-image/selection.ts';
import { sanitizeReport } from '../pipeline/sanitize-report.ts';
import { selectPublished } from './articles.ts';
import { prerender, type Prerender } from './prerender.ts';

interface BuildState {
  /**
   * One clock for the whole build, so every page agrees on what is published. TONGBAO_NOW sets it
   * (tests of scheduled publishing); otherwise it is the moment the build started.
   */
  time: Date;
  published?: Promise<Article[]>;
  rendering?: Prerender;
}
const KEY = Symbol.for('tongbao.build');
const state = ((globalThis as Record<symbol, unknown>)[KEY] ??= {
  time: env.TONGBAO_NOW ? new Date(env.TONGBAO_NOW) : new Date(),
}) as BuildState;

export const buildTime: Date = state.time;
/** A preview shows scheduled articles too: editors check them before they go out. */
const visibleUntil = isPreview ? new Date(8.64e15) : buildTime;

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

export function publishedArticles(): Promise<Article[]> {
  // In `astro dev` content changes while the server runs: read it afresh on every request.
  if (import.meta.env.DEV) delete state.published;
  state.published ??= getCollection('articles').then((entries) => {
    const list = selectPublished(
      entries.map((e) => e.data as Article),
      visibleUntil,
    );
    warnAboutUnsafeHtml(entries);
    const ownShareImages = chooseShareImages(list.slice(0, site.shareImagesNewest).map((a) => a.slug));
    // Start rendering every body (and share image) the caches lack, on all cores, while pages are written.
    state.rendering = prerender(list, ownShareImages);
    return list;
  });
  return state.published;
}

/** Resolves when the article's bodies are in the render cache (call before reading `.html`). */
export async function bodyReady(article: Article): Promise<void> {
  await publishedArticles();
  await state.rendering?.ready(article);
}

/** Resolves when every body of this build is rendered. */
export async function allBodiesReady(): Promise<void> {
  await publishedArticles();
  await state.rendering?.done;
}


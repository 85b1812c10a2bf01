/**
 * The published articles of this build, read once from the content collection. Astro may evaluate
 * this module once per route bundle, so the clock and the list live on globalThis: one per process.
 */
import { getCollection } from 'astro:content';
import type { Article } from '../model/article.ts';
import { selectPublished } from './articles.ts';
import { prerender } from './prerender.ts';

interface BuildState {
  /** One clock for the whole build, so every page agrees on what is published. */
  time: Date;
  published?: Promise<Article[]>;
}
const KEY = Symbol.for('tongbao.build');
const state = ((globalThis as Record<symbol, unknown>)[KEY] ??= { time: new Date() }) as BuildState;

export const buildTime: Date = state.time;

export function publishedArticles(): Promise<Article[]> {
  // In `astro dev` content changes while the server runs: read it afresh on every request.
  if (import.meta.env.DEV) delete state.published;
  state.published ??= getCollection('articles').then(async (entries) => {
    const list = selectPublished(
      entries.map((e) => e.data as Article),
      state.time,
    );
    // Render every body the cache lacks, on all cores, before the first page is written.
    await prerender(list);
    return list;
  });
  return state.published;
}

/**
 * The build's indexes (src/lib/indexes.ts), built once from the published articles and shared by
 * every page of the build (kept on globalThis: Astro evaluates lib modules once per route).
 */
import { env } from '../config/env.ts';
import { site } from '../config/site.ts';
import type { Article } from '../model/article.ts';
import { publishedArticles } from './collection.ts';
import { buildIndexes, type Indexes } from './indexes.ts';

const KEY = Symbol.for('tongbao.indexes');
const state = ((globalThis as Record<symbol, unknown>)[KEY] ??= {}) as { from?: Promise<Article[]>; indexes?: Promise<Indexes> };

export function siteIndexes(): Promise<Indexes> {
  const from = publishedArticles();
  if (state.from !== from || !state.indexes) {
    state.from = from;
    state.indexes = from.then((list) => buildIndexes(list, site.timeZone));
  }
  return state.indexes;
}

/** Articles per listing page. */
export const pageSize: number = env.TONGBAO_PAGE_SIZE;

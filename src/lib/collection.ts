/** The published articles of this build, read once from the content collection. */
import { getCollection } from 'astro:content';
import { env } from '../config/env.ts';
import type { Article } from '../model/article.ts';
import { selectPublished } from './articles.ts';

/** One clock for the whole build, so every page agrees on what is published. */
export const buildTime: Date = env.TONGBAO_NOW ?? new Date();

let published: Promise<Article[]> | undefined;

export function publishedArticles(): Promise<Article[]> {
  // In `astro dev` content changes while the server runs: read it afresh on every request.
  if (import.meta.env.DEV) published = undefined;
  published ??= getCollection('articles').then((entries) =>
    selectPublished(
      entries.map((e) => e.data as Article),
      buildTime,
    ),
  );
  return published;
}

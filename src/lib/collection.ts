/** The published articles of this build, read once from the content collection. */
import { getCollection } from 'astro:content';
import type { Article } from '../model/article.ts';
import { selectPublished } from './articles.ts';

import { env } from '../config/env.ts';
import { isPreview } from '../config/source.ts';

/**
 * One clock for the whole build, so every page agrees on what is published. TONGBAO_NOW sets it
 * (tests of scheduled publishing); otherwise it is the moment the build started.
 */
export const buildTime = env.TONGBAO_NOW ? new Date(env.TONGBAO_NOW) : new Date();
/** A preview shows scheduled articles too: editors check them before they go out. */
const visibleUntil = isPreview ? new Date(8.64e15) : buildTime;

let published: Promise<Article[]> | undefined;

export function publishedArticles(): Promise<Article[]> {
  // In `astro dev` content changes while the server runs: read it afresh on every request.
  if (import.meta.env.DEV) published = undefined;
  published ??= getCollection('articles').then((entries) =>
    selectPublished(
      entries.map((e) => e.data as Article),
      visibleUntil,
    ),
  );
  return published;
}

/**
 * Which articles have a share image of their own: the newest `newest` (site.shareImagesNewest) of a
 * published list; older ones use their locale's site card. Pure: the choice is made from the list
 * it is given (the build context keeps the build's), so no answer depends on what ran before.
 */
import type { Article } from '../../model/article.ts';
import type { Locale } from '../../model/locale.ts';
import { paths } from '../urls.ts';

/** Slugs of the articles with a share image of their own. */
export type ShareImageChoice = ReadonlySet<string>;

const choices = new WeakMap<readonly Pick<Article, 'slug'>[], Map<number, ShareImageChoice>>();

/** The newest `newest` of `newestFirst` (a published list, newest first, as the build context keeps it). */
export function chooseShareImages(newestFirst: readonly Pick<Article, 'slug'>[], newest: number): ShareImageChoice {
  let byCount = choices.get(newestFirst);
  if (!byCount) choices.set(newestFirst, (byCount = new Map()));
  let chosen = byCount.get(newest);
  if (!chosen) byCount.set(newest, (chosen = new Set(newestFirst.slice(0, newest).map((a) => a.slug))));
  return chosen;
}

/** The share image of an article page: its own (`own`: the slug is in the build's ShareImageChoice), or the locale's site card. */
export function articleShareImagePath(locale: Locale, slug: string, own: boolean): string {
  return own ? paths.shareImage(locale, slug) : paths.siteShareImage(locale);
}

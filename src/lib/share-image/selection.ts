/**
 * Which articles have a share image of their own: the newest site.shareImagesNewest of the build
 * (set once per build by src/lib/collection.ts); older ones use their locale's site card. Until a
 * build has chosen (unit tests of feeds and metadata), every article has its own.
 */
import type { Locale } from '../../model/locale.ts';
import { paths } from '../urls.ts';

const KEY = Symbol.for('tongbao.shareImageSlugs');
const state = globalThis as Record<symbol, ReadonlySet<string> | undefined>;

export function chooseShareImages(slugs: Iterable<string>): ReadonlySet<string> {
  const chosen = new Set(slugs);
  state[KEY] = chosen;
  return chosen;
}

export function hasOwnShareImage(slug: string): boolean {
  return state[KEY]?.has(slug) ?? true;
}

/** The share image of an article page: its own, or the locale's site card for older articles. */
export function articleShareImagePath(locale: Locale, slug: string): string {
  return hasOwnShareImage(slug) ? paths.shareImage(locale, slug) : paths.siteShareImage(locale);
}

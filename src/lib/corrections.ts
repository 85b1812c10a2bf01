/**
 * The corrections page (/<locale>/corrections/): every correction of the published articles, newest
 * first, each with the article it corrects. Pure over the published list.
 */
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import { localize, type LocalizedArticle } from './localize.ts';

export interface CorrectionEntry {
  article: LocalizedArticle;
  correction: LocalizedArticle['corrections'][number];
}

/** Newest first; corrections of the same instant keep the published list's order (newer article first). */
export function correctionEntries(published: readonly Article[], locale: Locale): CorrectionEntry[] {
  return published
    .filter((article) => article.corrections.length > 0)
    .flatMap((article) => {
      const a = localize(article, locale);
      return a.corrections.map((correction) => ({ article: a, correction }));
    })
    .sort((x, y) => y.correction.date.getTime() - x.correction.date.getTime());
}

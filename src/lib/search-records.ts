/**
 * Cross-script search. Pagefind keeps one index per locale (from `<html lang>`) and indexes the
 * article body of each page. So that a query typed in the other script still finds an article, each
 * locale's index also gets the article's text in the other script as a custom record with the same
 * URL, title and category (README "Search" has the measurement that chose this over converting the
 * query in the browser). Pure over its inputs.
 */
import { localeOrder } from '../config/site.ts';
import type { Article } from '../model/article.ts';
import { articleHtml, localize } from './localize.ts';
import { textOf } from './reading-time.ts';

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export function crossScriptRecords(articles: readonly Article[]): SearchRecord[] {
  return articles.flatMap((article) =>
    localeOrder.flatMap((locale) => {
      const here = localize(article, locale);
      return localeOrder
        .filter((other) => other !== locale)
        .map((other) => {
          const there = localize(article, other);
          return {
            url: here.path,
            content: `${there.title}\n${there.summary}\n${textOf(articleHtml(article, other)).replace(/\s+/g, ' ')}`,
            // Pagefind names its indexes by the lower-cased `<html lang>`.
            language: locale.toLowerCase(),
            meta: { title: here.title },
            filters: { category: [here.category.name] },
          };
        });
    }),
  );
}

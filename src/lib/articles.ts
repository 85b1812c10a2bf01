/** Queries over the article list. Pure: the list and the clock come in as arguments. */
import type { Article } from '../model/article.ts';

/** What readers may see at `now`: no drafts, nothing scheduled for later; newest first. */
export function selectPublished(articles: readonly Article[], now: Date): Article[] {
  return articles
    .filter((a) => !a.draft && a.publishedAt.getTime() <= now.getTime())
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));
}

/** Pure: seconds from `now` to the next publishedAt after it among the articles that are not drafts. */
export function nextScheduled(articles: readonly Pick<Article, 'draft' | 'publishedAt'>[], now: Date): number | undefined {
  let next = Infinity;
  for (const data of articles) {
    const at = data.publishedAt.getTime();
    if (!data.draft && at > now.getTime() && at < next) next = at;
  }
  return next === Infinity ? undefined : Math.ceil((next - now.getTime()) / 1000);
}

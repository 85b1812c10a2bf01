/** Queries over the article list. Pure: the list and the clock come in as arguments. */
import type { Article } from '../model/article.ts';

/** What readers may see at `now`: no drafts, nothing scheduled for later; newest first. */
export function selectPublished(articles: readonly Article[], now: Date): Article[] {
  return articles
    .filter((a) => !a.draft && a.publishedAt.getTime() <= now.getTime())
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));
}

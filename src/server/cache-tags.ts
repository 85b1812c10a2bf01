/**
 * Pure: the cache tags (surrogate keys) of what the server renders on demand, and the tags a changed
 * document purges. An article page shows its own article and the titles of its related, same-author and neighbouring
 * articles, so it carries the tag of each: a change to any of them purges it. One tag covers the page in
 * every locale (`article:<slug>`).
 */
import type { ArticleContext } from '../lib/article-page.ts';
import type { Article } from '../model/article.ts';

export const articleTag = (slug: string): string => `article:${slug}`;

/** The article slug of an `article:<slug>` tag, or undefined for any other tag. */
export const slugOfTag = (tag: string): string | undefined => (tag.startsWith('article:') ? tag.slice('article:'.length) : undefined);

export function articlePageTags(article: Article, context: ArticleContext): string[] {
  const shown = [article, ...context.related, ...context.byAuthor, context.newer, context.older].filter((a): a is Article => Boolean(a));
  return [...new Set(shown.map((a) => articleTag(a.slug)))];
}

export class PayloadError extends Error {
  override name = 'PayloadError';
}

/**
 * The tags a webhook body purges: Sanity's payload (the whole document, or a projection with `_type` and
 * `slug`), after the change or, for a delete, before it. Throws PayloadError naming the field when the
 * body is not such a document.
 */
export function tagsForPayload(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new PayloadError('the body is not a JSON object (a Sanity document)');
  const doc = body as Record<string, unknown>;
  if (typeof doc._type !== 'string' || !doc._type) throw new PayloadError('_type: missing (project _type in the webhook)');
  if (doc._type !== 'article') return [];
  const slug = typeof doc.slug === 'string' ? doc.slug : (doc.slug as { current?: unknown } | undefined)?.current;
  if (typeof slug !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(slug))
    throw new PayloadError('slug.current: missing or not a slug (project slug in the webhook)');
  return [articleTag(slug)];
}

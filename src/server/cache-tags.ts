/**
 * Pure: the cache tags (surrogate keys) of what the server renders on demand, and the tags a changed
 * document purges. An article page shows its own article and the titles of its related, same-author and neighbouring
 * articles, so it carries the tag of each: a change to any of them purges it. One tag covers the page in
 * every locale (`article:<slug>`).
 *
 * Every other page on demand carries the tag of its kind — `list` (home, categories, tags, authors,
 * archives, corrections, `/`), `feed`, `sitemap`, `search` — and every page carries `site`. A changed,
 * published, unpublished or deleted article purges its own tag and every kind: any list, feed or sitemap
 * may show it (or have shown it; an unpublished article's lists are not known from the change), and one
 * new article moves every page of the lists after it. A change to anything else (an author, a category,
 * the site settings) purges `site`.
 */
import type { ArticleContext } from '../lib/article-page.ts';
import type { Article } from '../model/article.ts';

export const articleTag = (slug: string): string => `article:${slug}`;

/** The article slug of an `article:<slug>` tag, or undefined for any other tag. */
export const slugOfTag = (tag: string): string | undefined => (tag.startsWith('article:') ? tag.slice('article:'.length) : undefined);

export const SITE_TAG = 'site';
/** The tag of each kind of page that shows many articles. */
export const KIND_TAGS = { list: 'list', feed: 'feed', sitemap: 'sitemap', search: 'search' } as const;
export type PageKind = keyof typeof KIND_TAGS;

/** The tags of a page on demand that is not an article page: its kind, and `site`. */
export const kindTags = (kind: PageKind): string[] => [KIND_TAGS[kind], SITE_TAG];

/** What a change of these articles purges: their pages, and every list, feed, sitemap and the search page. */
export function tagsForArticles(slugs: readonly string[]): string[] {
  if (!slugs.length) return [];
  return [...new Set(slugs)].sort().map(articleTag).concat(Object.values(KIND_TAGS));
}

export function articlePageTags(article: Article, context: ArticleContext): string[] {
  const shown = [article, ...context.related, ...context.byAuthor, context.newer, context.older].filter((a): a is Article => Boolean(a));
  return [...new Set(shown.map((a) => articleTag(a.slug))), SITE_TAG];
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
  // Assets are purged through the articles that use them; an author, a category or the site settings show on many pages.
  if (doc._type.startsWith('sanity.')) return [];
  if (doc._type !== 'article') return [SITE_TAG];
  const slug = typeof doc.slug === 'string' ? doc.slug : (doc.slug as { current?: unknown } | undefined)?.current;
  if (typeof slug !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(slug))
    throw new PayloadError('slug.current: missing or not a slug (project slug in the webhook)');
  return tagsForArticles([slug]);
}

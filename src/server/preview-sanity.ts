/**
 * The preview's reads from Sanity (server output, SANITY_* set): its own client with SANITY_READ_TOKEN (server
 * env only, never in any output) and the drafts perspective, independent of where the public pages come from.
 *
 * - `validateStudioUrl`: @sanity/preview-url-secret's `validatePreviewUrl`, which looks the Studio's secret up
 *   (a `sanity.previewUrlSecret` document, valid for an hour after the Studio made it) with the read token.
 * - `sanityDraft`: the article of a slug as the drafts perspective shows it (the draft over the published
 *   document), in the projection the build reads (ARTICLES_QUERY's), mapped by toArticle with the site glossary.
 */
import type { SanityClient } from '@sanity/client';
import { validatePreviewUrl } from '@sanity/preview-url-secret';
import { env } from '../config/env.ts';
import type { SanityOptions } from '../config/source.ts';
import type { Article } from '../model/article.ts';
import { createSanityClient, fetchQuery } from '../sources/sanity/client.ts';
import { ARTICLES_QUERY, SITE_GLOSSARY_QUERY } from '../sources/sanity/queries.ts';
import { toArticle, type SanityArticle } from '../sources/sanity/to-article.ts';
import { toSiteGlossary } from '../sources/sanity/to-glossary.ts';
import { withSiteGlossary } from '../zh/article-overrides.ts';
import type { SITE_GLOSSARY_QUERY_RESULT } from '../sources/sanity/sanity.types.ts';

/** Pure: ARTICLES_QUERY's projection (everything from the `{` after its filter and order). */
export function articleProjection(query: string = ARTICLES_QUERY): string {
  const start = query.indexOf(') {');
  if (start < 0) throw new Error('[tongbao] preview: ARTICLES_QUERY no longer reads `*[…] | order(…) { … }`; update articleProjection');
  return query.slice(start + 2);
}

/** One article by slug, in the build's projection; in the drafts perspective the draft wins over the published document. */
export const DRAFT_ARTICLE_QUERY = `*[_type == "article" && slug.current == $slug][0] ${articleProjection()}`;

function previewClient(options: SanityOptions): SanityClient {
  if (!env.SANITY_READ_TOKEN)
    throw new Error('[tongbao] preview: SANITY_READ_TOKEN is not set on the server (a token with read access: Sanity → API → Tokens, "Viewer")');
  return createSanityClient({ ...options, token: env.SANITY_READ_TOKEN, perspective: 'drafts' });
}

/** Whether a preview URL holds a secret the Studio made in the last hour, and the path it asks for. */
export async function validateStudioUrl(options: SanityOptions, url: string): Promise<{ isValid: boolean; redirectTo?: string | undefined }> {
  return validatePreviewUrl(previewClient(options), url);
}

/** The slug's article in Sanity's drafts perspective, ready for the page; undefined when there is none. */
export async function sanityDraft(options: SanityOptions, slug: string): Promise<Article | undefined> {
  const client = previewClient(options);
  const retry = { attempts: options.attempts, backoffMs: options.backoffMs };
  const [doc, glossaryDoc] = await Promise.all([
    fetchQuery<SanityArticle | null>(client, `reading the draft "${slug}" from Sanity`, DRAFT_ARTICLE_QUERY, retry, { slug }),
    fetchQuery<SITE_GLOSSARY_QUERY_RESULT>(client, 'reading the site glossary from Sanity', SITE_GLOSSARY_QUERY, retry),
  ]);
  if (!doc) return undefined;
  const article = toArticle(doc, { projectId: options.projectId, dataset: options.dataset, baseUrl: options.apiHost ?? 'https://cdn.sanity.io' });
  return withSiteGlossary(article, toSiteGlossary(glossaryDoc));
}

/**
 * Astro content loader over Sanity: fetch (with retries), map every document, report every bad
 * document at once, then store. Each article carries the entries of the site glossary (the document
 * `siteGlossary`) that can apply to it. A failure stops the build: never a site with articles missing.
 */
import type { Loader } from 'astro/loaders';
import { ArticleError, type Article } from '../../model/article.ts';
import { ContentError } from '../local/files.ts';
import { createSanityClient, fetchQuery, type SanityOptions } from './client.ts';
import { withSiteGlossary } from '../../zh/article-overrides.ts';
import type { GlossaryEntry } from '../../zh/overrides.ts';
import { ARTICLE_COUNT_QUERY, ARTICLES_QUERY, SITE_GLOSSARY_QUERY } from './queries.ts';
import type { ARTICLES_QUERY_RESULT, ARTICLE_COUNT_QUERY_RESULT, SITE_GLOSSARY_QUERY_RESULT } from './sanity.types.ts';
import { documentName, toArticle } from './to-article.ts';
import { toSiteGlossary } from './to-glossary.ts';

export async function readSanityArticles(options: SanityOptions, log: (line: string) => void): Promise<Article[]> {
  const client = createSanityClient(options);
  const retry = { attempts: options.attempts, backoffMs: options.backoffMs, log };
  const docs = await fetchQuery<ARTICLES_QUERY_RESULT>(client, 'reading articles from Sanity', ARTICLES_QUERY, retry);
  if (!Array.isArray(docs)) throw new ContentError([new Error('[tongbao] Sanity answered the article query with something other than a list')]);
  const count = await fetchQuery<ARTICLE_COUNT_QUERY_RESULT>(client, 'counting articles in Sanity', ARTICLE_COUNT_QUERY, retry);
  if (count !== docs.length) {
    throw new ContentError([
      new Error(`[tongbao] Sanity holds ${count} article(s) but returned ${docs.length}; the build stopped so that none goes missing. Build again.`),
    ]);
  }
  const glossaryDoc = await fetchQuery<SITE_GLOSSARY_QUERY_RESULT>(client, 'reading the site glossary from Sanity', SITE_GLOSSARY_QUERY, retry);
  let glossary: GlossaryEntry[];
  try {
    glossary = toSiteGlossary(glossaryDoc);
  } catch (error) {
    throw new ContentError([error as Error], 'Sanity document(s)');
  }
  const settings = {
    projectId: options.projectId,
    dataset: options.dataset,
    baseUrl: options.apiHost ?? 'https://cdn.sanity.io',
  };
  const articles: Article[] = [];
  const errors: Error[] = [];
  const bySlug = new Map<string, string>();
  for (const doc of docs) {
    try {
      // The generated type says what the query asks for; the mapper still checks what arrived (zod).
      const article = toArticle(doc, settings);
      const name = documentName(doc);
      const other = bySlug.get(article.slug);
      if (other) {
        throw new ArticleError(name, [
          { field: 'slug', message: `"${article.slug}" is already used by ${other.replace(/^Sanity document /, '')}; give one of them another slug` },
        ]);
      }
      bySlug.set(article.slug, name);
      articles.push(withSiteGlossary(article, glossary));
    } catch (error) {
      errors.push(error as Error);
    }
  }
  if (errors.length) throw new ContentError(errors, 'Sanity document(s)');
  return articles;
}

export function sanityArticles(options: SanityOptions): Loader {
  return {
    name: 'tongbao-sanity-articles',
    load: async ({ store, logger, generateDigest }) => {
      const articles = await readSanityArticles(options, (line) => logger.warn(line));
      store.clear();
      for (const article of articles) {
        const data = { ...article } as Record<string, unknown>;
        store.set({ id: article.slug, data, digest: generateDigest(data) });
      }
      const host = options.apiHost ?? `${options.projectId}.api.sanity.io`;
      logger.info(`${articles.length} article(s) from Sanity ${host} dataset ${options.dataset} (perspective ${options.perspective})`);
    },
  };
}

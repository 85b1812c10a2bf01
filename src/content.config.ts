/**
 * The articles collection. The loader is the chosen source (src/config/source.ts): the Markdown files
 * under TONGBAO_CONTENT_DIR, or Sanity when SANITY_PROJECT_ID and SANITY_DATASET are set; the schema
 * is the one Article model either way.
 */
import { defineCollection } from 'astro:content';
import { source } from './config/source.ts';
import { ArticleSchema } from './model/article.ts';
import { localArticles } from './sources/local/loader.ts';
import { sanityArticles } from './sources/sanity/loader.ts';

export const collections = {
  articles: defineCollection({
    loader: source.kind === 'sanity' ? sanityArticles(source) : localArticles({ contentDir: source.contentDir }),
    schema: ArticleSchema,
  }),
};

/**
 * The articles collection. The loader is the chosen source (today: the Markdown files under
 * TONGBAO_CONTENT_DIR, with authors and categories resolved); the schema is the one Article model.
 */
import { defineCollection } from 'astro:content';
import { env } from './config/env.ts';
import { ArticleSchema } from './model/article.ts';
import { localArticles } from './sources/local/loader.ts';

export const collections = {
  articles: defineCollection({
    loader: localArticles({ contentDir: env.TONGBAO_CONTENT_DIR }),
    schema: ArticleSchema,
  }),
};

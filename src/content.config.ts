/**
 * The articles collection. The loader is the chosen source (today: the Markdown files under
 * TONGBAO_CONTENT_DIR); the schema is the one Article model.
 */
import { defineCollection } from 'astro:content';
import { env } from './config/env.ts';
import { site } from './config/site.ts';
import { createArticleSchema } from './model/article.ts';
import { localArticles } from './sources/local/loader.ts';

const schema = createArticleSchema(site.categories.map((c) => c.slug));

export const collections = {
  articles: defineCollection({
    loader: localArticles({ contentDir: env.TONGBAO_CONTENT_DIR, schema }),
    schema,
  }),
};

/**
 * The articles of the configured source, read independently of Astro, for the checks around a
 * build: bad input stops the build before Astro starts, and the "nothing lost" check compares
 * the output with this list. Today the local Markdown source is the only one.
 */
import { env } from '../config/env.ts';
import type { Article } from '../model/article.ts';
import { readLocalContent } from '../sources/local/files.ts';

export interface SourceEntry {
  article: Article;
  /** File path or document id, for messages. */
  where: string;
}

export async function readSourceArticles(root: string): Promise<{ name: string; entries: SourceEntry[] }> {
  const { articles } = await readLocalContent(root, env.TONGBAO_CONTENT_DIR);
  return { name: `${env.TONGBAO_CONTENT_DIR}/articles`, entries: articles.map((a) => ({ article: a.article, where: a.path })) };
}

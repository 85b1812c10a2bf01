/** The articles of the content folder for the conversion scripts; a bad file ends the script with its message. */
import { env } from '../../src/config/env.ts';
import type { Article } from '../../src/model/article.ts';
import { readLocalContent } from '../../src/sources/local/files.ts';

export async function readArticlesOrExit(): Promise<Article[]> {
  try {
    return (await readLocalContent(process.cwd(), env.TONGBAO_CONTENT_DIR)).articles.map((a) => a.article);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

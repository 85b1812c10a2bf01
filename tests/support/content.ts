/** The sample articles of content/, as the local source gives them. */
import { readLocalContent } from '../../src/sources/local/files.ts';
import type { Article } from '../../src/model/article.ts';
import { projectRoot } from './build.ts';

export async function loadLocalArticles(contentDir = 'content'): Promise<Article[]> {
  return (await readLocalContent(projectRoot, contentDir)).articles.map((a) => a.article);
}

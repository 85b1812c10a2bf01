/** The sample articles of content/, as the local source gives them; a project-like folder for bad input. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readLocalContent } from '../../src/sources/local/files.ts';
import type { Article } from '../../src/model/article.ts';
import { AUTHORS_YAML, CATEGORIES_YAML, type LocalFiles } from './bad-input.ts';
import { projectRoot } from './build.ts';

export async function loadLocalArticles(contentDir = 'content'): Promise<Article[]> {
  return (await readLocalContent(projectRoot, contentDir)).articles.map((a) => a.article);
}

/** A project-like folder: content/ with the taxonomy and the given files. */
export function contentFolder(files: LocalFiles): { root: string; content: string } {
  const root = mkdtempSync(join(tmpdir(), 'tongbao-bad-'));
  const content = join(root, 'content');
  const all: LocalFiles = { 'authors.yaml': AUTHORS_YAML, 'categories.yaml': CATEGORIES_YAML, ...files };
  for (const [name, data] of Object.entries(all)) {
    mkdirSync(dirname(join(content, name)), { recursive: true });
    writeFileSync(join(content, name), data);
  }
  mkdirSync(join(content, 'articles'), { recursive: true });
  return { root, content };
}

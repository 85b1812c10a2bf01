/**
 * Reads every article of a content folder and reports every bad file at once, so an editor fixes
 * them in one pass. Pure apart from reading the folder it is given.
 */
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { ArticleError, type Article, type ArticleSchema } from '../../model/article.ts';
import { parseMarkdownArticle } from './parse.ts';

export interface LoadedArticle {
  article: Article;
  /** Path relative to the project root, for messages. */
  path: string;
}

export class ContentError extends Error {
  override name = 'ContentError';
  constructor(readonly problems: readonly Error[]) {
    super(
      `[tongbao] ${problems.length} article file(s) cannot be published; the build stopped before writing anything:\n\n` +
        problems.map((e) => e.message).join('\n\n'),
    );
  }
}

/** A path for messages: relative to the project when inside it, absolute otherwise. */
function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

export async function readArticleFiles(root: string, contentDir: string, schema: ArticleSchema): Promise<LoadedArticle[]> {
  const dir = resolve(root, contentDir, 'articles');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md') && !n.startsWith('_')).sort();
  } catch (error) {
    throw new ContentError([
      new Error(
        `[tongbao] cannot read the article folder ${displayPath(root, dir)}: ${(error as Error).message}\n` +
          '  Create it, or point TONGBAO_CONTENT_DIR at the folder that holds articles/.',
      ),
    ]);
  }
  const loaded: LoadedArticle[] = [];
  const errors: Error[] = [];
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const path = displayPath(root, join(dir, name));
    const bytes = await readFile(join(dir, name));
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      errors.push(new ArticleError(path, [{ field: '(file)', message: 'the file is not valid UTF-8; save it as UTF-8' }]));
      continue;
    }
    try {
      const article = parseMarkdownArticle(text, path, schema);
      const other = bySlug.get(article.slug);
      if (other) {
        errors.push(
          new ArticleError(path, [{ field: 'slug', message: `"${article.slug}" is already used by ${other}; choose another slug` }]),
        );
        continue;
      }
      bySlug.set(article.slug, path);
      loaded.push({ article, path });
    } catch (error) {
      errors.push(error as Error);
    }
  }
  if (errors.length) throw new ContentError(errors);
  return loaded;
}

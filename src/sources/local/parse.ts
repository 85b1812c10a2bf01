/**
 * Markdown file with YAML front matter → Article. Pure: text in, Article out (or an ArticleError
 * naming the file and the field).
 */
import { VFile } from 'vfile';
import { matter } from 'vfile-matter';
import { ArticleError, parseArticle, type Article, type ArticleSchemaLike } from '../../model/article.ts';
import { describeForbidden, findForbiddenCharacters } from '../../model/text-rules.ts';
import { describeLostText, lostText } from '../../pipeline/sanitize-report.ts';

/** The slug an article gets when its front matter has none: the file name without `.md`. */
export function slugFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.md$/i, '');
}

export function parseMarkdownArticle(text: string, path: string, schema: ArticleSchemaLike): Article {
  // Editors' files arrive with a BOM or Windows line ends; neither is an error.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalized.startsWith('---\n')) {
    throw new ArticleError(path, [
      { field: '(front matter)', message: 'the file must start with a YAML front matter block between two "---" lines' },
    ]);
  }
  const file = new VFile({ path, value: normalized });
  try {
    matter(file, { strip: true });
  } catch (error) {
    throw new ArticleError(path, [{ field: '(front matter)', message: `malformed YAML: ${(error as Error).message}` }]);
  }
  const data = file.data.matter;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ArticleError(path, [{ field: '(front matter)', message: 'front matter must be a YAML mapping of fields' }]);
  }
  // Forbidden characters in the body are named by the line and column of the file (the schema only sees the body).
  const body = String(file.value);
  const hits = (data as { draft?: unknown }).draft === true ? [] : findForbiddenCharacters(body);
  if (hits.length) {
    const bodyStart = normalized.split('\n').length - body.split('\n').length + 1;
    throw new ArticleError(path, [{ field: 'body', message: describeForbidden(hits, true, bodyStart) }]);
  }
  const fields: Record<string, unknown> = { ...data };
  if ('body' in fields) {
    throw new ArticleError(path, [{ field: 'body', message: 'the body is the Markdown after the front matter, not a field' }]);
  }
  const article = parseArticle(schema, { slug: slugFromPath(path), ...fields, body }, path);
  // Text the sanitizer would remove (an unclosed <svg>, <math> or <title>): refused, named by the line of the file.
  if (typeof article.body === 'string') {
    const lost = lostText(article.body);
    if (lost.length) {
      const before = normalized.lastIndexOf(article.body);
      const offset = before < 0 ? 0 : normalized.slice(0, before).split('\n').length - 1;
      throw new ArticleError(
        path,
        lost.map((l) => ({ field: 'body', message: `${l.line ? `at line ${l.line + offset} of the file: ` : ''}${describeLostText(l)}` })),
      );
    }
  }
  return article;
}

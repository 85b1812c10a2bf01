import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleError, createArticleInputSchema } from '../../src/model/article.ts';
import { AuthorSchema, CategorySchema } from '../../src/model/taxonomy.ts';
import { parseMarkdownArticle } from '../../src/sources/local/parse.ts';
import { ContentError, readLocalContent } from '../../src/sources/local/files.ts';
import { parseTaxonomyList } from '../../src/sources/local/taxonomy.ts';
import { CATEGORIES_YAML, GOOD_FIELDS } from '../support/bad-input.ts';

const AUTHORS_YAML = '- slug: zhang-san\n  name: 张三\n- slug: li-si\n  name: 李四\n  names: { zh-Hant: 李四 }\n';
const taxonomy = {
  authors: parseTaxonomyList(AUTHORS_YAML, 'authors.yaml', AuthorSchema),
  categories: parseTaxonomyList(CATEGORIES_YAML, 'categories.yaml', CategorySchema),
};
const schema = createArticleInputSchema(taxonomy, { authors: 'content/authors.yaml', categories: 'content/categories.yaml' });
const PATH = 'content/articles/sample-news.md';

const GOOD = GOOD_FIELDS;

/** A Markdown file with the given front matter lines (JSON is valid YAML). */
function file(fields: Record<string, unknown>, body = '正文第一段。') {
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
}

function errorOf(fn: () => unknown): ArticleError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ArticleError);
    return error as ArticleError;
  }
  throw new Error('expected an ArticleError');
}

const without = (key: keyof typeof GOOD) => Object.fromEntries(Object.entries(GOOD).filter(([k]) => k !== key));

describe('parseMarkdownArticle', () => {
  it('maps a good file to an Article, slug from the file name', () => {
    const a = parseMarkdownArticle(file(GOOD), PATH, schema);
    expect(a.slug).toBe('sample-news');
    expect(a.title).toBe('测试标题');
    expect(a.publishedAt.toISOString()).toBe('2026-11-20T02:30:00.000Z');
    expect(String(a.body).trim()).toBe('正文第一段。');
    expect(a.tags).toEqual([]);
    expect(a.riskNotice).toBe(false);
    expect(a.draft).toBe(false);
    expect(a.authors).toEqual([{ slug: 'zhang-san', name: '张三', nameLocale: 'zh-Hans' }]);
    expect(a.category).toEqual({ slug: 'technology', name: '科技', nameLocale: 'zh-Hans', riskNotice: false });
  });

  it('accepts a BOM and Windows line ends', () => {
    const a = parseMarkdownArticle('\uFEFF' + file(GOOD).replace(/\n/g, '\r\n'), PATH, schema);
    expect(a.title).toBe('测试标题');
    expect(a.body).not.toContain('\r');
  });

  it.each([
    ['title', without('title'), 'title', 'title is required'],
    ['publishedAt', { ...GOOD, publishedAt: 'yesterday' }, 'publishedAt', 'ISO 8601'],
    ['publishedAt without offset', { ...GOOD, publishedAt: '2026-11-20T10:30:00' }, 'publishedAt', 'offset'],
    ['category', { ...GOOD, category: 'sports' }, 'category', 'unknown category "sports"; add it to content/categories.yaml'],
    ['author', { ...GOOD, authors: ['zhang-san', 'wang-wu'] }, 'authors.1', 'unknown author "wang-wu"; add it to content/authors.yaml'],
    ['sourceLocale', { ...GOOD, sourceLocale: 'zh-TW' }, 'sourceLocale', ''],
    ['origin', { ...GOOD, origin: 'copied' }, 'origin', 'original, reprint, press-release'],
    ['reprint without source', { ...GOOD, origin: 'reprint' }, 'source', 'a reprint needs source'],
    ['source url', { ...GOOD, origin: 'reprint', source: { name: '某报', url: 'javascript:alert(1)' } }, 'source.url', 'http(s)'],
    ['authors', { ...GOOD, authors: [] }, 'authors', 'at least one author'],
    ['image alt', { ...GOOD, image: { src: '/a.png' } }, 'image.alt', 'image.alt is required'],
    ['unknown field', { ...GOOD, titel: 'x' }, 'titel', 'unknown field'],
    ['slug', { ...GOOD, slug: '新闻 1' }, 'slug', 'lower-case'],
    ['updatedAt before publishedAt', { ...GOOD, updatedAt: '2020-01-01T00:00:00+08:00' }, 'updatedAt', 'earlier'],
  ])('names the file and the field: %s', (_case, fields, field, message) => {
    const error = errorOf(() => parseMarkdownArticle(file(fields), PATH, schema));
    expect(error.where).toBe(PATH);
    expect(error.message).toContain(PATH);
    const issue = error.issues.find((i) => i.field === field);
    expect(issue, JSON.stringify(error.issues)).toBeDefined();
    expect(issue?.message).toContain(message);
  });

  it('rejects an empty body', () => {
    const error = errorOf(() => parseMarkdownArticle(file(GOOD, '   '), PATH, schema));
    expect(error.issues.map((i) => i.field)).toEqual(['body']);
  });

  it('rejects malformed YAML and a missing front matter block', () => {
    const bad = errorOf(() => parseMarkdownArticle('---\ntitle: [unclosed\n---\n正文', PATH, schema));
    expect(bad.issues[0]?.field).toBe('(front matter)');
    expect(bad.issues[0]?.message).toContain('malformed YAML');
    const none = errorOf(() => parseMarkdownArticle('正文而已', PATH, schema));
    expect(none.issues[0]?.message).toContain('front matter');
  });
});

describe('parseTaxonomyList', () => {
  it('names the file, the entry and the field', () => {
    expect(() => parseTaxonomyList('- slug: Bad Slug\n  name: 甲\n', 'content/authors.yaml', AuthorSchema)).toThrow(
      /content\/authors\.yaml[\s\S]*\[0\]\.slug: slug must be lower-case/,
    );
    expect(() => parseTaxonomyList('- slug: a\n  name: 甲\n- slug: a\n  name: 乙\n', 'authors.yaml', AuthorSchema)).toThrow(
      /\[1\]\.slug: "a" appears twice/,
    );
    expect(() => parseTaxonomyList('slug: a', 'authors.yaml', AuthorSchema)).toThrow(/expected a YAML list/);
  });
});

describe('readLocalContent', () => {
  async function folder(files: Record<string, string | Uint8Array>) {
    const root = await mkdtemp(join(tmpdir(), 'tongbao-src-'));
    await mkdir(join(root, 'content', 'articles'), { recursive: true });
    await writeFile(join(root, 'content', 'authors.yaml'), AUTHORS_YAML);
    await writeFile(join(root, 'content', 'categories.yaml'), CATEGORIES_YAML);
    for (const [name, text] of Object.entries(files)) await writeFile(join(root, 'content', 'articles', name), text);
    return root;
  }

  it('reads every article, sorted by file name', async () => {
    const root = await folder({ 'b.md': file(GOOD), 'a.md': file(GOOD), 'notes.txt': 'ignored' });
    const { articles } = await readLocalContent(root, 'content');
    expect(articles.map((l) => l.path)).toEqual(['content/articles/a.md', 'content/articles/b.md']);
  });

  it('reports every bad file at once, a duplicate slug and invalid UTF-8 included', async () => {
    const root = await folder({
      'a.md': file({ ...GOOD, slug: 'same' }),
      'b.md': file({ ...GOOD, slug: 'same' }),
      'c.md': file(without('summary')),
      'd.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]),
    });
    const error = await readLocalContent(root, 'content').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContentError);
    const message = (error as ContentError).message;
    expect(message).toContain('content/articles/b.md');
    expect(message).toContain('"same" is already used by content/articles/a.md');
    expect(message).toContain('content/articles/c.md');
    expect(message).toContain('summary');
    expect(message).toContain('content/articles/d.md');
    expect(message).toContain('not valid UTF-8');
  });

  it('says which folder is missing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tongbao-src-'));
    await expect(readLocalContent(root, 'nowhere')).rejects.toThrow(/nowhere\/articles.*TONGBAO_CONTENT_DIR/s);
  });
});

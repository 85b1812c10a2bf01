/**
 * Corrections and author pages (issue 17, points 5 and 7) as pure functions over real Article values:
 * the model's rules (date, empty text, control characters, mojibake), dateModified, the conversion of
 * corrections and bios, the corrections page's order, "more from this author", the RSS description.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { correctionEntries } from '../../src/lib/corrections.ts';
import { renderFeed, rssDescription } from '../../src/lib/feeds/index.ts';
import { buildIndexes, moreByAuthor } from '../../src/lib/indexes.ts';
import { bioIn, localize, localizeAuthor } from '../../src/lib/localize.ts';
import { newsArticleLd } from '../../src/lib/seo.ts';
import { dateModified } from '../../src/lib/dates.ts';
import { ArticleError, ArticleSchema, createArticleInputSchema, type Article } from '../../src/model/article.ts';
import { AuthorSchema, CategorySchema } from '../../src/model/taxonomy.ts';
import { ContentError, readLocalContent } from '../../src/sources/local/files.ts';
import { parseMarkdownArticle } from '../../src/sources/local/parse.ts';
import { parseTaxonomyList } from '../../src/sources/local/taxonomy.ts';
import { checkOverrides } from '../../src/zh/article-overrides.ts';
import { CATEGORIES_YAML, GOOD_FIELDS, markdown } from '../support/bad-input.ts';

const AUTHORS_YAML = `- slug: zhang-san
  name: 张三
  bio: 张三是科技记者，关注开源软件。
  photo: { src: /images/authors/zhang-san.png, alt: 张三的头像 }
- slug: li-si
  name: 李四
  nameLocale: zh-Hant
  bio: 李四是財經記者，曾在臺北採訪。
`;
const taxonomy = {
  authors: parseTaxonomyList(AUTHORS_YAML, 'content/authors.yaml', AuthorSchema),
  categories: parseTaxonomyList(CATEGORIES_YAML, 'content/categories.yaml', CategorySchema),
};
const schema = createArticleInputSchema(taxonomy, { authors: 'content/authors.yaml', categories: 'content/categories.yaml' });
const PATH = 'content/articles/news.md';

function errorOf(fields: Record<string, unknown>): ArticleError {
  try {
    parseMarkdownArticle(markdown({ ...GOOD_FIELDS, ...fields }), PATH, schema);
  } catch (error) {
    expect(error).toBeInstanceOf(ArticleError);
    return error as ArticleError;
  }
  throw new Error('expected an ArticleError');
}
const issueOf = (error: ArticleError, field: string) => error.issues.find((i) => i.field === field);

describe('corrections in the model', () => {
  it('are optional (an empty list) and parsed as instants', () => {
    expect(parseMarkdownArticle(markdown(GOOD_FIELDS), PATH, schema).corrections).toEqual([]);
    const a = parseMarkdownArticle(
      markdown({ ...GOOD_FIELDS, corrections: [{ date: '2026-11-21T09:30:00+08:00', text: '本文初版的日期有误，已更正。' }] }),
      PATH,
      schema,
    );
    expect(a.corrections).toEqual([{ date: new Date('2026-11-21T01:30:00Z'), text: '本文初版的日期有误，已更正。' }]);
  });

  it('refuse a correction dated before publishedAt, naming the file and corrections.N.date', () => {
    const error = errorOf({
      corrections: [
        { date: '2026-11-21T09:30:00+08:00', text: '第一条更正。' },
        { date: '2026-11-19T09:30:00+08:00', text: '第二条更正。' },
      ],
    });
    expect(error.message).toContain(PATH);
    expect(error.issues.map((i) => i.field)).toEqual(['corrections.1.date']);
    expect(issueOf(error, 'corrections.1.date')?.message).toMatch(/before publishedAt/);
  });

  it('refuse a date without its offset, an empty text and a correction that is not { date, text }', () => {
    expect(issueOf(errorOf({ corrections: [{ date: '2026-11-21T09:30:00', text: '更正。' }] }), 'corrections.0.date')?.message).toMatch(/offset/);
    expect(issueOf(errorOf({ corrections: [{ date: '2026-11-21T09:30:00+08:00', text: '   ' }] }), 'corrections.0.text')?.message).toBe(
      'corrections.text must not be empty',
    );
    expect(issueOf(errorOf({ corrections: [{ date: '2026-11-21T09:30:00+08:00' }] }), 'corrections.0.text')?.message).toMatch(/required/);
    expect(issueOf(errorOf({ corrections: [{ date: '2026-11-21T09:30:00+08:00', text: '更正。', by: 'x' }] }), 'corrections.0.by')?.message).toMatch(
      /unknown field/,
    );
    expect(issueOf(errorOf({ corrections: '更正' }), 'corrections')?.message).toMatch(/list of \{ date, text \}/);
  });

  it('refuse control characters and mojibake in a correction, as in every text', () => {
    const control = issueOf(errorOf({ corrections: [{ date: '2026-11-21T09:30:00+08:00', text: '更正\u0007文字' }] }), 'corrections.0.text');
    expect(control?.message).toMatch(/U\+0007 \(control character\) at character 3/);
    const bidi = issueOf(errorOf({ corrections: [{ date: '2026-11-21T09:30:00+08:00', text: '更正\u202E文字' }] }), 'corrections.0.text');
    expect(bidi?.message).toMatch(/bidirectional control/);
    const mojibake = issueOf(
      errorOf({ corrections: [{ date: '2026-11-21T09:30:00+08:00', text: '本文初版有误锟斤拷已更正' }] }),
      'corrections.0.text',
    );
    expect(mojibake?.message).toBeDefined();
  });

  it('take inline overrides like the text, and a malformed one is named by the correction', () => {
    const a = parseMarkdownArticle(
      markdown({ ...GOOD_FIELDS, corrections: [{ date: '2026-11-21T09:30:00+08:00', text: '“-{zh-hans:发;zh-hant:發}-”字的用法有误。' }] }),
      PATH,
      schema,
    );
    expect(localize(a, 'zh-Hant').corrections[0]!.text).toBe('「發」字的用法有誤。');
    const bad = parseMarkdownArticle(
      markdown({ ...GOOD_FIELDS, corrections: [{ date: '2026-11-21T09:30:00+08:00', text: '未闭合-{头发' }] }),
      PATH,
      schema,
    );
    expect(() => checkOverrides(bad, PATH)).toThrow(/corrections\[0\]\.text: "-\{" without its closing "\}-"/);
  });

  it('dateModified is the latest of publishedAt, updatedAt and the newest correction', () => {
    const a = (fields: Record<string, unknown>) => parseMarkdownArticle(markdown({ ...GOOD_FIELDS, ...fields }), PATH, schema);
    expect(dateModified(a({})).toISOString()).toBe('2026-11-20T02:30:00.000Z');
    expect(dateModified(a({ updatedAt: '2026-11-22T10:00:00+08:00' })).toISOString()).toBe('2026-11-22T02:00:00.000Z');
    const both = a({
      updatedAt: '2026-11-22T10:00:00+08:00',
      corrections: [
        { date: '2026-11-25T10:00:00+08:00', text: '后一条。' },
        { date: '2026-11-21T10:00:00+08:00', text: '前一条。' },
      ],
    });
    expect(dateModified(both).toISOString()).toBe('2026-11-25T02:00:00.000Z');
    expect(
      dateModified(a({ updatedAt: '2026-11-30T10:00:00+08:00', corrections: [{ date: '2026-11-21T10:00:00+08:00', text: '更正。' }] })).toISOString(),
    ).toBe('2026-11-30T02:00:00.000Z');
  });
});

describe('authors: bio and photo', () => {
  it('parse from authors.yaml, naming the entry and field when wrong', () => {
    expect(taxonomy.authors.get('zhang-san')?.photo).toEqual({ src: '/images/authors/zhang-san.png', alt: '张三的头像' });
    expect(() => parseTaxonomyList('- slug: a\n  name: 甲\n  photo: { src: /images/a.png }\n', 'content/authors.yaml', AuthorSchema)).toThrow(
      /\[0\]\.photo\.alt: photo\.alt is required/,
    );
    expect(() => parseTaxonomyList('- slug: a\n  name: 甲\n  photo: { src: a.png, alt: 甲 }\n', 'content/authors.yaml', AuthorSchema)).toThrow(
      /\[0\]\.photo\.src: photo\.src must be a site path/,
    );
    expect(() => parseTaxonomyList('- slug: a\n  name: 甲\n  bio: ""\n', 'content/authors.yaml', AuthorSchema)).toThrow(
      /\[0\]\.bio: bio must not be empty/,
    );
  });

  it('a control character or mojibake in a bio stops the articles that name the author', () => {
    const bad = {
      authors: parseTaxonomyList('- slug: zhang-san\n  name: 张三\n  bio: "记者\\u0001张三"\n', 'content/authors.yaml', AuthorSchema),
      categories: taxonomy.categories,
    };
    const s = createArticleInputSchema(bad, { authors: 'content/authors.yaml', categories: 'content/categories.yaml' });
    const error = (() => {
      try {
        parseMarkdownArticle(markdown(GOOD_FIELDS), PATH, s);
      } catch (e) {
        return e as ArticleError;
      }
      throw new Error('expected an ArticleError');
    })();
    expect(issueOf(error, 'authors.0.bio')?.message).toMatch(/U\+0001 \(control character\)/);
    const mojibake = {
      authors: parseTaxonomyList('- slug: zhang-san\n  name: 张三\n  photo: { src: /a.png, alt: 张三锟斤拷头像 }\n', 'a.yaml', AuthorSchema),
      categories: taxonomy.categories,
    };
    const m = createArticleInputSchema(mojibake, { authors: 'a.yaml', categories: 'c.yaml' });
    expect(() => parseMarkdownArticle(markdown(GOOD_FIELDS), PATH, m)).toThrow(/authors\.0\.photo\.alt/);
  });

  it('a photo whose file is missing names authors.yaml and the entry', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tongbao-photo-'));
    await mkdir(join(root, 'content', 'articles'), { recursive: true });
    await writeFile(join(root, 'content', 'authors.yaml'), AUTHORS_YAML);
    await writeFile(join(root, 'content', 'categories.yaml'), CATEGORIES_YAML);
    await writeFile(join(root, 'content', 'articles', 'news.md'), markdown(GOOD_FIELDS));
    const error = await readLocalContent(root, 'content').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(
      /content\/authors\.yaml[\s\S]*\[0\]\.photo\.src: image "\/images\/authors\/zhang-san\.png" not found: add the file content\/images\/authors\/zhang-san\.png/,
    );
    await mkdir(join(root, 'content', 'images', 'authors'), { recursive: true });
    await writeFile(join(root, 'content', 'images', 'authors', 'zhang-san.png'), 'not checked here');
    expect((await readLocalContent(root, 'content')).taxonomy.authors.get('zhang-san')?.photo?.src).toBe('/images/authors/zhang-san.png');
  });

  it('bio and photo alt are converted from the script of the name, with the locale’s typography', () => {
    const zhang = taxonomy.authors.get('zhang-san')!;
    const li = taxonomy.authors.get('li-si')!;
    expect(bioIn(zhang, 'zh-Hans')).toBe('张三是科技记者，关注开源软件。');
    expect(bioIn(zhang, 'zh-Hant')).toBe('張三是科技記者，關注開源軟件。');
    expect(bioIn(li, 'zh-Hans')).toBe('李四是财经记者，曾在台北采访。');
    expect(localizeAuthor(zhang, 'zh-Hant')).toEqual({
      slug: 'zhang-san',
      name: '張三',
      bio: '張三是科技記者，關注開源軟件。',
      photo: { src: '/images/authors/zhang-san.png', alt: '張三的頭像' },
    });
    expect(localizeAuthor({ ...li, bio: undefined }, 'zh-Hant').bio).toBeUndefined();
  });
});

const desk = { slug: 'desk', name: '编辑部' };
const other = { slug: 'other', name: '另一位' };
function article(slug: string, publishedAt: string, fields: Record<string, unknown> = {}): Article {
  return ArticleSchema.parse({
    slug,
    title: `标题${slug}`,
    summary: `摘要${slug}`,
    body: '正文',
    publishedAt,
    sourceLocale: 'zh-Hans',
    origin: 'original',
    authors: [desk],
    category: { slug: 'news', name: '要闻' },
    ...fields,
  });
}

describe('the corrections page, "more from this author", JSON-LD and feeds', () => {
  const a = article('a', '2026-11-25T10:00:00+08:00', { corrections: [{ date: '2026-11-26T10:00:00+08:00', text: '甲文的发布日期有误。' }] });
  const b = article('b', '2026-11-20T10:00:00+08:00', {
    corrections: [
      { date: '2026-11-21T10:00:00+08:00', text: '乙文第一条更正。' },
      { date: '2026-11-27T10:00:00+08:00', text: '乙文第二条更正：头发 <b>粗体</b> & 符号。' },
    ],
  });
  const c = article('c', '2026-11-10T10:00:00+08:00', { authors: [other, desk] });
  const d = article('d', '2026-11-05T10:00:00+08:00');
  const published = [a, b, c, d];

  it('lists every correction newest first, with its article, in the locale’s script', () => {
    const entries = correctionEntries(published, 'zh-Hant');
    expect(entries.map((e) => [e.article.slug, e.correction.date.toISOString()])).toEqual([
      ['b', '2026-11-27T02:00:00.000Z'],
      ['a', '2026-11-26T02:00:00.000Z'],
      ['b', '2026-11-21T02:00:00.000Z'],
    ]);
    expect(entries[0]!.correction.text).toBe('乙文第二條更正：頭髮 <b>粗體</b> & 符號。');
    expect(entries[1]!.article.title).toBe('標題a');
    expect(correctionEntries([c, d], 'zh-Hans')).toEqual([]);
  });

  it('localize: corrections converted and newest first, dateModified from the newest', () => {
    const hant = localize(b, 'zh-Hant');
    expect(hant.corrections.map((x) => x.text)).toEqual(['乙文第二條更正：頭髮 <b>粗體</b> & 符號。', '乙文第一條更正。']);
    expect(hant.dateModified.toISOString()).toBe('2026-11-27T02:00:00.000Z');
    expect(localize(b, 'zh-Hans').corrections[1]!.text).toBe('乙文第一条更正。');
  });

  it('more from this author: the first author’s other articles, newest first, at most 4, never the article itself', () => {
    const ix = buildIndexes(published, 'Asia/Shanghai');
    // c names desk second: it is by desk too.
    expect(moreByAuthor(ix, a).map((x) => x.slug)).toEqual(['b', 'c', 'd']);
    // c's first author is "other", who wrote nothing else.
    expect(moreByAuthor(ix, c)).toEqual([]);
    const many = Array.from({ length: 7 }, (_, i) => article(`m${i}`, `2026-10-${String(20 - i).padStart(2, '0')}T10:00:00+08:00`));
    const big = buildIndexes(many, 'Asia/Shanghai');
    expect(moreByAuthor(big, many[2]!).map((x) => x.slug)).toEqual(['m0', 'm1', 'm3', 'm4']);
  });

  it('JSON-LD: dateModified and a CorrectionComment per correction, in the page’s script', () => {
    const ld = newsArticleLd(b, 'zh-Hant') as unknown as Record<string, unknown>;
    expect(ld.dateModified).toBe('2026-11-27T02:00:00.000Z');
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', text: '乙文第二條更正：頭髮 <b>粗體</b> & 符號。', datePublished: '2026-11-27T02:00:00.000Z' },
      { '@type': 'CorrectionComment', text: '乙文第一條更正。', datePublished: '2026-11-21T02:00:00.000Z' },
    ]);
    expect((newsArticleLd(d, 'zh-Hans') as unknown as Record<string, unknown>).correction).toBeUndefined();
  });

  const xml = new XMLParser({
    ignoreAttributes: false,
    processEntities: true,
    htmlEntities: false,
    parseTagValue: false,
    isArray: (n) => n === 'item' || n === 'entry',
  });

  it('RSS: the description is the summary then each correction, as escaped text', () => {
    expect(rssDescription({ summary: '摘要', corrections: localize(b, 'zh-Hans').corrections }, 'zh-Hans')).toBe(
      '摘要\n更正（2026年11月27日）：乙文第二条更正：头发 <b>粗体</b> & 符号。\n更正（2026年11月21日）：乙文第一条更正。',
    );
    const rss = renderFeed('rss', { kind: 'locale', locale: 'zh-Hant' }, published);
    expect(rss).toContain('乙文第二條更正：頭髮 &lt;b&gt;粗體&lt;/b&gt; &amp; 符號。');
    const items = (xml.parse(rss) as { rss: { channel: { item: { link: string; description: string }[] } } }).rss.channel.item;
    const item = items.find((i) => i.link.endsWith('/b/'))!;
    // One level of entities: readers render the description as HTML and show exactly the text.
    expect(item.description).toBe(
      '摘要b\n更正（2026年11月27日）：乙文第二條更正：頭髮 &lt;b&gt;粗體&lt;/b&gt; &amp; 符號。\n更正（2026年11月21日）：乙文第一條更正。',
    );
    expect(items.find((i) => i.link.endsWith('/d/'))!.description).toBe('摘要d');
  });

  it('Atom updated and JSON Feed date_modified are dateModified', () => {
    const atom = renderFeed('atom', { kind: 'locale', locale: 'zh-Hans' }, published);
    const entries = (xml.parse(atom) as { feed: { updated: string; entry: { id: string; updated: string; published: string }[] } }).feed;
    expect(entries.updated).toBe('2026-11-27T02:00:00.000Z');
    expect(entries.entry.find((e) => e.id.endsWith('/a/'))?.updated).toBe('2026-11-26T02:00:00.000Z');
    expect(entries.entry.find((e) => e.id.endsWith('/d/'))?.updated).toBe('2026-11-05T02:00:00.000Z');
    const json = JSON.parse(renderFeed('json', { kind: 'locale', locale: 'zh-Hant' }, published)) as {
      items: { id: string; date_modified: string }[];
    };
    expect(json.items.find((i) => i.id.endsWith('/b/'))?.date_modified).toBe('2026-11-27T02:00:00.000Z');
  });
});

/**
 * The bad-input catalogue: every kind of bad input the issue names, as rows of one table over a
 * `source` dimension. Each row is one test (tests/unit/bad-input.test.ts). Today the local Markdown
 * source has rows; the Sanity source adds its rows (input: documents) with the same ids.
 */
export type SourceKind = 'local';

/** Files of a content folder, relative to it (`articles/a.md`, `authors.yaml`). */
export type LocalFiles = Record<string, string | Uint8Array>;

export type Expectation =
  /** Refused: an error naming the file or document (`where` ends with it), the field and the fix. */
  | { outcome: 'error'; where: string; field: string; message: RegExp }
  /** Accepted as if it were clean: the article equals the one from `same`. */
  | { outcome: 'accepted'; same: LocalFiles }
  /** Accepted, unsafe parts removed, with a warning naming them. */
  | { outcome: 'sanitized'; warning: RegExp };

export interface BadInputCase {
  id: string;
  /** The wording. */
  label: string;
  source: SourceKind;
  input: LocalFiles;
  expect: Expectation;
}

export const AUTHORS_YAML = '- slug: zhang-san\n  name: 张三\n';
export const CATEGORIES_YAML = '- slug: technology\n  name: 科技\n- slug: finance\n  name: 财经\n  riskNotice: true\n';

export const GOOD_FIELDS: Record<string, unknown> = {
  title: '测试标题',
  summary: '测试摘要。',
  publishedAt: '2026-11-20T10:30:00+08:00',
  authors: ['zhang-san'],
  category: 'technology',
  sourceLocale: 'zh-Hans',
  origin: 'original',
};

/** A Markdown article with these front matter fields (JSON values are valid YAML). */
export function markdown(fields: Record<string, unknown>, body = '正文第一段。\n\n正文第二段。'): string {
  const yaml = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
}

const article = (fields: Record<string, unknown>, body?: string) => ({ 'articles/news.md': markdown({ ...GOOD_FIELDS, ...fields }, body) });
const plain = article({});

export const BAD_INPUT: readonly BadInputCase[] = [
  {
    id: 'malformed-yaml',
    label: 'malformed YAML',
    source: 'local',
    input: { 'articles/news.md': '---\ntitle: [没有闭合\nsummary: 摘要\n---\n正文' },
    expect: { outcome: 'error', where: 'articles/news.md', field: '(front matter)', message: /malformed YAML/ },
  },
  {
    id: 'malformed-yaml-taxonomy',
    label: 'malformed YAML (authors.yaml)',
    source: 'local',
    input: { ...plain, 'authors.yaml': '- slug: zhang-san\n  name: [张三\n' },
    expect: { outcome: 'error', where: 'authors.yaml', field: '(file)', message: /malformed YAML/ },
  },
  {
    id: 'missing-field',
    label: 'missing required field',
    source: 'local',
    input: article({ summary: undefined }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'summary', message: /summary is required/ },
  },
  {
    id: 'mistyped-field',
    label: 'mistyped field',
    source: 'local',
    input: article({ draft: 'yes' }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'draft', message: /draft must be true or false/ },
  },
  {
    id: 'invalid-date',
    label: 'invalid date',
    source: 'local',
    input: article({ publishedAt: '2026-02-30T10:00:00+08:00' }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'publishedAt', message: /ISO 8601 date-time .*got "2026-02-30/ },
  },
  {
    id: 'duplicate-slug',
    label: 'duplicate slug',
    source: 'local',
    input: { 'articles/a.md': markdown({ ...GOOD_FIELDS, slug: 'same' }), 'articles/b.md': markdown({ ...GOOD_FIELDS, slug: 'same' }) },
    expect: { outcome: 'error', where: 'articles/b.md', field: 'slug', message: /"same" is already used by .*articles\/a\.md; choose another slug/ },
  },
  {
    id: 'unknown-category',
    label: 'unknown category',
    source: 'local',
    input: article({ category: 'sports' }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'category', message: /unknown category "sports"; add it to .*categories\.yaml/ },
  },
  {
    id: 'unknown-author',
    label: 'unknown author',
    source: 'local',
    input: article({ authors: ['zhang-san', 'wang-wu'] }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'authors.1', message: /unknown author "wang-wu"; add it to .*authors\.yaml/ },
  },
  {
    id: 'reprint-without-source',
    label: 'reprint without a source URL',
    source: 'local',
    input: article({ origin: 'reprint', source: { name: '某某日报' } }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'source.url', message: /http\(s\) URL/ },
  },
  {
    id: 'broken-image',
    label: 'broken image reference (lead image)',
    source: 'local',
    input: article({ image: { src: '/images/no-such-photo.jpg', alt: '会场' } }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'image.src', message: /not found: add the file public\/images\/no-such-photo\.jpg/ },
  },
  {
    id: 'broken-image-body',
    label: 'broken image reference (body)',
    source: 'local',
    input: article({}, '第一段。\n\n![会场](/images/no-such-photo.jpg)\n'),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'body (line 3)', message: /not found/ },
  },
  {
    id: 'empty-body',
    label: 'empty body',
    source: 'local',
    input: article({}, '  \n\n'),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'body', message: /body must not be empty/ },
  },
  {
    id: 'long-title',
    label: 'an extremely long title',
    source: 'local',
    input: article({ title: '很长的标题'.repeat(2000) }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'title', message: /longer than 120 characters; shorten the headline/ },
  },
  {
    id: 'invalid-utf8',
    label: 'invalid UTF-8',
    source: 'local',
    // "标题" in GBK: what an editor's old Windows tool saves.
    input: { 'articles/news.md': new Uint8Array([...Buffer.from('---\ntitle: '), 0xb1, 0xea, 0xcc, 0xe2, ...Buffer.from('\n---\n')]) },
    expect: { outcome: 'error', where: 'articles/news.md', field: '(file)', message: /not valid UTF-8; save it as UTF-8/ },
  },
  {
    id: 'bom',
    label: 'a BOM',
    source: 'local',
    input: { 'articles/news.md': `\uFEFF${plain['articles/news.md']}` },
    expect: { outcome: 'accepted', same: plain },
  },
  {
    id: 'crlf',
    label: 'CRLF line ends',
    source: 'local',
    input: { 'articles/news.md': plain['articles/news.md'].replace(/\n/g, '\r\n') },
    expect: { outcome: 'accepted', same: plain },
  },
  {
    id: 'mojibake-field',
    label: 'a mojibake run (title)',
    source: 'local',
    input: article({ title: '勇\uFFFD第一方陣的使命' }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'title', message: /mojibake at character 2: replacement character U\+FFFD/ },
  },
  {
    id: 'mojibake-body',
    label: 'a mojibake run (body)',
    source: 'local',
    // The seed report's run: GBK bytes read one byte off.
    input: article({}, '第一段。\n\n勇?lián)\uE304谝环疥嚨氖姑?全力'),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'body', message: /mojibake at line 3, column 8: private-use character/ },
  },
  {
    id: 'raw-html',
    label: 'raw HTML (unsafe, not an error)',
    source: 'local',
    input: article({}, '第一段。\n\n<img src="https://example.com/x.png" alt="x" onerror="alert(1)">\n\n<script>alert(1)</script>\n'),
    expect: { outcome: 'sanitized', warning: /onError attribute on <img>[\s\S]*<script> element/ },
  },
];

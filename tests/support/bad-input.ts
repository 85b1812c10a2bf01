/**
 * The bad-input catalogue: every kind of bad input the issue names, as rows of one table over a
 * `source` dimension. Each row is one test: the local Markdown source's rows in
 * tests/unit/bad-input.test.ts, the Sanity source's rows (input: documents as the dataset holds them,
 * served by the local lake and read with the real @sanity/client) in tests/unit/bad-input-sanity.test.ts.
 * Rows of the same kind share their id.
 */
export type SourceKind = 'local' | 'sanity';

/** Files of a content folder, relative to it (`articles/a.md`, `authors.yaml`). */
export type LocalFiles = Record<string, string | Uint8Array>;

/** A document as a Sanity dataset holds it (references by `_ref`, Portable Text body). */
export type SanityDoc = Record<string, unknown> & { _id: string; _type: string };

export interface SanityInput {
  /** Article documents added to the sample dataset's authors, categories and image asset. */
  documents?: SanityDoc[];
  /** The dataset file itself instead (NDJSON bytes): what the lake must refuse before any query. */
  ndjson?: string | Uint8Array;
  /** The perspective of the read; `drafts` reads with the token, as `npm run build:preview` does. */
  perspective?: 'published' | 'drafts';
}

export type Expectation<Input = LocalFiles> =
  /** Refused: an error naming the file or document (`where` ends with it), the field and the fix. */
  | { outcome: 'error'; where: string; field: string; message: RegExp }
  /** Accepted as if it were clean: the article equals the one from `same`. */
  | { outcome: 'accepted'; same: Input }
  /** Accepted, unsafe parts removed, with a warning naming them. */
  | { outcome: 'sanitized'; warning: RegExp };

interface CaseOf<S extends SourceKind, Input> {
  id: string;
  /** The wording. */
  label: string;
  source: S;
  input: Input;
  expect: Expectation<Input>;
}
export type LocalCase = CaseOf<'local', LocalFiles>;
export type SanityCase = CaseOf<'sanity', SanityInput>;
export type BadInputCase = LocalCase | SanityCase;

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

const LOCAL_CASES: readonly LocalCase[] = [
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
    expect: {
      outcome: 'error',
      where: 'articles/news.md',
      field: 'image.src',
      message: /not found: add the file public\/images\/no-such-photo\.jpg/,
    },
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
    id: 'long-tag',
    label: 'an extremely long tag (over 60 characters)',
    source: 'local',
    input: article({ tags: ['正常', '很长的标签'.repeat(20)] }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'tags.1', message: /a tag is longer than 60 characters/ },
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
    id: 'control-character-body',
    label: 'a control character (body: file line and column)',
    source: 'local',
    // Front matter of 7 fields: the body starts on line 11 of the file.
    input: article({}, '第一段。\n\n第二\u0001段。'),
    expect: {
      outcome: 'error',
      where: 'articles/news.md',
      field: 'body',
      message: /U\+0001 \(control character\) at line 13, column 3 of the file; .*delete it/,
    },
  },
  {
    id: 'control-character-field',
    label: 'a control character (title: character offset)',
    source: 'local',
    input: article({ title: '测试\u0007标题' }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'title', message: /U\+0007 \(control character\) at character 3; / },
  },
  {
    id: 'noncharacter',
    label: 'a noncharacter (U+FFFE in the summary)',
    source: 'local',
    input: article({ summary: '摘要\uFFFE。' }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'summary', message: /U\+FFFE \(noncharacter\) at character 3/ },
  },
  {
    id: 'lone-surrogate',
    label: 'a lone surrogate (a tag, written as a YAML escape)',
    source: 'local',
    input: article({ tags: ['正常', '半个\uD83D'] }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'tags.1', message: /U\+D83D \(lone surrogate\) at character 3/ },
  },
  {
    id: 'control-character-name',
    label: 'a control character (an author name in authors.yaml)',
    source: 'local',
    input: { ...plain, 'authors.yaml': '- slug: zhang-san\n  name: "张\\u001B三"\n' },
    expect: { outcome: 'error', where: 'articles/news.md', field: 'authors.0.name', message: /U\+001B \(control character\) at character 2/ },
  },
  {
    id: 'lost-text',
    label: 'text the sanitizer would remove (an unclosed <math>: file line)',
    source: 'local',
    input: article({}, '第一段。\n\n行内 <math> 之后的文字。\n\n后文。'),
    expect: {
      outcome: 'error',
      where: 'articles/news.md',
      field: 'body',
      message: /at line 13 of the file: <math> would take 6 character\(s\) of text with it when sanitized \("之后的文字。…"\): close the tag/,
    },
  },
  {
    id: 'correction-before-publication',
    label: 'a correction dated before publication',
    source: 'local',
    input: article({ corrections: [{ date: '2026-11-19T10:30:00+08:00', text: '更正。' }] }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'corrections.0.date', message: /cannot be dated before publishedAt/ },
  },
  {
    id: 'correction-empty-text',
    label: 'a correction without text',
    source: 'local',
    input: article({ corrections: [{ date: '2026-11-21T10:30:00+08:00', text: ' ' }] }),
    expect: { outcome: 'error', where: 'articles/news.md', field: 'corrections.0.text', message: /corrections\.text must not be empty/ },
  },
  {
    id: 'author-photo-missing',
    label: 'an author photo whose file is missing',
    source: 'local',
    input: { ...plain, 'authors.yaml': '- slug: zhang-san\n  name: 张三\n  photo: { src: /images/authors/zhang-san.png, alt: 张三的头像 }\n' },
    expect: { outcome: 'error', where: 'authors.yaml', field: '[0].photo.src', message: /image "\/images\/authors\/zhang-san\.png" not found/ },
  },
  {
    id: 'srcset-javascript',
    label: 'a javascript: candidate in srcset (unsafe, not an error)',
    source: 'local',
    input: article({}, '第一段。\n\n<img src="https://example.com/x.png" alt="x" srcset="https://example.com/x.png 1x, javascript:alert(1) 2x">\n'),
    expect: { outcome: 'sanitized', warning: /line 3: srcset candidate "javascript:alert\(1\)" on <img>/ },
  },
  {
    id: 'raw-html',
    label: 'raw HTML (unsafe, not an error)',
    source: 'local',
    input: article({}, '第一段。\n\n<img src="https://example.com/x.png" alt="x" onerror="alert(1)">\n\n<script>alert(1)</script>\n'),
    expect: { outcome: 'sanitized', warning: /onError attribute on <img>[\s\S]*<script> element/ },
  },
];

/** A Portable Text paragraph of one span. */
export const paragraph = (key: string, text: string, marks: string[] = [], markDefs: Record<string, unknown>[] = []) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs,
  children: [{ _type: 'span', _key: 's1', text, marks }],
});

/** A valid article document referring to the sample dataset's author and category. */
export const GOOD_DOC: SanityDoc = {
  _id: 'article.news',
  _type: 'article',
  title: '测试标题',
  slug: { _type: 'slug', current: 'news' },
  summary: '测试摘要。',
  body: [paragraph('p1', '正文第一段。'), paragraph('p2', '正文第二段。')],
  publishedAt: '2026-11-20T10:30:00+08:00',
  authors: [{ _type: 'reference', _ref: 'author.tongbao-desk', _key: 'a1' }],
  category: { _type: 'reference', _ref: 'category.technology' },
  tags: [],
  sourceLocale: 'zh-Hans',
  origin: 'original',
  riskNotice: false,
};

/** GOOD_DOC with these fields (undefined removes one). */
const doc = (fields: Record<string, unknown>, id = 'article.news'): SanityDoc =>
  Object.fromEntries(Object.entries({ ...GOOD_DOC, _id: id, ...fields }).filter(([, v]) => v !== undefined)) as SanityDoc;
const docs = (fields: Record<string, unknown>): SanityInput => ({ documents: [doc(fields)] });
const MISSING_ASSET = 'image-0000000000000000000000000000000000000000-640x480-jpg';
const NEWS = 'Sanity document article.news';

/** One line of the dataset file as `sanity dataset export` writes it. */
const ndjsonLine = (d: SanityDoc) => `${JSON.stringify(d)}\n`;

/**
 * The Sanity rows. Not applicable: malformed YAML (there is none: documents are JSON). Invalid UTF-8
 * cannot reach a document (the API answers JSON, which is UTF-8), so that row is a dataset file with
 * GBK bytes, refused by the lake's loader by line, as is a malformed NDJSON line.
 */
const SANITY_CASES: readonly SanityCase[] = [
  {
    id: 'missing-field',
    label: 'missing required field',
    source: 'sanity',
    input: docs({ summary: undefined }),
    expect: { outcome: 'error', where: NEWS, field: 'summary', message: /summary is required/ },
  },
  {
    id: 'correction-before-publication',
    label: 'a correction dated before publication',
    source: 'sanity',
    input: docs({ corrections: [{ _type: 'correction', _key: 'c1', date: '2026-11-19T02:30:00Z', text: '更正。' }] }),
    expect: { outcome: 'error', where: NEWS, field: 'corrections.0.date', message: /cannot be dated before publishedAt/ },
  },
  {
    id: 'correction-empty-text',
    label: 'a correction without text',
    source: 'sanity',
    input: docs({ corrections: [{ _type: 'correction', _key: 'c1', date: '2026-11-21T02:30:00Z', text: ' ' }] }),
    expect: { outcome: 'error', where: NEWS, field: 'corrections.0.text', message: /corrections\.text must not be empty/ },
  },
  {
    id: 'author-photo-missing',
    label: 'an author photo whose asset is missing',
    source: 'sanity',
    input: {
      documents: [
        doc({ authors: [{ _type: 'reference', _ref: 'author.zhang-san', _key: 'a1' }] }),
        {
          _id: 'author.zhang-san',
          _type: 'author',
          name: '张三',
          slug: { _type: 'slug', current: 'zhang-san' },
          nameLocale: 'zh-Hans',
          photo: { _type: 'image', asset: { _type: 'reference', _ref: MISSING_ASSET }, alt: '张三的头像' },
        },
      ],
    },
    expect: { outcome: 'error', where: NEWS, field: 'authors[0].photo.asset', message: /refers to the image asset .* which is not in the dataset/ },
  },
  {
    id: 'mistyped-field',
    label: 'mistyped field',
    source: 'sanity',
    input: docs({ riskNotice: 'yes' }),
    expect: { outcome: 'error', where: NEWS, field: 'riskNotice', message: /riskNotice must be true or false/ },
  },
  {
    id: 'mistyped-field-title',
    label: 'mistyped field (a number for the title)',
    source: 'sanity',
    input: docs({ title: 2026 }),
    expect: { outcome: 'error', where: NEWS, field: 'title', message: /title is required and must be text/ },
  },
  {
    id: 'invalid-date',
    label: 'invalid date',
    source: 'sanity',
    input: docs({ publishedAt: '2026-02-30T10:00:00+08:00' }),
    expect: { outcome: 'error', where: NEWS, field: 'publishedAt', message: /ISO 8601 date-time .*got "2026-02-30/ },
  },
  {
    id: 'duplicate-slug',
    label: 'duplicate slug',
    source: 'sanity',
    input: {
      documents: [doc({ slug: { _type: 'slug', current: 'same' } }, 'article.a'), doc({ slug: { _type: 'slug', current: 'same' } }, 'article.b')],
    },
    expect: {
      outcome: 'error',
      where: 'Sanity document article.b',
      field: 'slug',
      message: /"same" is already used by article\.a; give one of them another slug/,
    },
  },
  {
    id: 'unknown-category',
    label: 'unknown category (a reference to a deleted or unpublished document)',
    source: 'sanity',
    input: docs({ category: { _type: 'reference', _ref: 'category.sports' } }),
    expect: {
      outcome: 'error',
      where: NEWS,
      field: 'category',
      message: /refers to category\.sports, which does not exist or is not published; publish that category or choose another/,
    },
  },
  {
    id: 'unknown-author',
    label: 'unknown author (a reference to a deleted or unpublished document)',
    source: 'sanity',
    input: docs({
      authors: [
        { _type: 'reference', _ref: 'author.tongbao-desk', _key: 'a1' },
        { _type: 'reference', _ref: 'author.wang-wu', _key: 'a2' },
      ],
    }),
    expect: {
      outcome: 'error',
      where: NEWS,
      field: 'authors[1]',
      message: /refers to author\.wang-wu, which does not exist or is not published; publish that author or choose another/,
    },
  },
  {
    id: 'reprint-without-source',
    label: 'reprint without a source URL',
    source: 'sanity',
    input: docs({ origin: 'reprint', source: { name: '某某日报' } }),
    expect: { outcome: 'error', where: NEWS, field: 'source.url', message: /http\(s\) URL/ },
  },
  {
    id: 'broken-image',
    label: 'broken image reference (main image, asset missing)',
    source: 'sanity',
    input: docs({ mainImage: { _type: 'image', alt: '会场', asset: { _type: 'reference', _ref: MISSING_ASSET } } }),
    expect: {
      outcome: 'error',
      where: NEWS,
      field: 'mainImage.asset',
      message: new RegExp(`refers to the image asset ${MISSING_ASSET}, which is not in the dataset; upload the image again`),
    },
  },
  {
    id: 'broken-image-body',
    label: 'broken image reference (body, asset missing)',
    source: 'sanity',
    input: docs({
      body: [paragraph('p1', '第一段。'), { _type: 'image', _key: 'img1', alt: '会场', asset: { _type: 'reference', _ref: MISSING_ASSET } }],
    }),
    expect: {
      outcome: 'error',
      where: NEWS,
      field: 'body[_key=="img1"].asset',
      message: /which is not in the dataset; upload the image again or remove the block/,
    },
  },
  {
    id: 'empty-body',
    label: 'empty body (no blocks)',
    source: 'sanity',
    input: docs({ body: [] }),
    expect: { outcome: 'error', where: NEWS, field: 'body', message: /body must not be empty/ },
  },
  {
    id: 'empty-body-blocks',
    label: 'empty body (blocks with no text)',
    source: 'sanity',
    input: docs({ body: [paragraph('p1', ''), paragraph('p2', ' \n ')] }),
    expect: {
      outcome: 'error',
      where: NEWS,
      field: 'body',
      message: /body must not be empty: its blocks hold no text; write the article or delete the document/,
    },
  },
  {
    id: 'long-title',
    label: 'an extremely long title',
    source: 'sanity',
    input: docs({ title: '很长的标题'.repeat(2000) }),
    expect: { outcome: 'error', where: NEWS, field: 'title', message: /longer than 120 characters; shorten the headline/ },
  },
  {
    id: 'long-tag',
    label: 'an extremely long tag (over 60 characters)',
    source: 'sanity',
    input: docs({ tags: ['正常', '很长的标签'.repeat(20)] }),
    expect: { outcome: 'error', where: NEWS, field: 'tags.1', message: /a tag is longer than 60 characters/ },
  },
  {
    id: 'invalid-utf8',
    label: 'invalid UTF-8 (a dataset file: a document from the API is JSON, always UTF-8)',
    source: 'sanity',
    // "标题" in GBK inside the third line.
    input: {
      ndjson: new Uint8Array([
        ...Buffer.from(`${ndjsonLine(GOOD_DOC)}${ndjsonLine(doc({}, 'article.b'))}{"_id":"article.c","_type":"article","title":"`),
        0xb1,
        0xea,
        0xcc,
        0xe2,
        ...Buffer.from('"}\n'),
      ]),
    },
    expect: { outcome: 'error', where: 'dataset.ndjson:3', field: '(line)', message: /not valid UTF-8; a dataset is UTF-8 JSON: export it again/ },
  },
  {
    id: 'malformed-ndjson',
    label: 'a malformed dataset NDJSON line',
    source: 'sanity',
    input: { ndjson: `${ndjsonLine(GOOD_DOC)}{"_id":"article.cut","_type":"article","title":"截断\n` },
    expect: {
      outcome: 'error',
      where: 'dataset.ndjson:2',
      field: '(line)',
      message: /not JSON \(.*\); each line must be one whole document: fix or remove that line/,
    },
  },
  {
    id: 'bom',
    label: 'a BOM (U+FEFF pasted at the start of strings)',
    source: 'sanity',
    input: docs({
      title: '\uFEFF测试标题',
      summary: '\uFEFF测试摘要。',
      body: [paragraph('p1', '\uFEFF正文第一段。'), paragraph('p2', '正文第二段。')],
    }),
    expect: { outcome: 'accepted', same: docs({}) },
  },
  {
    id: 'crlf',
    label: 'CRLF line ends inside strings',
    source: 'sanity',
    input: docs({ summary: '测试摘要。\r\n', body: [paragraph('p1', '正文第一段，\r\n换行。'), paragraph('p2', '正文第二段。\r\n')] }),
    expect: { outcome: 'accepted', same: docs({ body: [paragraph('p1', '正文第一段，\n换行。'), paragraph('p2', '正文第二段。\n')] }) },
  },
  {
    id: 'mojibake-field',
    label: 'a mojibake run (title)',
    source: 'sanity',
    input: docs({ title: '勇\uFFFD第一方陣的使命' }),
    expect: { outcome: 'error', where: NEWS, field: 'title', message: /mojibake at character 2: replacement character U\+FFFD/ },
  },
  {
    id: 'mojibake-body',
    label: 'a mojibake run (Portable Text span)',
    source: 'sanity',
    input: docs({ body: [paragraph('p1', '第一段。'), paragraph('p2', '勇?lián)\uE304谝环疥嚨氖姑?全力')] }),
    expect: {
      outcome: 'error',
      where: NEWS,
      field: 'body[_key=="p2"].children[_key=="s1"].text',
      message: /mojibake at character 8: private-use character/,
    },
  },
  {
    id: 'control-character-field',
    label: 'a control character (title: character offset)',
    source: 'sanity',
    input: docs({ title: '测试\u0008标题' }),
    expect: { outcome: 'error', where: NEWS, field: 'title', message: /U\+0008 \(control character\) at character 3; / },
  },
  {
    id: 'control-character-body',
    label: 'a control character (Portable Text span: block and span key, character offset)',
    source: 'sanity',
    input: docs({ body: [paragraph('p1', '第一段。'), paragraph('p2', '第二段\u0001。')] }),
    expect: {
      outcome: 'error',
      where: NEWS,
      field: 'body[_key=="p2"].children[_key=="s1"].text',
      message: /U\+0001 \(control character\) at character 4/,
    },
  },
  {
    id: 'noncharacter',
    label: 'a noncharacter (U+FFFF in the summary)',
    source: 'sanity',
    input: docs({ summary: '摘要\uFFFF。' }),
    expect: { outcome: 'error', where: NEWS, field: 'summary', message: /U\+FFFF \(noncharacter\) at character 3/ },
  },
  {
    id: 'control-character-name',
    label: 'a control character (an author name, through the resolved reference)',
    source: 'sanity',
    input: {
      documents: [
        { _id: 'author.bad', _type: 'author', name: '张\u001B三', slug: { _type: 'slug', current: 'bad' }, nameLocale: 'zh-Hans' },
        doc({ authors: [{ _type: 'reference', _ref: 'author.bad', _key: 'a1' }] }),
      ],
    },
    expect: { outcome: 'error', where: NEWS, field: 'authors[0].name', message: /U\+001B \(control character\) at character 2/ },
  },
  {
    id: 'lone-surrogate',
    label: 'a lone surrogate (source name)',
    source: 'sanity',
    input: docs({ body: [paragraph('p1', '第一段。'), paragraph('p2', '第二段。')], source: { name: '日报\uDC00', url: 'https://example.com/' } }),
    expect: { outcome: 'error', where: NEWS, field: 'source.name', message: /U\+DC00 \(lone surrogate\) at character 3/ },
  },
  {
    id: 'draft',
    label: 'a bad draft (drafts perspective: named by its draft id)',
    source: 'sanity',
    input: { documents: [GOOD_DOC, doc({ summary: undefined }, 'drafts.article.news')], perspective: 'drafts' },
    expect: { outcome: 'error', where: 'Sanity document article.news (draft drafts.article.news)', field: 'summary', message: /summary is required/ },
  },
];

export const BAD_INPUT: readonly BadInputCase[] = [...LOCAL_CASES, ...SANITY_CASES];

/**
 * The site glossary wherever it is kept: the same rules for content/glossary.yaml and the Sanity document
 * siteGlossary (src/zh/glossary-core.ts), the document's errors naming its fields as the Studio does
 * (src/sources/sanity/to-glossary.ts), and which entries an article carries (src/zh/article-overrides.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import type { SITE_GLOSSARY_QUERY_RESULT } from '../../src/sources/sanity/sanity.types.ts';
import { toSiteGlossary } from '../../src/sources/sanity/to-glossary.ts';
import { withSiteGlossary } from '../../src/zh/article-overrides.ts';
import { entriesIn, fromSanityEntry, parseSiteGlossary } from '../../src/zh/glossary-core.ts';
import type { GlossaryEntry } from '../../src/zh/overrides.ts';
import { ContentError, readLocalContent } from '../../src/sources/local/files.ts';
import { GOOD_FIELDS, markdown } from '../support/bad-input.ts';
import { contentFolder, loadLocalArticles } from '../support/content.ts';

const doc = (entries: unknown[]) =>
  ({ _id: 'siteGlossary', _originalId: null, _type: 'siteGlossary', entries }) as unknown as SITE_GLOSSARY_QUERY_RESULT;
const entry = (key: string, fields: Record<string, unknown>) => ({
  _key: key,
  _type: 'siteGlossaryEntry',
  term: null,
  zhHans: null,
  zhHant: null,
  zhHantHK: null,
  note: null,
  ...fields,
});

describe('the Sanity document siteGlossary', () => {
  it('gives the entries the same YAML gives', () => {
    const yaml = '- term: 云计算\n  zh-Hant: 雲端運算\n  zh-Hant-HK: 雲計算\n  note: why\n- term: 鲁迅\n';
    const fromSanity = toSiteGlossary(
      doc([entry('a', { term: '云计算', zhHant: '雲端運算', zhHantHK: '雲計算', note: 'why' }), entry('b', { term: '鲁迅' })]),
    );
    expect(fromSanity).toEqual(parseSiteGlossary(yaml, 'glossary.yaml'));
    expect(fromSanity).toEqual([
      { term: '云计算', forms: { 'zh-Hant': '雲端運算', 'zh-Hant-HK': '雲計算' } },
      { term: '鲁迅', forms: {} },
    ]);
  });

  it('none when the dataset has no such document', () => {
    expect(toSiteGlossary(null)).toEqual([]);
    expect(toSiteGlossary(doc([]))).toEqual([]);
  });

  it('a bad entry: the document, the entry by _key, the Studio field and the term', () => {
    const bad = () =>
      toSiteGlossary(
        doc([entry('k1', { term: '云计算' }), entry('k2', { term: '软件', zhHant: ' ' }), entry('k3', { term: '云计算' }), entry('k4', {})]),
      );
    expect(bad).toThrow(/^\[tongbao\] Sanity document siteGlossary: invalid site glossary/);
    expect(bad).toThrow('entries[_key=="k2"].zhHant ("软件"): must not be empty');
    expect(bad).toThrow('entries[_key=="k3"].term ("云计算"): "云计算" is already entry 1; keep one');
    expect(bad).toThrow(/entries\[_key=="k4"\]\.term: /);
  });

  it('a field the file does not know is refused, not dropped', () => {
    expect(fromSanityEntry({ _key: 'k', _type: 't', term: '甲', zhHantHK: '乙', extra: 1, note: null })).toEqual({
      term: '甲',
      'zh-Hant-HK': '乙',
      extra: 1,
    });
    expect(() => toSiteGlossary(doc([{ _key: 'k1', term: '甲', colour: 'red' }]))).toThrow(/entries\[_key=="k1"\].*colour.*unknown field/s);
  });

  it('a document of another shape names the field', () => {
    expect(() => toSiteGlossary({ ...doc([]), entries: 'x' } as unknown as SITE_GLOSSARY_QUERY_RESULT)).toThrow(/entries: must be a list of entries/);
  });
});

describe('the entries an article carries', () => {
  const glossary: GlossaryEntry[] = [
    { term: '云计算', forms: { 'zh-Hant': '雲端運算' } },
    { term: '主线', forms: { 'zh-Hant': '主軸' } },
    { term: '鲁迅', forms: {} },
    { term: '軟體', forms: { 'zh-Hans': '软件', 'zh-Hant': '軟體' } },
  ];

  it('by the term or its form in the source script, found in any converted text', () => {
    expect(entriesIn(glossary, ['关注三条主线'], 'zh-Hans').map((e) => e.term)).toEqual(['主线']);
    expect(entriesIn(glossary, ['标题', '正文里的云计算'], 'zh-Hans').map((e) => e.term)).toEqual(['云计算']);
    expect(entriesIn(glossary, ['新的软件'], 'zh-Hans').map((e) => e.term)).toEqual(['軟體']);
    expect(entriesIn(glossary, ['什么都没有'], 'zh-Hans')).toEqual([]);
  });

  it('every entry when a Markdown body holds a character reference (a term may be spelled with one)', async () => {
    const [sample] = await loadLocalArticles();
    const { siteGlossary: _carried, ...article } = sample!;
    expect(withSiteGlossary({ ...article, body: '&#x4e91;计算' }, glossary).siteGlossary).toEqual(glossary);
    expect(withSiteGlossary({ ...article, title: '云计算', body: '正文。' }, glossary).siteGlossary).toEqual([glossary[0]]);
    // Portable Text is not decoded: its text is taken as written.
    const pt = [
      { _type: 'block', _key: 'b', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's', text: '&#x4e91;计算与主线', marks: [] }] },
    ];
    expect(withSiteGlossary({ ...article, title: '标题', summary: '摘要', tags: [], body: pt } as Article, glossary).siteGlossary).toEqual([
      glossary[1],
    ]);
  });

  it('the samples: only the article that writes 通报 carries the entry, and no article carries an entry it lacks', async () => {
    const articles = await loadLocalArticles();
    const carrying = articles.filter((a: Article) => a.siteGlossary?.some((e) => e.term === '通报')).map((a) => a.slug);
    expect(carrying).toEqual(['one-source-two-scripts']);
    for (const a of articles) {
      const { siteGlossary: carried, ...without } = a;
      const again = withSiteGlossary(without, [...(carried ?? []), { term: '不存在的词', forms: {} }]);
      expect(again.siteGlossary).toEqual(a.siteGlossary);
    }
  });

  it('from content/: glossary.yaml read with the articles, each carrying its entries; front matter cannot set them', async () => {
    const body = '关注三条主线。';
    const { root } = contentFolder({
      'glossary.yaml': '- term: 主线\n  zh-Hant: 主軸\n- term: 云计算\n  zh-Hant: 雲端運算\n',
      'articles/a.md': markdown(GOOD_FIELDS, body),
      'articles/b.md': markdown({ ...GOOD_FIELDS, title: '云计算' }),
    });
    const { articles, glossary } = await readLocalContent(root, 'content');
    expect(glossary.map((e) => e.term)).toEqual(['主线', '云计算']);
    expect(Object.fromEntries(articles.map(({ article }) => [article.slug, article.siteGlossary?.map((e) => e.term)]))).toEqual({
      a: ['主线'],
      b: ['云计算'],
    });

    const bad = contentFolder({ 'articles/a.md': markdown({ ...GOOD_FIELDS, siteGlossary: [{ term: '甲', forms: {} }] }) });
    const error = await readLocalContent(bad.root, 'content').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(/siteGlossary/);
  });
});

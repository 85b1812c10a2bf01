/**
 * The conversion pane's model (sanity/components/conversion.ts): the site's own rendering, with the characters
 * OpenCC converted by its single-character fallback marked. With the marks removed, every text and every body is
 * exactly what the site's functions give (src/pipeline/locale-render.ts, src/pipeline/processor.ts), for every
 * article of the sample dataset and every locale a site can publish.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSiteGlossary } from '../../src/zh/glossary-core.ts';
import type { GlossaryEntry } from '../../src/zh/overrides.ts';
import { toSiteGlossary } from '../../src/sources/sanity/to-glossary.ts';
import type { SITE_GLOSSARY_QUERY_RESULT } from '../../src/sources/sanity/sanity.types.ts';
import { localeInfos, type Locale } from '../../src/model/locale.ts';
import { stripMarks } from '../../src/pipeline/ambiguity-marks.ts';
import { bodyOptionsFor, localeConverter } from '../../src/pipeline/locale-render.ts';
import { parseBody, renderTree } from '../../src/pipeline/processor.ts';
import { nameInLocale, protectedNames } from '../../src/zh/article-names.ts';
import { converter } from '../../src/zh/converter.ts';
import { SITE_TEXTS } from '../../src/config/site-texts.ts';
import { conversionModel, type ArticleDocument, type AuthorName, type PaneContext } from '../components/conversion.ts';
import { articleGlossaryOf } from '../schemaTypes/rules/text-rules.ts';

const locales = localeInfos('tw');
const published: Locale[] = ['zh-Hans', 'zh-Hant', 'zh-Hant-HK'];
const context = (authors: AuthorName[] = [], categoryRisk = false, siteGlossary: GlossaryEntry[] = []): PaneContext => ({
  published,
  locales,
  authors,
  categoryRisk,
  siteGlossary,
  imageSrc: (block) => `https://cdn.example/${String((block.asset as { _ref?: string } | undefined)?._ref)}.jpg`,
  canonicalUrl: (locale, slug) => `https://tongbao.example/${locales[locale].segment}/articles/${slug}/`,
});
const block = (text: string) => ({
  _type: 'block',
  _key: 'b1',
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: 's1', text, marks: [] }],
});
const unmark = (html: string) => html.replace(/<mark[^>]*>([^<]*)<\/mark>/g, '$1');

describe('the conversion pane', () => {
  const doc: ArticleDocument = {
    title: '新产品发布会后举行',
    summary: '摘要。',
    sourceLocale: 'zh-Hans',
    origin: 'original',
    slug: { current: 'launch' },
    body: [block('新产品发布会后举行酒会。')],
  };

  it('applies the site glossary it is given, as the build does', () => {
    const cloud = { ...doc, title: '云计算发布会' };
    const glossary: GlossaryEntry[] = [{ term: '云计算', forms: { 'zh-Hant': '雲端運算', 'zh-Hant-HK': '雲計算' } }];
    const withGlossary = conversionModel(cloud, context([], false, glossary)).views;
    expect(unmark(withGlossary.find((v) => v.locale === 'zh-Hant')!.title)).toBe('雲端運算發佈會');
    expect(unmark(withGlossary.find((v) => v.locale === 'zh-Hant-HK')!.title)).toMatch(/^雲計算/);
    const without = conversionModel(cloud, context()).views.find((v) => v.locale === 'zh-Hant')!;
    expect(unmark(without.title)).not.toContain('雲端運算');
  });

  it('marks a character converted by the fallback with its alternatives, in the headline and the body', () => {
    const hant = conversionModel(doc, context()).views.find((v) => v.locale === 'zh-Hant')!;
    expect(stripMarks(hant.title)).toBe('新產品發佈會後舉行');
    expect(hant.choices[0]).toEqual({ char: '后', choice: '後', others: ['后'] });
    expect(hant.title).not.toBe(stripMarks(hant.title));
    expect(hant.bodyHtml).toContain('<mark title="后 → 後 (also: 后)" data-char="后">後</mark>舉行酒會。');
    expect(hant.problem).toBeUndefined();
  });

  it('marks a character the fallback kept as written as kept', () => {
    const hant = conversionModel({ ...doc, body: [block('研究员发表了报告。')] }, context()).views[0]!;
    expect(hant.bodyHtml).toContain('<mark title="了 → 了 (also: 瞭)" data-char="了" data-kept="">了</mark>');
  });

  it('shows every published locale but the source, with the disclaimers', () => {
    const model = conversionModel(doc, context([{ name: '通报编辑部', nameLocale: 'zh-Hans', names: { 'zh-Hant': '通報編輯部' } }]));
    expect(model.views.map((v) => v.locale)).toEqual(['zh-Hant', 'zh-Hant-HK']);
    expect(model.views[0]!.bodyHtml).toContain('原創文章，作者：通報編輯部');
    expect(model.views[0]!.bodyHtml).toContain('https://tongbao.example/zh-hant/articles/launch/');
  });

  it('does not mark what the article glossary fixes', () => {
    const fixed = conversionModel({ ...doc, glossary: [{ zhHans: '会后', zhHant: '會後' }] }, context());
    const hant = fixed.views.find((v) => v.locale === 'zh-Hant')!;
    expect(hant.title).toBe('新產品發佈會後舉行');
    expect(hant.choices).toEqual([]);
    expect(hant.bodyHtml).not.toContain('<mark');
  });

  it('shows the validation’s script warnings', () => {
    expect(conversionModel(doc, context()).warnings).toEqual([]);
    const model = conversionModel({ ...doc, title: '這是繁體標題，写在简体文章里' }, context());
    expect(model.warnings.length).toBeGreaterThan(0);
  });

  it('says why bad override markup cannot be rendered', () => {
    const model = conversionModel({ ...doc, summary: '-{zh-xx:甲}-' }, context());
    expect(model.views[0]!.problem).toMatch(/bad override/);
    expect(model.views[0]!.summary).toBe('-{zh-xx:甲}-');
  });
});

describe('with the marks removed, the pane shows what the site renders', () => {
  const dataset = readFileSync('content/dataset.ndjson', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown> & { _id: string; _type: string });
  const byId = new Map(dataset.map((d) => [d._id, d]));
  // The pane applies the dataset's glossary document (what the Studio fetches), read as the build reads it.
  const siteGlossary = toSiteGlossary(byId.get('siteGlossary') as unknown as SITE_GLOSSARY_QUERY_RESULT);
  const articles = dataset.filter((d) => d._type === 'article');

  it('the dataset holds content/glossary.yaml as the document siteGlossary', () => {
    expect(siteGlossary).toEqual(parseSiteGlossary(readFileSync('content/glossary.yaml', 'utf8'), 'content/glossary.yaml'));
    expect(siteGlossary.length).toBeGreaterThan(0);
  });

  it.each(articles.map((a) => [a._id, a] as const))('%s', (_id, raw) => {
    const doc = raw as unknown as ArticleDocument & { authors: { _ref: string }[]; category: { _ref: string } };
    const authors = doc.authors.map((ref): AuthorName => {
      const a = byId.get(ref._ref) as unknown as { name: string; nameLocale: 'zh-Hans' | 'zh-Hant'; names?: { zhHans?: string; zhHant?: string } };
      return {
        name: a.name,
        nameLocale: a.nameLocale,
        names: { ...(a.names?.zhHans && { 'zh-Hans': a.names.zhHans }), ...(a.names?.zhHant && { 'zh-Hant': a.names.zhHant }) },
      };
    });
    const categoryRisk = (byId.get(doc.category._ref) as { riskNotice?: boolean }).riskNotice === true;
    const ctx = context(authors, categoryRisk, siteGlossary);
    const model = conversionModel(doc, ctx);
    const source = doc.sourceLocale === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
    const nameIn = (a: AuthorName, l: Locale) => nameInLocale(a, l, locales);
    const src = doc.source?.name && doc.source.url ? { name: doc.source.name, url: doc.source.url, author: doc.source.author } : undefined;
    const tree = parseBody(
      (doc.body ?? []).map((b) => {
        if (b._type !== 'image') return b as { _type: string; _key: string };
        const { asset: _asset, ...fields } = b as Record<string, unknown>;
        return { ...fields, _type: 'image', _key: String(b._key), src: ctx.imageSrc(b) ?? '', alt: String(b.alt ?? '') };
      }),
    );
    expect(model.views.length).toBe(2);
    for (const view of model.views) {
      const locale = view.locale;
      const convert = localeConverter(
        converter(locales[source].opencc, locales[locale].opencc),
        {
          sourceLocale: source,
          targetLocale: locale,
          article: articleGlossaryOf(doc, source),
          site: siteGlossary,
          names: protectedNames({ authors, source: src }, nameIn, published),
        },
        locale === 'zh-Hans' ? SITE_TEXTS.typography.quotes['zh-Hans'] : SITE_TEXTS.typography.quotes['zh-Hant'],
      );
      expect(view.problem).toBeUndefined();
      expect(stripMarks(view.title)).toBe(convert(doc.title!));
      expect(stripMarks(view.summary)).toBe(convert(doc.summary!));
      if (doc.mainImage?.alt) expect(stripMarks(view.imageAlt!)).toBe(convert(doc.mainImage.alt));
      const hk = (t: Record<'zh-Hans' | 'zh-Hant', string>) => (locale === 'zh-Hant-HK' ? converter('tw', 'hk')(t['zh-Hant']) : t[locale]);
      const site = renderTree(
        tree,
        bodyOptionsFor(
          convert,
          {
            origin: doc.origin as 'original',
            riskNotice: doc.riskNotice === true,
            categoryRisk,
            authors: authors.map((a) => nameIn(a, locale)),
            source: src,
            canonicalUrl: ctx.canonicalUrl(locale, doc.slug!.current!),
          },
          {
            reprint: hk(SITE_TEXTS.disclaimers.reprint),
            reprintSourceLabel: hk(SITE_TEXTS.disclaimers.reprintSourceLabel),
            original: hk(SITE_TEXTS.disclaimers.original),
            marketRisk: hk(SITE_TEXTS.disclaimers.marketRisk),
            heading: hk(SITE_TEXTS.disclaimers.heading),
          },
        ),
      );
      expect(unmark(view.bodyHtml)).toBe(site);
    }
  });
});

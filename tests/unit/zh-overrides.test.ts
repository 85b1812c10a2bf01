/**
 * Overrides of machine conversion (src/zh/overrides.ts, glossary.ts, article-overrides.ts): every
 * inline form, glossaries, protected names, precedence, bad input, and the classic conversion traps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { localize } from '../../src/lib/localize.ts';
import { loadLocalArticles } from '../support/content.ts';
import { converter } from '../../src/zh/convert.ts';
import { GlossaryError, parseSiteGlossary, siteGlossary } from '../../src/zh/glossary.ts';
import { OverrideError, spansOf, withOverrides, type Overrides } from '../../src/zh/overrides.ts';
import { checkOverrides } from '../../src/zh/article-overrides.ts';

const s2t = converter('cn', 'tw');
const t2s = converter('tw', 'cn');
const toHant = (o: Partial<Overrides> = {}) => withOverrides(s2t, { sourceLocale: 'zh-Hans', targetLocale: 'zh-Hant', ...o });
const keepHans = (o: Partial<Overrides> = {}) => withOverrides((t) => t, { sourceLocale: 'zh-Hans', targetLocale: 'zh-Hans', ...o });

describe('classic traps, converted by phrase', () => {
  test.each([
    ['头发', '頭髮'],
    ['发言人', '發言人'],
    ['干燥', '乾燥'],
    ['干部', '幹部'],
    ['干杯', '乾杯'],
    ['之后', '之後'],
    ['皇后', '皇后'],
    ['台湾', '臺灣'],
    ['台风', '颱風'],
    ['柜台', '櫃檯'],
    ['里程', '里程'],
    ['公里', '公里'],
    ['什么', '什麼'],
  ])('%s → %s', (hans, hant) => {
    expect(toHant()(hans)).toBe(hant);
  });
  test('什麼 never becomes 什幺 on the way back', () => {
    expect(t2s('什麼')).toBe('什么');
    expect(t2s('什麼')).not.toContain('幺');
  });
});

describe('inline markup', () => {
  test('-{text}- is kept as written in every locale, without the markup', () => {
    expect(toHant()('他说-{头发}-很长')).toBe('他說头发很長');
    expect(keepHans()('他说-{头发}-很长')).toBe('他说头发很长');
  });
  test('-{zh-hans:甲;zh-hant:乙}- gives each locale its form', () => {
    const text = '安装-{zh-hans:软件;zh-hant:軟體}-后';
    expect(toHant()(text)).toBe('安裝軟體後');
    expect(keepHans()(text)).toBe('安装软件后');
  });
  test('MediaWiki variant codes map to locales; a missing form is converted from the other', () => {
    expect(toHant()('-{zh-cn:内存;zh-tw:記憶體}-')).toBe('記憶體');
    expect(toHant()('-{zh-hans:内存}-')).toBe('內存');
    expect(withOverrides(t2s, { sourceLocale: 'zh-Hant', targetLocale: 'zh-Hans' })('-{zh-hant:記憶體}-')).toBe('记忆体');
  });
  test('phrases never cross the markup edges', () => {
    // 金发 is an OpenCC phrase (金髮); the override ends before 发.
    expect(toHant()('-{云岭基金}-发布')).toBe('云岭基金發佈');
  });
  test('texts joined with NUL stay separate and keep their NULs', () => {
    expect(toHant()('头发\u0000-{头发}-\u0000发布')).toBe('頭髮\u0000头发\u0000發佈');
  });
  test('bad markup is an error that says what is wrong', () => {
    expect(() => toHant()('-{zh-xx:甲;zh-hant:乙}-')).toThrow(OverrideError);
    expect(() => toHant()('-{zh-xx:甲;zh-hant:乙}-')).toThrow(/zh-xx:甲.*variant/);
    expect(() => toHant()('-{zh-hant:}-')).toThrow(/zh-hant has no text/);
  });
});

describe('glossaries and names', () => {
  const market = '云岭基金发布年末市场展望';
  test('plain OpenCC mangles the name across its edge (the bug this fixes)', () => {
    expect(s2t(market)).toBe('雲嶺基金髮布年末市場展望');
  });
  test('a protected name is converted on its own', () => {
    expect(toHant({ names: [{ term: '云岭基金', forms: {} }] })(market)).toBe('雲嶺基金發佈年末市場展望');
  });
  test('precedence: inline > article > site > names > OpenCC', () => {
    const term = '云计算';
    const site = [{ term, forms: { 'zh-Hant': '雲端運算' } }];
    const article = [{ term, forms: { 'zh-Hant': '雲端計算' } }];
    const names = [{ term, forms: { 'zh-Hant': '名字' } }];
    expect(toHant()(term)).toBe('雲計算');
    expect(toHant({ names })(term)).toBe('名字');
    expect(toHant({ names, site })(term)).toBe('雲端運算');
    expect(toHant({ names, site, article })(term)).toBe('雲端計算');
    expect(toHant({ names, site, article })(`-{zh-hans:云计算;zh-hant:雲運算}-`)).toBe('雲運算');
  });
  test('the leftmost match wins, then the longer term', () => {
    const o = {
      site: [
        { term: '基金', forms: { 'zh-Hant': 'X' } },
        { term: '云岭基金', forms: { 'zh-Hant': 'Y' } },
      ],
    };
    expect(toHant(o)('云岭基金')).toBe('Y');
    expect(spansOf('云岭基金', { sourceLocale: 'zh-Hans', targetLocale: 'zh-Hant', ...o })).toEqual([{ text: 'Y', convert: false }]);
  });
  test('a Traditional form given for the source locale is matched too', () => {
    const o = { site: [{ term: '電腦', forms: { 'zh-Hans': '计算机', 'zh-Hant': '電腦' } }] };
    expect(toHant(o)('计算机')).toBe('電腦');
  });
});

describe('the site glossary file', () => {
  test('content/glossary.yaml is valid', () => {
    expect(siteGlossary(join(import.meta.dirname, '..', '..', 'content')).length).toBeGreaterThan(0);
  });
  test('errors name the file and the entry', () => {
    const bad = '- term: 云计算\n  zh-Hant: 雲端運算\n- term: ""\n- term: 软件\n  zh-Hnat: 軟體\n- term: 云计算\n';
    let message = '';
    try {
      parseSiteGlossary(bad, 'content/glossary.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(GlossaryError);
      message = (error as Error).message;
    }
    expect(message).toContain('[tongbao] content/glossary.yaml: invalid glossary');
    expect(message).toMatch(/entry 2 \(""\): term: must not be empty/);
    expect(message).toMatch(/entry 3 \("软件"\): zh-Hnat: unknown field/);
    expect(message).toMatch(/entry 4 \("云计算"\): term: "云计算" is already entry 1/);
  });
  test('malformed YAML and a non-list are errors naming the file', () => {
    expect(() => parseSiteGlossary('- term: [', 'x/glossary.yaml')).toThrow(/x\/glossary.yaml: malformed YAML/);
    expect(() => parseSiteGlossary('term: 甲', 'x/glossary.yaml')).toThrow(/x\/glossary.yaml: expected a YAML list/);
  });
});

describe('articles', async () => {
  const articles = await loadLocalArticles();
  const market = articles.find((a) => a.slug === 'market-weekly-review')!;
  test('the source name protects 云岭基金 in the zh-Hant title, summary and body', () => {
    const hant = localize(market, 'zh-Hant');
    expect(hant.title).toBe('雲嶺基金發佈年末市場展望：關注科技製造與高股息資產');
    expect(hant.title).not.toContain('髮');
    expect(hant.html).not.toContain('髮');
    expect(hant.html).toContain('雲嶺基金發佈年末市場展望報告');
  });
  test('markup in every field never reaches the output, in any locale', () => {
    const marked = {
      ...market,
      slug: 'marked',
      title: '-{头发}-与-{zh-hans:软件;zh-hant:軟體}-',
      summary: '摘要-{头发}-',
      image: { src: '/x.png', alt: '图-{头发}-', caption: '说明-{zh-hans:甲;zh-hant:乙}-' },
      tags: ['-{头发}-'],
      body: '正文-{头发}-与-{zh-hans:软件;zh-hant:軟體}-，年末\n\n![图-{头发}-](/y.png "题-{头发}-")',
      glossary: { 年末: { 'zh-Hant': '歲末' } },
    };
    for (const locale of ['zh-Hans', 'zh-Hant'] as const) {
      const l = localize(marked, locale);
      const all = JSON.stringify([l.title, l.summary, l.image, l.tags, l.html]);
      expect(all).not.toMatch(/-\{|\}-/);
      expect(l.title).toBe(locale === 'zh-Hans' ? '头发与软件' : '头发與軟體');
      expect(l.html).toContain(locale === 'zh-Hans' ? '正文头发与软件，年末' : '正文头发與軟體，歲末');
      expect(l.image?.caption).toBe(locale === 'zh-Hans' ? '说明甲' : '說明乙');
    }
    expect(localize(marked, 'zh-Hant').html).toContain('歲末');
  });
  test('a malformed override names the article and the field', () => {
    expect(() => checkOverrides({ ...market, summary: '坏-{zh-qq:甲}-' }, 'content/articles/market-weekly-review.md')).toThrow(
      /content\/articles\/market-weekly-review.md: invalid conversion override\n {2}- summary: bad override/,
    );
    expect(() => checkOverrides({ ...market, title: '未闭合-{头发' }, 'x.md')).toThrow(/title: "-\{" without its closing "\}-"/);
  });
  test('the sample site glossary file is what the render cache key reads', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'content', 'glossary.yaml'), 'utf8');
    expect(text).toContain('term:');
  });
});

describe('markup across formatting', () => {
  test('-{…}- around bold or a link keeps the whole as written, and the nodes', () => {
    // The tree's texts joined with NUL: "正文-{", "头发", "}-与头发"
    expect(toHant()('正文-{\u0000头发\u0000}-与头发')).toBe('正文\u0000头发\u0000與頭髮');
  });
  test('the variant form across formatting is an error that says so', () => {
    expect(() => toHant()('-{zh-hans:\u0000软件\u0000;zh-hant:軟體}-')).toThrow(/formatting .* is not supported/);
  });
  test('in a rendered body, -{**粗体**}- never shows its markup', async () => {
    const article = (await loadLocalArticles()).find((a) => a.sourceLocale === 'zh-Hans');
    const l = localize({ ...article!, slug: 'bold-markup', body: '正文-{**头发**}-与[-{链接里}-](https://example.com)头发' }, 'zh-Hant');
    expect(l.html).toContain('正文<strong>头发</strong>與<a href="https://example.com" rel="noopener noreferrer">链接里</a>頭髮');
  });
});

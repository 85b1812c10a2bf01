import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.ts';
import { site } from '../../src/config/site.ts';
import { selectPublished } from '../../src/lib/articles.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { absoluteUrl, localeFromSegment, paths } from '../../src/lib/urls.ts';
import type { Article } from '../../src/model/article.ts';
import { disclaimersFor, type DisclaimerTexts } from '../../src/pipeline/disclaimers.ts';
import { converter } from '../../src/zh/convert.ts';

describe('environment', () => {
  it('falls back to defaults, empty values included', () => {
    const env = parseEnv({ SITE_URL: '', TONGBAO_ZH_HANT_VARIANT: '' });
    expect(env.SITE_URL).toBe('https://tongbao.example');
    expect(env.TONGBAO_ZH_HANT_VARIANT).toBe('tw');
    expect(env.TONGBAO_CONTENT_DIR).toBe('content');
  });
  it('names the bad variable', () => {
    expect(() => parseEnv({ TONGBAO_ZH_HANT_VARIANT: 't' })).toThrow(/TONGBAO_ZH_HANT_VARIANT/);
    expect(() => parseEnv({ SITE_URL: 'ftp://example.com' })).toThrow(/SITE_URL/);
  });
});

describe('urls', () => {
  it('builds every path from one place', () => {
    expect(paths.home('zh-Hant')).toBe('/zh-hant/');
    expect(paths.article('zh-Hans', 'tech-fair')).toBe('/zh-hans/articles/tech-fair/');
    expect(paths.feed('zh-Hans')).toBe('/zh-hans/rss.xml');
    expect(absoluteUrl(paths.home('zh-Hans'))).toBe(`${site.url.replace(/\/$/, '')}/zh-hans/`);
    expect(localeFromSegment('zh-hant')).toBe('zh-Hant');
    expect(localeFromSegment('zh-tw')).toBeUndefined();
  });
});

describe('selectPublished', () => {
  const at = (slug: string, iso: string, draft = false) => ({ slug, publishedAt: new Date(iso), draft }) as unknown as Article;
  it('drops drafts and scheduled articles, newest first', () => {
    const now = new Date('2026-11-26T00:00:00Z');
    const list = [
      at('old', '2023-03-26T01:00:00Z'),
      at('future', '2026-12-01T00:00:00Z'),
      at('draft', '2026-11-25T00:00:00Z', true),
      at('new', '2026-11-25T00:00:00Z'),
    ];
    expect(selectPublished(list, now).map((a) => a.slug)).toEqual(['new', 'old']);
  });
});

describe('dates', () => {
  it('formats in the site time zone', () => {
    // 2023-03-25T18:00Z is already the 26th in Shanghai.
    expect(formatDate(new Date('2023-03-25T18:00:00Z'), 'zh-Hans', 'Asia/Shanghai')).toBe('2023年3月26日');
  });
});

describe('disclaimersFor', () => {
  const texts: DisclaimerTexts = {
    reprint: '转载。',
    reprintSourceLabel: '来源：',
    original: '原创，作者：{author}，出处：{url}',
    marketRisk: '有风险。',
  };
  const base = { riskNotice: false, categoryRisk: false, authors: ['甲', '乙'], canonicalUrl: 'https://x.example/a/' };
  it('gives the reprint notice with its source', () => {
    const d = disclaimersFor({ ...base, origin: 'reprint', source: { name: '某报', url: 'https://s.example/' } }, texts);
    expect(d).toEqual([{ kind: 'reprint', text: '转载。', sourceLabel: '来源：', source: { name: '某报', url: 'https://s.example/' } }]);
  });
  it('fills author and canonical URL into the attribution', () => {
    const d = disclaimersFor({ ...base, origin: 'original' }, texts);
    expect(d).toEqual([{ kind: 'original', before: '原创，作者：甲、乙，出处：', url: 'https://x.example/a/', after: '' }]);
  });
  it('adds the market-risk notice by flag or by category, and nothing for a plain press release', () => {
    expect(disclaimersFor({ ...base, origin: 'press-release' }, texts)).toEqual([]);
    expect(disclaimersFor({ ...base, origin: 'press-release', riskNotice: true }, texts).map((d) => d.kind)).toEqual(['market-risk']);
    expect(disclaimersFor({ ...base, origin: 'original', categoryRisk: true }, texts).map((d) => d.kind)).toEqual(['original', 'market-risk']);
  });
});

describe('converter', () => {
  it('is created once per pair and converts by phrase', () => {
    const toHant = converter('cn', 'tw');
    expect(converter('cn', 'tw')).toBe(toHant);
    expect(toHant('头发和发展')).toBe('頭髮和發展');
    expect(converter('tw', 'cn')('先進技術')).toBe('先进技术');
    expect(converter('cn', 'cn')('头发')).toBe('头发');
  });
});

describe('tagSegment', () => {
  it('keeps a plain tag as it is and makes any other tag one safe, distinct path segment', async () => {
    const { tagSegment } = await import('../../src/lib/urls.ts');
    expect(tagSegment('资产配置')).toBe('资产配置');
    expect(tagSegment('A股')).toBe('A股');
    const odd = tagSegment('<script\\x20type="text/javascript">javascript:alert(1);</script>');
    expect(odd).toMatch(/^[\p{L}\p{N}-]+$/u);
    expect(odd).not.toBe(tagSegment('<script\\x20type="text/javascript">javascript:alert(2);</script>'));
    expect(tagSegment('新能源/储能')).toMatch(/^新能源-储能-[0-9a-f]{6}$/);
  });
});

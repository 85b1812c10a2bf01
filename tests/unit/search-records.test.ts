/** Cross-script search records: each locale's index gets the other script's text under its own URL. */
import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../../src/model/article.ts';
import { crossScriptRecords } from '../../src/lib/search-records.ts';

const article = ArticleSchema.parse({
  slug: 'fund-news',
  title: '基金公司发布资产配置报告',
  summary: '报告关注资产配置。',
  body: '本报告讨论**资产配置**与<script>alert(1)</script>风险。',
  publishedAt: '2026-11-01T10:00:00+08:00',
  tags: [],
  sourceLocale: 'zh-Hans',
  origin: 'original',
  authors: [{ slug: 'desk', name: '编辑部', nameLocale: 'zh-Hans' }],
  category: { slug: 'finance', name: '财经', nameLocale: 'zh-Hans' },
});

describe('cross-script search records', () => {
  const records = crossScriptRecords([article]);
  it('puts the zh-Hant text into the zh-Hans index under the zh-Hans URL, and the reverse', () => {
    expect(records).toHaveLength(2);
    const hans = records.find((r) => r.language === 'zh-hans')!;
    const hant = records.find((r) => r.language === 'zh-hant')!;
    expect(hans.url).toBe('/zh-hans/articles/fund-news/');
    expect(hans.content).toContain('資產配置');
    expect(hans.meta.title).toBe('基金公司发布资产配置报告');
    expect(hans.filters).toEqual({ category: ['财经'] });
    expect(hant.url).toBe('/zh-hant/articles/fund-news/');
    expect(hant.content).toContain('资产配置');
    expect(hant.meta.title).toBe('基金公司發佈資產配置報告');
    expect(hant.filters).toEqual({ category: ['財經'] });
  });
  it('holds text only: no markup, no sanitized-away script', () => {
    for (const r of records) {
      expect(r.content).not.toMatch(/[<>]/);
      expect(r.content).not.toContain('alert');
    }
  });
});

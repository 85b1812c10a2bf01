/**
 * The article page shows other articles (related, previous/next), so its incremental-build key must
 * cover them: editing a related article's headline rebuilds the pages that show it, and only those.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, projectRoot } from '../support/build.ts';

const related = (title: string) => `---
title: ${title}
summary: 一篇与市场展望共享标签的测试文章。
publishedAt: 2023-01-05T09:00:00+08:00
authors:
  - yunling-research
category: finance
tags:
  - 基金
sourceLocale: zh-Hans
origin: original
---

基金测试正文。
`;

describe('article page incremental key', () => {
  it('rebuilds a page when a related article it shows is retitled', () => {
    const work = mkdtempSync(join(tmpdir(), 'tongbao-related-'));
    const content = join(work, 'content');
    cpSync(join(projectRoot, 'content'), content, { recursive: true });
    const file = join(content, 'articles', 'fund-test.md');
    writeFileSync(file, related('基金测试旧标题'));
    const build = (name: string) => {
      const result = astroBuild({ TONGBAO_CONTENT_DIR: content, TONGBAO_OUT_DIR: join(work, name), TONGBAO_CACHE_DIR: join(work, 'cache') });
      expect(result.status, result.output).toBe(0);
      return (path: string) => readFileSync(join(result.outDir, path), 'utf8');
    };
    const market = 'zh-hant/articles/market-weekly-review/index.html';
    const first = build('first');
    const section = (html: string) => /<section class="related"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(section(first(market))).toContain('基金測試舊標題');
    expect(section(first(market))).toContain('/zh-hant/articles/fund-test/');

    writeFileSync(file, related('基金测试新标题'));
    const second = build('second');
    expect(section(second(market))).toContain('基金測試新標題');
    expect(second(market)).not.toContain('舊標題');
    // The oldest sample article shows the test article as its older neighbour: rebuilt too.
    expect(second('zh-hans/articles/advanced-tech-fair-2023/index.html')).toContain('基金测试新标题');
  }, 180_000);
});

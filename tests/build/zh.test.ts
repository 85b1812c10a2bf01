/**
 * Conversion in a real build: override markup never reaches any output (pages, feeds, sitemaps,
 * JSON), protected names hold in titles, the review reports are written with a summary line, and
 * a bad site glossary stops the build naming the file and the entry.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectRoot, type BuildResult } from '../support/build.ts';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const MARKED = `---
title: -{头发}-与-{zh-hans:软件;zh-hant:軟體}-发布
summary: 摘要保留-{头发}-，软件为-{zh-hans:软件;zh-hant:軟體}-。
publishedAt: 2026-11-20T10:00:00+08:00
authors:
  - tongbao-desk
category: finance
tags:
  - -{头发}-
sourceLocale: zh-Hans
origin: original
image:
  src: /images/one-source-two-scripts.svg
  alt: 图-{头发}-
  caption: 说明-{zh-hans:甲;zh-hant:乙}-
glossary:
  年末:
    zh-Hant: 歲末
---

正文-{头发}-与-{zh-hans:软件;zh-hant:軟體}-，年末。

![图-{头发}-](/images/one-source-two-scripts.svg "题-{头发}-")
`;

describe('conversion in a build', () => {
  let build: BuildResult;
  let cache: string;
  beforeAll(() => {
    const content = mkdtempSync(join(tmpdir(), 'tongbao-zh-'));
    cpSync(join(projectRoot, 'content'), content, { recursive: true });
    writeFileSync(join(content, 'articles', 'marked-overrides.md'), MARKED);
    cache = mkdtempSync(join(tmpdir(), 'tongbao-zh-cache-'));
    build = astroBuild({ TONGBAO_CONTENT_DIR: content, TONGBAO_CACHE_DIR: cache });
    if (build.status !== 0) throw new Error(`astro build failed:\n${build.output}`);
  }, 180_000);

  it('never publishes override markup', () => {
    const files = walk(build.outDir).filter((f) => /\.(html|xml|json|txt)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    const leaks = files.filter((f) => /-\{|\}-/.test(readFileSync(f, 'utf8').replace(/<code>[^<]*<\/code>/g, '')));
    expect(leaks).toEqual([]);
    const hant = readFileSync(join(build.outDir, 'zh-hant', 'articles', 'marked-overrides', 'index.html'), 'utf8');
    expect(hant).toContain('头发與軟體發佈');
    expect(hant).toContain('歲末');
    expect(readFileSync(join(build.outDir, 'zh-hant', 'rss.xml'), 'utf8')).toContain('头发與軟體發佈');
  });

  it('protects the source name in the zh-Hant title (no 雲嶺基金髮布)', () => {
    const page = readFileSync(join(build.outDir, 'zh-hant', 'articles', 'market-weekly-review', 'index.html'), 'utf8');
    expect(page).toContain('雲嶺基金發佈年末市場展望');
    expect(page).not.toContain('髮');
  });

  it('writes a review report per article and prints a summary line', () => {
    // Every sample and the marked article.
    const articles = readdirSync(join(projectRoot, 'content', 'articles')).filter((n) => n.endsWith('.md')).length + 1;
    expect(build.output).toMatch(
      new RegExp(
        `\\[tongbao\\] conversion review: \\d+ ambiguous conversion\\(s\\) in \\d+ of ${articles} article\\(s\\), \\d+ in titles or summaries`,
      ),
    );
    const report = JSON.parse(readFileSync(join(cache, 'zh-review', 'one-source-two-scripts.json'), 'utf8'));
    expect(report.slug).toBe('one-source-two-scripts');
    expect(report.headline).toBe(1);
    for (const slug of ['advanced-tech-fair-2023', 'market-weekly-review', 'marked-overrides']) {
      expect(existsSync(join(cache, 'zh-review', `${slug}.json`)), slug).toBe(true);
    }
  });
});

describe('a bad site glossary', () => {
  it('stops the build naming the file and the entry', () => {
    const content = mkdtempSync(join(tmpdir(), 'tongbao-zh-bad-'));
    cpSync(join(projectRoot, 'content'), content, { recursive: true });
    writeFileSync(join(content, 'glossary.yaml'), '- term: 云计算\n  zh-Hnat: 雲端運算\n');
    const build = astroBuild({ TONGBAO_CONTENT_DIR: content });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('glossary.yaml: invalid glossary');
    expect(build.output).toContain('entry 1 ("云计算"): zh-Hnat: unknown field');
  }, 180_000);
});

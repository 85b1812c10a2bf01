/**
 * Builds the embedded sample content into a temporary folder and checks what a reader and a feed
 * reader get; then builds a folder with a bad file and checks that the build refuses it.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectRoot, type BuildResult } from '../support/build.ts';
import { scenario } from '../support/scenarios.ts';
import { findDefects } from '../support/defects.ts';
import { loadLocalArticles } from '../support/content.ts';

const sampleFiles = readdirSync(join(projectRoot, 'content', 'articles')).filter((n) => n.endsWith('.md'));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('build of the sample content', () => {
  let build: BuildResult;
  /** Articles without a disclaimer: press releases outside a risk-notice category (the others always carry one). */
  let noDisclaimer: Set<string>;
  beforeAll(async () => {
    noDisclaimer = new Set(
      (await loadLocalArticles()).filter((a) => a.origin === 'press-release' && !a.riskNotice && !a.category.riskNotice).map((a) => a.slug),
    );
    build = scenario('samples');
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.output}`);
  });

  it('writes exactly one article page per article and locale', () => {
    const pages = walk(build.outDir)
      .map((f) => relative(build.outDir, f))
      .filter((f) => /^zh-han[st]\/articles\/[^/]+\/index\.html$/.test(f))
      .sort();
    expect(sampleFiles.length).toBeGreaterThanOrEqual(3);
    expect(pages).toHaveLength(sampleFiles.length * 2);
    for (const name of sampleFiles) {
      const slug = name.replace(/\.md$/, '');
      expect(pages).toContain(`zh-hans/articles/${slug}/index.html`);
      expect(pages).toContain(`zh-hant/articles/${slug}/index.html`);
    }
  });

  it('sets <html lang> on every page', () => {
    for (const file of walk(build.outDir).filter((f) => f.endsWith('.html'))) {
      const rel = relative(build.outDir, file);
      const expected = rel.startsWith('zh-hant/') ? 'zh-Hant' : 'zh-Hans';
      expect(readFileSync(file, 'utf8'), rel).toMatch(new RegExp(`<html lang="${expected}"`));
    }
  });

  it.each([
    ['zh-hans', 'zh-cn', '技术', '市场有风险，选择需谨慎！', '本内容属于网络转载', '原创文章，作者：通报编辑部'],
    ['zh-hant', 'zh-tw', '技術', '市場有風險，選擇需謹慎！', '本內容屬於網絡轉載', '原創文章，作者：通報編輯部'],
  ])('%s RSS parses with full content and the disclaimers', (segment, language, tech, risk, reprint, original) => {
    const xml = readFileSync(join(build.outDir, segment, 'rss.xml'), 'utf8');
    const feed = parseFeed(xml);
    expect(feed.language).toBe(language);
    expect(feed.items).toHaveLength(sampleFiles.length);
    const dates = feed.items.map((i) => i.published?.getTime() ?? 0);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const item of feed.items) {
      expect(item.url).toMatch(new RegExp(`^https?://[^/]+/${segment}/articles/[a-z0-9-]+/$`));
      const slug = /\/articles\/([a-z0-9-]+)\/$/.exec(item.url ?? '')?.[1] ?? '';
      if (noDisclaimer.has(slug)) expect(item.content, slug).not.toContain('<aside class="disclaimers"');
      else expect(item.content, slug).toContain('<aside class="disclaimers"');
      expect((item.content ?? '').length).toBeGreaterThan(200);
    }
    const report = feed.items.find((i) => i.url?.includes('/advanced-tech-fair-2023/'));
    expect(report?.title).toContain(tech);
    expect(report?.content).toContain(reprint);
    expect(report?.content).toContain('http://m.2079x.cn/article/570544.html');
    expect(feed.items.find((i) => i.url?.includes('/market-weekly-review/'))?.content).toContain(risk);
    expect(feed.items.find((i) => i.url?.includes('/one-source-two-scripts/'))?.content).toContain(original);
  });

  it('publishes the two default locales only: no /zh-hant-hk/, no zh-Hant-HK alternate or switcher entry', () => {
    expect(
      readdirSync(build.outDir)
        .filter((n) => n.startsWith('zh-'))
        .sort(),
    ).toEqual(['zh-hans', 'zh-hant']);
    for (const file of walk(build.outDir).filter((f) => /\.(html|xml|json)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect(text, relative(build.outDir, file)).not.toMatch(/zh-hant-hk|zh-Hant-HK/i);
    }
    const html = readFileSync(join(build.outDir, 'zh-hant', 'articles', 'advanced-tech-fair-2023', 'index.html'), 'utf8');
    expect([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)"/g)].map((m) => m[1])).toEqual(['zh-Hans', 'zh-Hant', 'x-default']);
  });

  it('serves a real page at / (no redirect) linking both homes', () => {
    const html = readFileSync(join(build.outDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/http-equiv="refresh"/i);
    expect(html).toContain('href="/zh-hans/');
    expect(html).toContain('href="/zh-hant/');
    expect(html).toMatch(/<section lang="zh-Hant"/);
  });

  it('publishes none of the seed defects', () => {
    const files = walk(build.outDir).filter((f) => /\.(html|xml|json|txt)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(findDefects(readFileSync(file, 'utf8')), relative(build.outDir, file)).toEqual([]);
    }
  });
});

describe('build of bad content', () => {
  it('fails with the file and the field named', () => {
    const content = mkdtempSync(join(tmpdir(), 'tongbao-bad-'));
    mkdirSync(join(content, 'articles'));
    for (const file of ['authors.yaml', 'categories.yaml']) {
      writeFileSync(join(content, file), readFileSync(join(projectRoot, 'content', file)));
    }
    // The authors' photos are files of the content folder: they come along.
    cpSync(join(projectRoot, 'content', 'images', 'authors'), join(content, 'images', 'authors'), { recursive: true });
    const good = readFileSync(join(projectRoot, 'content', 'articles', 'market-weekly-review.md'), 'utf8');
    writeFileSync(join(content, 'articles', 'good.md'), good);
    writeFileSync(join(content, 'articles', 'bad-date.md'), good.replace(/publishedAt: .*/, 'publishedAt: 上週五'));
    const build = astroBuild({ TONGBAO_CONTENT_DIR: content });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('articles/bad-date.md');
    expect(build.output).toMatch(/publishedAt: expected an ISO 8601 date-time/);
    expect(readdirSync(build.outDir)).toEqual([]);
  }, 180_000);
});

describe('defect finder', () => {
  it('catches each seed defect and leaves legitimate parentheticals alone', () => {
    expect(findDefects('先進技術(shù)成果').map((d) => d.defect)).toEqual(['pinyin annotation']);
    expect(findDefects('勇?lián)\uE304谝').map((d) => d.defect)).toEqual(['private-use character']);
    expect(findDefects('中\uFFFD文').map((d) => d.defect)).toEqual(['replacement character U+FFFD']);
    expect(findDefects('成功舉辦,旨在').map((d) => d.defect)).toEqual(['half-width comma between Han characters']);
    expect(findDefects('大會(以下簡稱“交易大會”)、(2016-2020 年)、標準差(Standard Deviation)、(1)')).toEqual([]);
  });
});

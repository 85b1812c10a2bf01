/**
 * Every documented front-matter field at least once, in a content folder of its own elsewhere
 * (TONGBAO_CONTENT_DIR) with its own lead image, built by `npm run build`'s script (output check
 * included). The reprint with `canonical: source` is the case that once failed the output check
 * ("has no entry in sitemap-articles.xml"): one rule (src/lib/sitemap-rule.ts) now decides what the
 * sitemap lists and what the check expects.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, siteBuild, type BuildResult } from '../support/build.ts';

const NOW = '2026-11-30T12:00:00+08:00';

/** Every field of the Markdown front matter (src/model/article.ts; README "Writing an article"). */
const REPRINT = `---
slug: every-field-reprint
title: 转载：云岭基金发布年度报告
summary: 本文转载自示例日报，介绍云岭基金的年度报告。
publishedAt: 2026-11-28T09:00:00+08:00
updatedAt: 2026-11-29T09:00:00+08:00
authors:
  - yunling-research
  - chen-chen
category: news
tags:
  - 年度报告
  - 资产配置
sourceLocale: zh-Hans
origin: reprint
source:
  name: 示例日报
  url: https://daily.example/report
  author: 李明
riskNotice: true
image:
  src: /images/own-lead.png
  alt: 年度报告封面
  caption: 报告封面（示例图）
draft: false
canonical: source
glossary:
  年度报告:
    zh-Hant: 年度報吿
---

云岭基金今天发布了年度报告。报告回顾了过去一年的投资情况。
`;

/** The image fields a source that resizes images sets (srcset, width, height), a press release, written in Traditional. */
const PRESS_RELEASE = `---
title: 新聞稿：年度論壇將於十二月舉行
summary: 主辦單位宣佈年度論壇的日期與地點。
publishedAt: 2026-11-27T09:00:00+08:00
authors:
  - tongbao-desk
category: industry
sourceLocale: zh-Hant
origin: press-release
source:
  name: 論壇主辦單位
  url: https://forum.example/press
image:
  src: https://cdn.example/forum.jpg
  alt: 論壇會場
  srcset: https://cdn.example/forum.jpg?w=400 400w, https://cdn.example/forum.jpg?w=800 800w
  width: 1600
  height: 900
canonical: self
---

年度論壇將於十二月舉行，歡迎各界參加。
`;

const DRAFT = `---
title: 草稿：尚未完成
summary: 这篇文章还是草稿。
publishedAt: 2026-11-20T09:00:00+08:00
authors:
  - tongbao-desk
category: news
sourceLocale: zh-Hans
origin: original
draft: true
---

草稿正文。
`;

describe('a content folder elsewhere that uses every front-matter field', () => {
  const content = join(mkdtempSync(join(tmpdir(), 'tongbao-fields-')), 'content');
  const lead = join(content, 'images', 'own-lead.png');
  let b: BuildResult;
  const read = (path: string) => readFileSync(join(b.outDir, path), 'utf8');

  beforeAll(() => {
    mkdirSync(join(content, 'articles'), { recursive: true });
    mkdirSync(join(content, 'images'), { recursive: true });
    for (const file of ['authors.yaml', 'categories.yaml', 'glossary.yaml']) copyFileSync(join(projectRoot, 'content', file), join(content, file));
    copyFileSync(join(projectRoot, 'content', 'images', 'one-source-two-scripts.png'), lead);
    writeFileSync(join(content, 'articles', 'reprint.md'), REPRINT);
    writeFileSync(join(content, 'articles', 'forum-press-release.md'), PRESS_RELEASE);
    writeFileSync(join(content, 'articles', 'draft.md'), DRAFT);
    b = siteBuild({ TONGBAO_NOW: NOW, TONGBAO_CONTENT_DIR: content });
  });

  it('builds and passes the output check', () => {
    expect(b.status, b.output).toBe(0);
    expect(b.output).toMatch(/2 published articles: 4 pages, 12 feed items, 2 sitemap entries/);
  });

  it('leaves the canonical: source reprint out of the sitemaps, with its canonical link at the source', () => {
    const sitemap = read('sitemap-articles.xml');
    expect(sitemap).not.toContain('every-field-reprint');
    expect(sitemap).toContain('/zh-hant/articles/forum-press-release/');
    const page = read('zh-hans/articles/every-field-reprint/index.html');
    expect(page).toContain('<link rel="canonical" href="https://daily.example/report">');
    // Still a page of the site and in its feeds.
    expect(read('zh-hans/rss.xml')).toContain('/zh-hans/articles/every-field-reprint/');
  });

  it('publishes the lead image of that content folder through the image pipeline', () => {
    expect(readFileSync(join(b.outDir, 'images', 'own-lead.png')).equals(readFileSync(lead))).toBe(true);
    // The project's own sample image is not this folder's: it is not published.
    expect(existsSync(join(b.outDir, 'images', 'one-source-two-scripts.png'))).toBe(false);
    const page = read('zh-hant/articles/every-field-reprint/index.html');
    const img = /<figure class="lead-image">\s*(<img\b[^>]*>)/.exec(page)?.[1] ?? '';
    expect(img).toMatch(/srcset="\/_astro\/own-lead\.[^" ]+\.webp 400w/);
    // The article's glossary (年度报告 → 年度報吿) reaches the alt text too.
    expect(img).toContain('alt="年度報吿封面"');
    expect(page).toContain('<figcaption>報告封面（示例圖）</figcaption>');
  });

  it('shows every other field where readers see it', () => {
    const hans = read('zh-hans/articles/every-field-reprint/index.html');
    const hant = read('zh-hant/articles/every-field-reprint/index.html');
    expect(hans).toContain('<time datetime="2026-11-29T01:00:00.000Z">');
    expect(hans).toContain('href="/zh-hans/authors/chen-chen/"');
    expect(hans).toContain(`href="/zh-hans/tags/${encodeURIComponent('资产配置')}/"`);
    expect(hans).toContain('示例日报');
    expect(hans).toContain('https://daily.example/report');
    // riskNotice in a category without it: the market-risk notice.
    expect(hans).toContain('市场有风险');
    // The article's glossary fixes its form in zh-Hant.
    expect(hant).toContain('年度報吿');
    // The press release: an image with the source's own srcset and size, written in Traditional.
    const forum = read('zh-hans/articles/forum-press-release/index.html');
    const img = /<figure class="lead-image">\s*(<img\b[^>]*>)/.exec(forum)?.[1] ?? '';
    expect(img).toContain('srcset="https://cdn.example/forum.jpg?w=400 400w, https://cdn.example/forum.jpg?w=800 800w"');
    expect(img).toContain('width="1600"');
    expect(forum).toContain('新闻稿：年度论坛将于十二月举行');
  });

  it('builds no draft', () => {
    expect(existsSync(join(b.outDir, 'zh-hans', 'articles', 'draft'))).toBe(false);
  });
});

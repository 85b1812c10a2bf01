/**
 * Every documented front-matter field at least once, in a content folder of its own elsewhere
 * (TONGBAO_CONTENT_DIR) with its own lead image, built by `npm run build`'s script (output check
 * included). The reprint with `canonical: source` is the case that once failed the output check
 * ("has no entry in sitemap-articles.xml"): one rule (src/lib/sitemap-rule.ts) now decides what the
 * sitemap lists and what the check expects.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lake } from '../../scripts/lake/server.ts';
import { projectRoot, siteBuild, type BuildResult } from '../support/build.ts';
import { DATASET, lakeEnv, runAsync, startLake } from '../support/lake.ts';

const NOW = '2026-11-30T12:00:00+08:00';

/** Every field of the Markdown front matter (src/model/article.ts; README "Writing an article"). */
const REPRINT = `---
slug: every-field-reprint
title: 转载：云岭基金发布年度报告
summary: 本文转载自示例日报，介绍云岭基金的年度报告。
publishedAt: 2026-11-28T09:00:00+08:00
updatedAt: 2026-11-29T09:00:00+08:00
corrections:
  - date: 2026-11-29T12:00:00+08:00
    text: 本文初版误称报告发布于十月，实为十一月。
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
  const stats = join(content, '..', 'stats.json');
  let b: BuildResult;
  const read = (path: string) => readFileSync(join(b.outDir, path), 'utf8');

  beforeAll(() => {
    mkdirSync(join(content, 'articles'), { recursive: true });
    mkdirSync(join(content, 'images'), { recursive: true });
    for (const file of ['authors.yaml', 'categories.yaml', 'glossary.yaml']) copyFileSync(join(projectRoot, 'content', file), join(content, file));
    copyFileSync(join(projectRoot, 'content', 'images', 'one-source-two-scripts.png'), lead);
    // The authors' photos (authors.yaml names them) are files of this content folder too.
    cpSync(join(projectRoot, 'content', 'images', 'authors'), join(content, 'images', 'authors'), { recursive: true });
    writeFileSync(join(content, 'articles', 'reprint.md'), REPRINT);
    writeFileSync(join(content, 'articles', 'forum-press-release.md'), PRESS_RELEASE);
    writeFileSync(join(content, 'articles', 'draft.md'), DRAFT);
    b = siteBuild({ TONGBAO_NOW: NOW, TONGBAO_CONTENT_DIR: content, TONGBAO_STATS_FILE: stats });
  });

  it('builds and passes the output check', () => {
    expect(b.status, b.output).toBe(0);
    expect(b.output).toMatch(/2 published articles: 4 pages, 12 feed items, 2 sitemap entries/);
  });

  it('writes the figures of the renderer and of the search index into one stats file', () => {
    const figures = JSON.parse(readFileSync(stats, 'utf8')) as Record<string, number>;
    expect(figures.rendered! + figures.reused!).toBe(2);
    expect(figures.pagefindPages! + figures.pagefindShardsReused!).toBeGreaterThan(0);
    expect(figures.renderMs).toBeGreaterThan(0);
    expect(figures.pagefindMs).toBeGreaterThan(0);
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
    // updatedAt, then a correction three hours later: the 更新 date is the correction's.
    expect(hans).toContain('更新：<time datetime="2026-11-29T04:00:00.000Z">');
    expect(hans).toMatch(
      /<section class="corrections"[^>]*>[\s\S]*<time datetime="2026-11-29T04:00:00.000Z">[^<]*<\/time><p>本文初版误称报告发布于十月，实为十一月。<\/p>/,
    );
    expect(hant).toContain('<p>本文初版誤稱報告發佈於十月，實為十一月。</p>');
    expect(read('zh-hant/corrections/index.html')).toContain('href="/zh-hant/articles/every-field-reprint/"');
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

/**
 * The Sanity half: the sample dataset already uses title, slug, summary, body, publishedAt, authors
 * (with bio and photo), category, tags, sourceLocale, every origin, source (name, url, author),
 * corrections and mainImage (alt, caption); this article adds the rest (updatedAt and a correction
 * after it, riskNotice: true, glossary entries with their note) and is
 * built from the lake by `npm run build`'s script, output check included.
 */
const SANITY_ARTICLE = {
  _id: 'article.every-field-sanity',
  _type: 'article',
  title: '云岭基金发布年度报告',
  slug: { _type: 'slug', current: 'every-field-sanity' },
  summary: '云岭基金发布年度报告，回顾过去一年的投资情况。',
  body: [
    {
      _type: 'block',
      _key: 'b0',
      style: 'normal',
      markDefs: [],
      children: [{ _type: 'span', _key: 's0', text: '云岭基金今天发布了年度报告。', marks: [] }],
    },
  ],
  publishedAt: '2026-11-28T01:00:00.000Z',
  updatedAt: '2026-11-29T01:00:00.000Z',
  corrections: [{ _type: 'correction', _key: 'c0', date: '2026-11-29T04:00:00.000Z', text: '本文初版误称报告发布于十月，实为十一月。' }],
  authors: [
    { _type: 'reference', _ref: 'author.yunling-research', _key: 'a0' },
    { _type: 'reference', _ref: 'author.chen-chen', _key: 'a1' },
  ],
  category: { _type: 'reference', _ref: 'category.news' },
  tags: ['年度报告'],
  sourceLocale: 'zh-Hans',
  origin: 'reprint',
  source: { name: '示例日报', url: 'https://daily.example/report', author: '李明' },
  riskNotice: true,
  glossary: [{ _type: 'glossaryEntry', _key: 'g0', zhHans: '年度报告', zhHant: '年度報吿', note: 'the outlet writes 吿' }],
  mainImage: {
    _type: 'image',
    asset: { _type: 'reference', _ref: 'image-5e10cd0d9222983ab8feed06a79d16ede47cabfe-1280x480-png' },
    alt: '年度报告封面',
    caption: '报告封面（示例图）',
  },
};

describe('a Sanity article that uses the fields the samples leave out', () => {
  let lake: Lake;
  let b: BuildResult;
  const read = (path: string) => readFileSync(join(b.outDir, path), 'utf8');

  beforeAll(async () => {
    const dataset = join(mkdtempSync(join(tmpdir(), 'tongbao-fields-lake-')), 'dataset.ndjson');
    writeFileSync(dataset, `${readFileSync(DATASET, 'utf8').trimEnd()}\n${JSON.stringify(SANITY_ARTICLE)}\n`);
    let origin: string;
    ({ lake, origin } = await startLake({ datasetFile: dataset }));
    const outDir = join(mkdtempSync(join(tmpdir(), 'tongbao-fields-site-')), 'dist');
    b = await runAsync([join(projectRoot, 'scripts', 'build.ts')], { ...lakeEnv(origin), TONGBAO_NOW: NOW, TONGBAO_OUT_DIR: outDir });
  });
  afterAll(() => lake?.close());

  it('builds from the lake and passes the output check', () => {
    expect(b.status, b.output).toBe(0);
    // The samples of the dataset and this one; every one is published at NOW.
    const articles =
      readFileSync(DATASET, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"_type":"article"')).length + 1;
    expect(b.output).toMatch(new RegExp(`${articles} published articles: ${articles * 2} pages`));
  });

  it('shows updatedAt, the correction, the risk notice, both authors and the glossary form', () => {
    const hans = read('zh-hans/articles/every-field-sanity/index.html');
    const hant = read('zh-hant/articles/every-field-sanity/index.html');
    expect(hans).toContain('更新：<time datetime="2026-11-29T04:00:00.000Z">');
    expect(hant).toMatch(/<section class="corrections"[^>]*>[\s\S]*<p>本文初版誤稱報告發佈於十月，實為十一月。<\/p>/);
    expect(hans).toContain('市场有风险');
    expect(hans).toContain('href="/zh-hans/authors/chen-chen/"');
    expect(hans).toContain('<figcaption>报告封面（示例图）</figcaption>');
    expect(hant).toMatch(/<p>雲嶺基金[^<]*年度報吿。<\/p>/);
    // The editors' note is for the Studio only.
    expect(hant).not.toContain('the outlet writes');
  });
});

/**
 * Corrections and author pages in a whole build (issue 17, points 5 and 7), both scripts: the 更正 box
 * converted, dateModified, the JSON-LD CorrectionComments, the feeds (Atom updated, JSON Feed
 * date_modified, the RSS description), the corrections page newest first, the footer link and the
 * sitemap, the author page's photo and bio, and "more from this author". A content folder of its own
 * (the samples' authors, photos included), built by `npm run build`'s script with its output check.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteBuild, type BuildResult } from '../support/build.ts';
import { contentFolder } from '../support/site-build.ts';

const NOW = '2026-11-30T12:00:00+08:00';

/** Written in Simplified, by the desk: one correction, with text that needs care in conversion (发 → 發/髮) and markup characters. */
const DESK_HANS = `---
title: 编辑部发布年度更正报告
summary: 编辑部回顾一年来的更正。
publishedAt: 2026-11-25T09:00:00+08:00
authors:
  - tongbao-desk
category: news
sourceLocale: zh-Hans
origin: original
corrections:
  - date: 2026-11-26T10:00:00+08:00
    text: 本文初版把“头发”误写为“发型”，并误用了 <b> 标记；现已更正。
---

编辑部今天发布年度更正报告。
`;

/** Written in Traditional, by the desk: two corrections, given oldest first. */
const DESK_HANT = `---
title: 產業論壇的日期與地點
summary: 論壇主辦單位公佈了日期。
publishedAt: 2026-11-20T09:00:00+08:00
updatedAt: 2026-11-22T09:00:00+08:00
authors:
  - tongbao-desk
category: industry
sourceLocale: zh-Hant
origin: original
corrections:
  - date: 2026-11-21T09:00:00+08:00
    text: 本文初版的論壇地點有誤，應為臺北。
  - date: 2026-11-27T09:00:00+08:00
    text: 論壇日期改為十二月三日。
---

產業論壇將於十二月舉行。
`;

/** By the research desk first, the desk and 陳晨 after: more from the research desk is empty, the desk's list holds it. */
const RESEARCH = `---
title: 市场周评：年末资产配置
summary: 研究部的年末观点。
publishedAt: 2026-11-18T09:00:00+08:00
authors:
  - yunling-research
  - tongbao-desk
  - chen-chen
category: finance
sourceLocale: zh-Hans
origin: original
---

研究部发布年末观点。
`;

describe('corrections and author pages in a build', () => {
  let b: BuildResult;
  const read = (path: string) => readFileSync(join(b.outDir, path), 'utf8');
  const xml = new XMLParser({
    ignoreAttributes: false,
    processEntities: true,
    htmlEntities: false,
    parseTagValue: false,
    isArray: (n) => n === 'item' || n === 'entry',
  });
  /** The inside of the first <section> with exactly this class attribute. */
  const section = (html: string, cls: string) => new RegExp(`<section class="${cls}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';

  beforeAll(() => {
    const content = join(mkdtempSync(join(tmpdir(), 'tongbao-corrections-')), 'content');
    contentFolder(content, { 'desk-hans.md': DESK_HANS, 'desk-hant.md': DESK_HANT, 'research.md': RESEARCH });
    b = siteBuild({ TONGBAO_NOW: NOW, TONGBAO_CONTENT_DIR: content });
  });

  it('builds and passes the output check', () => {
    expect(b.status, b.output).toBe(0);
    expect(b.output).toMatch(/3 published articles: 6 pages/);
  });

  it('shows the 更正 box at the end of the article in both scripts, converted, dated in <time>', () => {
    const hans = section(read('zh-hans/articles/desk-hans/index.html'), 'corrections');
    const hant = section(read('zh-hant/articles/desk-hans/index.html'), 'corrections');
    expect(hans).toContain('<h2 id="corrections-title">更正</h2>');
    expect(hans).toContain('<time datetime="2026-11-26T02:00:00.000Z">2026年11月26日</time>');
    expect(hans).toContain('<p>本文初版把“头发”误写为“发型”，并误用了 &lt;b&gt; 标记；现已更正。</p>');
    // Converted like the text: 头发 → 頭髮, 发型 → 髮型; the zh-Hant quotation marks are 「」.
    expect(hant).toContain('<p>本文初版把「頭髮」誤寫為「髮型」，並誤用了 &lt;b&gt; 標記；現已更正。</p>');
    // A Traditional source: the Simplified page is converted; newest first.
    const fromHant = section(read('zh-hans/articles/desk-hant/index.html'), 'corrections');
    expect(fromHant.indexOf('论坛日期改为十二月三日。')).toBeGreaterThan(-1);
    expect(fromHant.indexOf('论坛日期改为十二月三日。')).toBeLessThan(fromHant.indexOf('本文初版的论坛地点有误，应为台北。'));
    // The box sits inside the article, after the body.
    const page = read('zh-hant/articles/desk-hans/index.html');
    expect(page.indexOf('class="article-body"')).toBeLessThan(page.indexOf('class="corrections"'));
    expect(page.indexOf('class="corrections"')).toBeLessThan(page.indexOf('</article>'));
    // No box without corrections.
    expect(read('zh-hans/articles/research/index.html')).not.toContain('class="corrections"');
  });

  it('dates the update by the newest correction (更新, article:modified_time, JSON-LD dateModified and CorrectionComment)', () => {
    const page = read('zh-hant/articles/desk-hant/index.html');
    expect(page).toContain('更新：<time datetime="2026-11-27T01:00:00.000Z">2026年11月27日</time>');
    expect(page).toContain('<meta property="article:modified_time" content="2026-11-27T01:00:00.000Z">');
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    const ld = JSON.parse(script) as { dateModified: string; correction: unknown[] };
    expect(ld.dateModified).toBe('2026-11-27T01:00:00.000Z');
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', text: '論壇日期改為十二月三日。', datePublished: '2026-11-27T01:00:00.000Z' },
      { '@type': 'CorrectionComment', text: '本文初版的論壇地點有誤，應為臺北。', datePublished: '2026-11-21T01:00:00.000Z' },
    ]);
    const hansLd = JSON.parse(
      /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(read('zh-hans/articles/desk-hans/index.html'))?.[1] ?? '{}',
    ) as {
      correction: { text: string }[];
    };
    expect(hansLd.correction[0]?.text).toBe('本文初版把“头发”误写为“发型”，并误用了 <b> 标记；现已更正。');
  });

  it('updates the feed items: Atom updated, JSON Feed date_modified, the correction in the RSS description as text', () => {
    const atom = (xml.parse(read('zh-hans/atom.xml')) as { feed: { entry: { id: string; updated: string; published: string }[] } }).feed.entry;
    expect(atom.find((e) => e.id.endsWith('/desk-hant/'))).toMatchObject({
      updated: '2026-11-27T01:00:00.000Z',
      published: '2026-11-20T01:00:00.000Z',
    });
    expect(atom.find((e) => e.id.endsWith('/research/'))?.updated).toBe('2026-11-18T01:00:00.000Z');
    const json = JSON.parse(read('zh-hant/feed.json')) as { items: { id: string; date_modified: string; date_published: string }[] };
    expect(json.items.find((i) => i.id.endsWith('/desk-hans/'))?.date_modified).toBe('2026-11-26T02:00:00.000Z');
    const rssText = read('zh-hant/rss.xml');
    const items = (xml.parse(rssText) as { rss: { channel: { item: { link: string; description: string }[] } } }).rss.channel.item;
    const desk = items.find((i) => i.link.endsWith('/desk-hans/'))!;
    // One level of escaping: a reader renders the description as HTML and shows this text, <b> included.
    expect(desk.description).toBe(
      '編輯部回顧一年來的更正。\n更正（2026年11月26日）：本文初版把「頭髮」誤寫為「髮型」，並誤用了 &lt;b&gt; 標記；現已更正。',
    );
    expect(items.find((i) => i.link.endsWith('/research/'))?.description).toBe('研究部的年末觀點。');
    // The author's feed too.
    expect(read('zh-hans/authors/tongbao-desk/rss.xml')).toContain('更正（2026年11月27日）：论坛日期改为十二月三日。');
  });

  it('lists every correction on the corrections page, newest first, in both scripts, linked from the footer and the sitemap', () => {
    for (const [segment, texts] of [
      ['zh-hans', ['论坛日期改为十二月三日。', '本文初版把“头发”误写为“发型”', '本文初版的论坛地点有误，应为台北。']],
      ['zh-hant', ['論壇日期改為十二月三日。', '本文初版把「頭髮」誤寫為「髮型」', '本文初版的論壇地點有誤，應為臺北。']],
    ] as const) {
      const page = read(`${segment}/corrections/index.html`);
      const list = /<ol class="correction-list">([\s\S]*?)<\/ol>/.exec(page)?.[1] ?? '';
      const positions = texts.map((t) => list.indexOf(t));
      expect(
        positions.every((p) => p >= 0),
        `${segment}: ${list}`,
      ).toBe(true);
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      expect([...list.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1])).toEqual([
        '2026-11-27T01:00:00.000Z',
        '2026-11-26T02:00:00.000Z',
        '2026-11-21T01:00:00.000Z',
      ]);
      expect(list).toContain(`<a href="/${segment}/articles/desk-hant/">`);
      expect(page).toContain(`<html lang="${segment === 'zh-hans' ? 'zh-Hans' : 'zh-Hant'}"`);
      // Every page's footer links it.
      expect(read(`${segment}/index.html`)).toContain(`<a href="/${segment}/corrections/">更正</a>`);
    }
    const sitemap = read('sitemap-pages.xml');
    expect(sitemap).toMatch(/<loc>https:\/\/tongbao\.example\/zh-hant\/corrections\/<\/loc><lastmod>2026-11-27T01:00:00\.000Z<\/lastmod>/);
  });

  it('shows the author’s photo (image pipeline) and bio in both scripts', () => {
    const hans = read('zh-hans/authors/tongbao-desk/index.html');
    const hant = read('zh-hant/authors/tongbao-desk/index.html');
    const intro = (html: string) => section(html, 'author-intro');
    const tree = fromHtml(intro(hant), { fragment: true });
    const img = tree.children.find((n) => n.type === 'element' && n.tagName === 'img');
    expect(img && img.type === 'element' ? img.properties : {}).toMatchObject({
      width: 400,
      height: 400,
      sizes: '6rem',
      alt: '通報編輯部的標誌：紅色圓形上的白色「通」字',
    });
    expect(intro(hant)).toMatch(/srcset="\/_astro\/tongbao-desk\.[^" ]+\.webp 96w, \/_astro\/tongbao-desk\.[^" ]+\.webp 192w"/);
    expect(intro(hans)).toContain('alt="通报编辑部的标志：红色圆形上的白色“通”字"');
    expect(intro(hans)).toContain('<p class="author-bio">通报编辑部负责要闻的编排、稿件的审校和更正。');
    expect(intro(hant)).toContain('<p class="author-bio">通報編輯部負責要聞的編排、稿件的審校和更正。');
    expect(read('zh-hant/authors/yunling-research/index.html')).toContain('<p class="author-bio">雲嶺基金研究部撰寫市場周評和資產配置研究。');
    // A bio written in Traditional (陳晨's), converted for the Simplified page.
    expect(read('zh-hans/authors/chen-chen/index.html')).toContain('<p class="author-bio">通报科技与产业记者，');
    expect(read('zh-hant/authors/chen-chen/index.html')).toContain('<p class="author-bio">通報科技與產業記者，');
    // Photo and bio come before the articles.
    expect(hant.indexOf('class="author-intro"')).toBeLessThan(hant.indexOf('class="article-list"'));
  });

  it('lists more from the first author on the article page, newest first, never the article itself', () => {
    const more = (segment: string, slug: string) => section(read(`${segment}/articles/${slug}/index.html`), 'related more-by-author');
    const hant = more('zh-hant', 'desk-hans');
    expect(hant).toContain('<a href="/zh-hant/authors/tongbao-desk/">通報編輯部的更多文章</a>');
    const links = [...hant.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(['/zh-hant/articles/desk-hant/', '/zh-hant/articles/research/']);
    expect(more('zh-hans', 'desk-hant')).toContain('编辑部发布年度更正报告');
    // The research desk wrote nothing else: no list.
    expect(read('zh-hans/articles/research/index.html')).not.toContain('more-by-author');
  });
});

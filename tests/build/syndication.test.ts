/**
 * Builds the sample content with a fixed clock and reads what feed readers, crawlers and social
 * networks get: every feed with two real parsers, the sitemaps, robots.txt, the head of every
 * article page (validated with structured-data-testing-tool's Google preset), the share images.
 * A second build with a later clock must leave every feed byte for byte the same (stable guids).
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { parseJsonFeed } from 'feedsmith';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { astroBuild, projectRoot, type BuildResult } from '../support/build.ts';
import { scenario } from '../support/scenarios.ts';
import { SHARE_FONTS } from '../../src/lib/share-image/fonts.ts';

import sdtt from 'structured-data-testing-tool';
import { Facebook, Google, Twitter } from 'structured-data-testing-tool/presets.js';

/** 2026-11-25 12:00 in Beijing: the finance press release (24th, 16:00) is under 48 hours old, the rest is older. */
const NOW = '2026-11-25T12:00:00+08:00';
const SEGMENTS = { 'zh-Hans': 'zh-hans', 'zh-Hant': 'zh-hant' } as const;
type Loc = keyof typeof SEGMENTS;
const LOCS = Object.keys(SEGMENTS) as Loc[];

/** What the content files say, read independently of the source under test. */
interface Expected {
  slug: string;
  category: string;
  authors: string[];
  publishedAt: Date;
  image?: string;
  /** Whether the article carries a disclaimer: reprints and originals always; a press release only with the risk notice. */
  disclaimer: boolean;
}
const riskCategories = new Set(
  (parseYaml(readFileSync(join(projectRoot, 'content', 'categories.yaml'), 'utf8')) as { slug: string; riskNotice?: boolean }[])
    .filter((c) => c.riskNotice)
    .map((c) => c.slug),
);
const articlesDir = join(projectRoot, 'content', 'articles');
const expected: Expected[] = readdirSync(articlesDir)
  .filter((n) => n.endsWith('.md'))
  .map((n) => {
    const fm = parseYaml(readFileSync(join(articlesDir, n), 'utf8').split(/^---$/m)[1] ?? '') as Record<string, unknown>;
    return {
      slug: n.replace(/\.md$/, ''),
      category: fm.category as string,
      authors: fm.authors as string[],
      publishedAt: new Date(fm.publishedAt instanceof Date ? fm.publishedAt : String(fm.publishedAt)),
      image: (fm.image as { src?: string } | undefined)?.src,
      disclaimer: fm.origin !== 'press-release' || fm.riskNotice === true || riskCategories.has(fm.category as string),
    };
  })
  .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());

interface Scope {
  dir: string;
  slugs: string[];
}
const scopes: Scope[] = LOCS.flatMap((l) => {
  const seg = SEGMENTS[l];
  const categories = [...new Set(expected.map((e) => e.category))];
  const authors = [...new Set(expected.flatMap((e) => e.authors))];
  return [
    { dir: `${seg}/`, slugs: expected.map((e) => e.slug) },
    ...categories.map((c) => ({ dir: `${seg}/categories/${c}/`, slugs: expected.filter((e) => e.category === c).map((e) => e.slug) })),
    ...authors.map((a) => ({ dir: `${seg}/authors/${a}/`, slugs: expected.filter((e) => e.authors.includes(a)).map((e) => e.slug) })),
  ];
});

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const slugOf = (url: string | null | undefined) => /\/articles\/([a-z0-9-]+)\/$/.exec(url ?? '')?.[1];
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** An element as fast-xml-parser gives it: attributes as `@name`, children by tag name. */
type XmlAttributes = Record<string, string>;
interface RssItem {
  link: string;
  pubDate: string;
  guid: XmlAttributes;
  'dc:creator': string | string[];
  enclosure?: XmlAttributes;
  'media:content': XmlAttributes;
  'media:thumbnail': XmlAttributes;
}
interface NewsUrl {
  loc: string;
  'news:news': { 'news:publication': Record<string, string>; 'news:title': string; 'news:publication_date': string };
}

let build: BuildResult;
let later: BuildResult;
const read = (rel: string, b = build) => readFileSync(join(b.outDir, rel), 'utf8');

beforeAll(() => {
  build = astroBuild({ TONGBAO_NOW: NOW });
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.output}`);
  // Later: the shared samples scenario, the same content built five days on (SAMPLES_NOW).
  later = scenario('samples');
  if (later.status !== 0) throw new Error(`npm run build failed:\n${later.output}`);
});

describe('feeds', () => {
  it('are written for every locale, category and author, in three formats', () => {
    expect(scopes.length).toBeGreaterThanOrEqual(2 * (1 + 3 + 3));
    for (const s of scopes)
      for (const f of ['rss.xml', 'atom.xml', 'feed.json']) expect(existsSync(join(build.outDir, s.dir, f)), s.dir + f).toBe(true);
  });

  it.each(scopes.map((s) => [s.dir, s] as const))('%s rss.xml and atom.xml parse with two parsers, newest first, full content', (_dir, s) => {
    for (const file of ['rss.xml', 'atom.xml']) {
      const text = read(s.dir + file);
      const a = parseFeed(text);
      const b = extractFromXml(text, {
        normalization: true,
        useISODateFormat: true,
        getExtraEntryFields: (e: Record<string, unknown>) => ({ raw: e }),
      });
      expect(
        a.items.map((i) => slugOf(i.url)),
        file,
      ).toEqual(s.slugs);
      expect(
        (b.entries ?? []).map((e) => slugOf(e.link)),
        file,
      ).toEqual(s.slugs);
      expect(a.language ?? '', file).toMatch(s.dir.startsWith('zh-hant') ? /^zh-tw$|^$/ : /^zh-cn$|^$/);
      for (const item of a.items) {
        const e = expected.find((x) => x.slug === slugOf(item.url))!;
        expect(item.published?.getTime(), `${file} ${e.slug} date`).toBe(e.publishedAt.getTime());
        if (e.disclaimer) expect(item.content, `${file} ${e.slug}`).toContain('<aside class="disclaimers"');
        else expect(item.content, `${file} ${e.slug}`).not.toContain('<aside class="disclaimers"');
        expect(item.content).not.toMatch(/(?:href|src)="\/(?!\/)/);
        expect(item.authors.map((au) => au.name).length).toBeGreaterThan(0);
        expect(item.categories.length).toBeGreaterThan(0);
        expect(item.id ?? '').toBe(item.url);
        if (e.image) {
          expect(
            item.media.map((m) => m.url),
            `${file} ${e.slug} lead image`,
          ).toContain(new URL(e.image, item.url!).href);
        }
      }
    }
  });

  it('carry RFC-822 dates in RSS, the lead image as enclosure and media:content, authors as dc:creator', () => {
    for (const s of scopes) {
      const channel = xml.parse(read(`${s.dir}rss.xml`)).rss.channel;
      expect(channel.lastBuildDate).toMatch(RFC822);
      for (const item of asArray(channel.item) as RssItem[]) {
        expect(item.pubDate).toMatch(RFC822);
        expect(item.guid['@isPermaLink']).toBe('true');
        expect(asArray(item['dc:creator']).length).toBeGreaterThan(0);
        const e = expected.find((x) => x.slug === slugOf(item.link))!;
        if (e.image) {
          // The sample's lead image is a PNG in content/images/, published as it is at its /images/ path.
          const size = statSync(join(projectRoot, 'content', e.image)).size;
          expect(item.enclosure).toMatchObject({ '@url': new URL(e.image, item.link).href, '@type': 'image/png', '@length': String(size) });
          expect(item['media:content']['@url']).toBe(item.enclosure?.['@url']);
        } else {
          expect(item.enclosure).toBeUndefined();
        }
        expect(item['media:thumbnail']['@url']).toBe(`${item.link}share.png`);
      }
    }
  });

  it.each(scopes.map((s) => [s.dir, s] as const))('%s feed.json is JSON Feed 1.1 and parses with two parsers', (_dir, s) => {
    const text = read(`${s.dir}feed.json`);
    const raw = JSON.parse(text);
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    const a = parseJsonFeed(text);
    const b = extractFromJson(raw, { normalization: true, useISODateFormat: true });
    expect(a.items?.map((i) => slugOf(i.url))).toEqual(s.slugs);
    expect((b.entries ?? []).map((e) => slugOf(e.link))).toEqual(s.slugs);
    for (const item of a.items ?? []) {
      const e = expected.find((x) => x.slug === slugOf(item.url))!;
      expect(new Date(String(item.date_published)).getTime()).toBe(e.publishedAt.getTime());
      if (e.disclaimer) expect(item.content_html, e.slug).toContain('<aside class="disclaimers"');
      else expect(item.content_html, e.slug).not.toContain('<aside class="disclaimers"');
      expect(item.content_html).not.toMatch(/(?:href|src)="\/(?!\/)/);
      expect(item.authors?.[0]?.name).toBeTruthy();
      expect(item.language).toBe(s.dir.startsWith('zh-hant') ? 'zh-tw' : 'zh-cn');
      if (e.image) expect(item.attachments?.[0]?.mime_type).toBe('image/png');
    }
  });

  it('keep the same guids and bytes when rebuilt later', () => {
    for (const s of scopes) {
      for (const f of ['rss.xml', 'atom.xml', 'feed.json']) expect(read(s.dir + f, later), s.dir + f).toBe(read(s.dir + f));
    }
  });

  it('are announced in the head of every page, and every announced feed exists', () => {
    const pages = [
      'index.html',
      ...LOCS.map((l) => `${SEGMENTS[l]}/index.html`),
      ...expected.flatMap((e) => LOCS.map((l) => `${SEGMENTS[l]}/articles/${e.slug}/index.html`)),
    ];
    for (const page of pages) {
      const html = read(page);
      const hrefs = [...html.matchAll(/<link rel="alternate" type="application\/(?:rss\+xml|atom\+xml|feed\+json)"[^>]*href="([^"]+)"/g)].map(
        (m) => m[1]!,
      );
      const types = [...html.matchAll(/<link rel="alternate" type="(application\/(?:rss\+xml|atom\+xml|feed\+json))"/g)].map((m) => m[1]);
      expect(new Set(types), page).toEqual(new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json']));
      for (const href of hrefs) expect(existsSync(join(build.outDir, new URL(href).pathname)), `${page} → ${href}`).toBe(true);
    }
  });
});

describe('sitemaps', () => {
  const locOf = (u: { loc: string }) => new URL(u.loc).pathname;

  it('robots.txt names the index and the News sitemap; the index names parts that exist', () => {
    const robots = read('robots.txt');
    const named = [...robots.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => new URL(m[1]!).pathname);
    expect(named).toEqual(['/sitemap-index.xml', '/sitemap-news.xml']);
    const parts = asArray(xml.parse(read('sitemap-index.xml')).sitemapindex.sitemap) as { loc: string }[];
    expect(parts.map(locOf)).toEqual(['/sitemap-pages.xml', '/sitemap-articles.xml', '/sitemap-news.xml']);
    for (const p of parts) expect(existsSync(join(build.outDir, locOf(p)))).toBe(true);
  });

  it('lists every article in every locale with its alternates and x-default', () => {
    const urls = asArray(xml.parse(read('sitemap-articles.xml')).urlset.url) as {
      loc: string;
      lastmod: string;
      'xhtml:link': { '@hreflang': string; '@href': string }[];
    }[];
    expect(urls).toHaveLength(expected.length * 2);
    for (const e of expected) {
      for (const l of LOCS) {
        const u = urls.find((x) => locOf(x) === `/${SEGMENTS[l]}/articles/${e.slug}/`);
        expect(u, `${l} ${e.slug}`).toBeDefined();
        expect(u!['xhtml:link'].map((x) => `${x['@hreflang']} ${new URL(x['@href']).pathname}`)).toEqual([
          `zh-Hans /zh-hans/articles/${e.slug}/`,
          `zh-Hant /zh-hant/articles/${e.slug}/`,
          `x-default /zh-hans/articles/${e.slug}/`,
        ]);
        expect(Number.isNaN(Date.parse(u!.lastmod))).toBe(false);
      }
    }
    const pages = asArray(xml.parse(read('sitemap-pages.xml')).urlset.url) as { loc: string }[];
    // Tag URLs are percent-encoded; the folder on disk has the tag's characters.
    for (const u of [...urls, ...pages]) expect(existsSync(join(build.outDir, decodeURIComponent(locOf(u)), 'index.html')), u.loc).toBe(true);
    // The listings are announced too: a category, an author, a tag and a month archive in each locale.
    for (const path of [
      '/zh-hans/categories/finance/',
      '/zh-hant/authors/yunling-research/',
      '/zh-hant/tags/%E5%9F%BA%E9%87%91/',
      '/zh-hans/archive/2026-11/',
    ])
      expect(pages.map(locOf)).toContain(path);
  });

  it('holds in the News sitemap exactly the articles of the 48 hours before the build clock', () => {
    const recent = expected.filter((e) => e.publishedAt.getTime() > Date.parse(NOW) - 48 * 3600_000 && e.publishedAt.getTime() <= Date.parse(NOW));
    expect(recent.map((e) => e.slug)).toEqual(['market-weekly-review']);
    const urls = asArray(xml.parse(read('sitemap-news.xml')).urlset.url) as NewsUrl[];
    expect(urls.map(locOf)).toEqual(recent.flatMap((e) => LOCS.map((l) => `/${SEGMENTS[l]}/articles/${e.slug}/`)));
    expect(urls.map((u) => u['news:news']['news:publication'])).toEqual([
      { 'news:name': '通报', 'news:language': 'zh-cn' },
      { 'news:name': '通報', 'news:language': 'zh-tw' },
    ]);
    expect(urls[0]!['news:news']['news:title']).toContain('云岭基金');
    expect(urls[1]!['news:news']['news:title']).toContain('雲嶺基金');
    for (const u of urls) expect(Date.parse(u['news:news']['news:publication_date'])).toBe(recent[0]!.publishedAt.getTime());
    // Five days later nothing is recent: the News sitemap is empty but valid.
    const empty = xml.parse(read('sitemap-news.xml', later)).urlset;
    expect(empty['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(empty.url).toBeUndefined();
  });
});

describe('head of article pages', () => {
  const pages = expected.flatMap((e) => LOCS.map((l) => ({ e, l, rel: `${SEGMENTS[l]}/articles/${e.slug}/index.html` })));
  const meta = (html: string, key: string) =>
    [...html.matchAll(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`, 'g'))].map((m) => m[1]!);

  it.each(pages.map((p) => [p.rel, p] as const))('%s passes the Google, Twitter and Facebook presets', async (_rel, { e, l, rel }) => {
    const html = read(rel);
    const result = await sdtt
      .structuredDataTest(html, { presets: [Google, Twitter, Facebook], schemas: ['NewsArticle'] })
      .catch((error: { res?: { failed: unknown[] } }) => {
        throw new Error(`${rel}: structured data failed: ${JSON.stringify(error.res?.failed ?? error, null, 1)}`);
      });
    expect(result.failed).toEqual([]);
    expect(result.schemas).toContain('NewsArticle');

    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    const pageUrl = new URL(/<meta property="og:url" content="([^"]+)"/.exec(html)![1]!);
    expect(pageUrl.pathname).toBe(`/${SEGMENTS[l]}/articles/${e.slug}/`);
    expect(ld.inLanguage).toBe(l);
    expect(Date.parse(ld.datePublished)).toBe(e.publishedAt.getTime());
    expect(ld.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    // An image is a URL, or an ImageObject (the lead image's 16:9, 4:3 and 1:1 crops) with its size as numbers.
    for (const image of [...ld.image.map((i: string | { url: string }) => (typeof i === 'string' ? i : i.url)), ld.publisher.logo.url]) {
      const u = new URL(image);
      expect(existsSync(join(build.outDir, u.pathname)) || existsSync(join(projectRoot, 'public', u.pathname)), image).toBe(true);
    }
    for (const author of ld.author)
      expect(author).toMatchObject({ '@type': 'Person', name: expect.any(String), url: expect.stringMatching(/^https?:\/\//) });
    expect(ld.publisher.name).toBe(l === 'zh-Hans' ? '通报' : '通報');
    if (e.slug === 'advanced-tech-fair-2023') expect(ld.isBasedOn.url).toBe('http://m.2079x.cn/article/570544.html');

    expect(/<link rel="canonical" href="([^"]+)"/.exec(html)![1]).toBe(pageUrl.href);
    expect(meta(html, 'og:type')).toEqual(['article']);
    expect(meta(html, 'og:locale')).toEqual([l === 'zh-Hans' ? 'zh_CN' : 'zh_TW']);
    expect(meta(html, 'og:locale:alternate')).toEqual([l === 'zh-Hans' ? 'zh_TW' : 'zh_CN']);
    expect(meta(html, 'article:published_time').map(Date.parse)).toEqual([e.publishedAt.getTime()]);
    expect(meta(html, 'article:modified_time')).toHaveLength(1);
    expect(meta(html, 'article:author')).toHaveLength(e.authors.length);
    expect(meta(html, 'twitter:card')).toEqual(['summary_large_image']);
    expect(meta(html, 'og:image')[0]).toBe(`${pageUrl.href}share.png`);
  });
});

describe('share images', () => {
  const png = (rel: string) => readFileSync(join(build.outDir, rel));
  const size = (buf: Buffer) => [buf.readUInt32BE(16), buf.readUInt32BE(20)];

  it('are 1200×630 PNGs for every article and locale', () => {
    for (const e of expected) {
      for (const l of LOCS) {
        const buf = png(`${SEGMENTS[l]}/articles/${e.slug}/share.png`);
        expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
        expect(size(buf)).toEqual([1200, 630]);
      }
    }
    for (const l of LOCS) expect(size(png(`${SEGMENTS[l]}/share.png`))).toEqual([1200, 630]);
    expect(size(png('logo.png'))).toEqual([512, 512]);
  });

  it('draw every character of every title with a glyph of the locale’s font', () => {
    const fonts = Object.fromEntries(LOCS.map((l) => [l, fontkit.create(readFileSync(SHARE_FONTS[l].path)) as fontkit.Font]));
    let checked = 0;
    for (const e of expected) {
      for (const l of LOCS) {
        const html = read(`${SEGMENTS[l]}/articles/${e.slug}/index.html`);
        const title = /<meta property="og:title" content="([^"]+)"/
          .exec(html)![1]!
          .replace(/&amp;/g, '&')
          .replace(/&quot;/g, '"');
        for (const ch of title) {
          if (/\s/u.test(ch)) continue;
          expect(fonts[l]!.hasGlyphForCodePoint(ch.codePointAt(0)!), `${l} ${e.slug}: "${ch}" in ${SHARE_FONTS[l].file}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

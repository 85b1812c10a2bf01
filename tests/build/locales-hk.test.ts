/**
 * A site with zh-Hant-HK switched on (TONGBAO_LOCALES=zh-Hans,zh-Hant,zh-Hant-HK) builds three locales:
 * one `npm run build` (scripts/build.ts, so the output check runs over three locales too) of the sample
 * content into its own output and cache folders, then every article page with its <html lang>, hreflang
 * (3 + x-default) on article and listing pages and in the sitemap, the switcher, the feeds of every
 * locale, category and author parsed with real parsers, and Hong Kong forms where they differ from
 * Taiwan's. The default two-locale build publishing no /zh-hant-hk/ is checked in build.test.ts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFromXml } from '@extractus/feed-extractor';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { parseJsonFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { projectRoot, siteBuild, type BuildResult } from '../support/build.ts';

const SITE = 'https://hk.tongbao.example';
/** The finance press release (24 Nov, 16:00 Beijing) is in the News sitemap at this clock. */
const NOW = '2026-11-25T12:00:00+08:00';
const LOCALES = [
  { code: 'zh-Hans', segment: 'zh-hans', language: 'zh-cn', label: '简体' },
  { code: 'zh-Hant', segment: 'zh-hant', language: 'zh-tw', label: '繁體' },
  { code: 'zh-Hant-HK', segment: 'zh-hant-hk', language: 'zh-hk', label: '香港繁體' },
] as const;

/** What the content files say, read independently of the source under test. */
const articlesDir = join(projectRoot, 'content', 'articles');
const riskCategories = new Set(
  (parseYaml(readFileSync(join(projectRoot, 'content', 'categories.yaml'), 'utf8')) as { slug: string; riskNotice?: boolean }[])
    .filter((c) => c.riskNotice)
    .map((c) => c.slug),
);
const articles = readdirSync(articlesDir)
  .filter((n) => n.endsWith('.md'))
  .map((n) => {
    const fm = parseYaml(readFileSync(join(articlesDir, n), 'utf8').split(/^---$/m)[1] ?? '') as Record<string, unknown>;
    return {
      slug: n.replace(/\.md$/, ''),
      category: fm.category as string,
      authors: fm.authors as string[],
      // Reprints and originals always carry a disclaimer; a press release only with the risk notice.
      disclaimer: fm.origin !== 'press-release' || fm.riskNotice === true || riskCategories.has(fm.category as string),
    };
  });
const slugs = articles.map((a) => a.slug).sort();

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const slugOf = (url: string | null | undefined) => /\/articles\/([a-z0-9-]+)\/$/.exec(url ?? '')?.[1];
/** hreflang → href of a page's <link rel="alternate" hreflang>, in document order. */
const hreflangs = (html: string) => [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]);
const expectedAlternates = (path: (segment: string) => string, xDefault = path('zh-hans')) => [
  ...LOCALES.map((l) => [l.code, `${SITE}${path(l.segment)}`]),
  ['x-default', `${SITE}${xDefault}`],
];

let build: BuildResult;
const read = (rel: string) => readFileSync(join(build.outDir, rel), 'utf8');
const page = (path: string) => read(join(path, 'index.html'));

beforeAll(() => {
  build = siteBuild({
    TONGBAO_LOCALES: 'zh-Hans,zh-Hant,zh-Hant-HK',
    SITE_URL: SITE,
    TONGBAO_NOW: NOW,
    TONGBAO_CACHE_DIR: mkdtempSync(join(tmpdir(), 'tongbao-hk-cache-')),
  });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.output}`);
});

describe('a build with zh-Hant-HK switched on', () => {
  it('passes the output check over three locales (pages, feed items, sitemap entries)', () => {
    const n = slugs.length;
    expect(build.output).toContain(`[tongbao] ${n} published articles: ${n * 3} pages, ${n * 3 * 3} feed items, ${n * 3} sitemap entries`);
    expect(
      readdirSync(build.outDir)
        .filter((name) => name.startsWith('zh-'))
        .sort(),
    ).toEqual(['zh-hans', 'zh-hant', 'zh-hant-hk']);
  });

  it('writes every article in every locale, each page with its <html lang>, hreflang 3 + x-default and a switcher of three', () => {
    for (const { code, segment } of LOCALES) {
      const pages = readdirSync(join(build.outDir, segment, 'articles')).sort();
      expect(pages, segment).toEqual(slugs);
      for (const slug of slugs) {
        const html = page(`${segment}/articles/${slug}`);
        expect(html, `${segment} ${slug}`).toContain(`<html lang="${code}"`);
        expect(hreflangs(html), `${segment} ${slug}`).toEqual(expectedAlternates((s) => `/${s}/articles/${slug}/`));
        expect(html).toContain(`<link rel="canonical" href="${SITE}/${segment}/articles/${slug}/">`);
        const switcher = /<nav[^>]*class="[^"]*switcher[^"]*"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
        const items = [...switcher.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
        expect(
          items.map((i) => /lang="([^"]+)"/.exec(i)?.[1]),
          `${segment} ${slug} switcher`,
        ).toEqual(LOCALES.map((l) => l.code));
        expect(items.map((i) => /<(?:a|span)[^>]*>([^<]+)</.exec(i)?.[1])).toEqual(LOCALES.map((l) => l.label));
        expect(items.find((i) => i.includes('aria-current="page"'))).toContain(`lang="${code}"`);
        for (const other of LOCALES.filter((l) => l.code !== code)) {
          expect(switcher).toContain(`href="/${other.segment}/articles/${slug}/" hreflang="${other.code}"`);
        }
      }
    }
  });

  it('links listings, search and 404 pages with hreflang in three locales', () => {
    const article = articles[0]!;
    const listings: [string, (s: string) => string, string?][] = [
      ['home', (s) => `/${s}/`],
      ['category', (s) => `/${s}/categories/${article.category}/`],
      ['author', (s) => `/${s}/authors/${article.authors[0]}/`],
      ['search', (s) => `/${s}/search/`],
      // A missing page has no counterpart: its x-default is the site's root.
      ['404', (s) => `/${s}/404/`, '/'],
    ];
    for (const [name, path, xDefault] of listings) {
      for (const { code, segment } of LOCALES) {
        const html = page(path(segment).slice(1));
        expect(html, `${name} ${segment}`).toContain(`<html lang="${code}"`);
        expect(hreflangs(html), `${name} ${segment}`).toEqual(expectedAlternates(path, xDefault));
      }
    }
    // `/` shows a block per locale, each marked with its language.
    const root = read('index.html');
    for (const { code, segment } of LOCALES) expect(root).toMatch(new RegExp(`<section lang="${code}"[\\s\\S]*?href="/${segment}/"`));
  });

  it('lists every article in every locale in the sitemap, with 3 alternates + x-default', () => {
    const urls = asArray(xml.parse(read('sitemap-articles.xml')).urlset.url) as {
      loc: string;
      'xhtml:link': { '@hreflang': string; '@href': string }[];
    }[];
    expect(urls).toHaveLength(slugs.length * 3);
    for (const slug of slugs) {
      for (const { segment } of LOCALES) {
        const u = urls.find((x) => x.loc === `${SITE}/${segment}/articles/${slug}/`);
        expect(u, `${segment} ${slug}`).toBeDefined();
        expect(u!['xhtml:link'].map((x) => [x['@hreflang'], x['@href']])).toEqual(expectedAlternates((s) => `/${s}/articles/${slug}/`));
      }
    }
    const pages = asArray(xml.parse(read('sitemap-pages.xml')).urlset.url) as { loc: string }[];
    expect(pages.map((p) => p.loc)).toContain(`${SITE}/zh-hant-hk/`);
    for (const p of pages) expect(existsSync(join(build.outDir, decodeURIComponent(new URL(p.loc).pathname), 'index.html')), p.loc).toBe(true);
    // Google News has no zh-hk: the Hong Kong page of the recent press release is filed as zh-tw.
    const news = asArray(xml.parse(read('sitemap-news.xml')).urlset.url) as {
      loc: string;
      'news:news': { 'news:publication': { 'news:language': string } };
    }[];
    const hk = news.find((u) => u.loc === `${SITE}/zh-hant-hk/articles/market-weekly-review/`);
    expect(hk?.['news:news']['news:publication']['news:language']).toBe('zh-tw');
    expect(news).toHaveLength(3);
  });

  const scopes = LOCALES.flatMap((l) => [
    { ...l, dir: `${l.segment}/`, slugs },
    ...[...new Set(articles.map((a) => a.category))].map((c) => ({
      ...l,
      dir: `${l.segment}/categories/${c}/`,
      slugs: articles
        .filter((a) => a.category === c)
        .map((a) => a.slug)
        .sort(),
    })),
    ...[...new Set(articles.flatMap((a) => a.authors))].map((au) => ({
      ...l,
      dir: `${l.segment}/authors/${au}/`,
      slugs: articles
        .filter((a) => a.authors.includes(au))
        .map((a) => a.slug)
        .sort(),
    })),
  ]);

  it.each(scopes.map((s) => [s.dir, s] as const))('%s: RSS, Atom and JSON Feed parse, in the locale’s language, linking its pages', (_dir, s) => {
    const itemUrl = new RegExp(`^${SITE}/${s.segment}/articles/[a-z0-9-]+/$`);
    for (const file of ['rss.xml', 'atom.xml']) {
      const text = read(s.dir + file);
      const feed = parseFeed(text);
      const other = extractFromXml(text, { normalization: true });
      expect(feed.items.map((i) => slugOf(i.url)).sort(), s.dir + file).toEqual(s.slugs);
      expect((other.entries ?? []).map((e) => slugOf(e.link)).sort(), s.dir + file).toEqual(s.slugs);
      if (file === 'rss.xml') expect(feed.language).toBe(s.language);
      for (const item of feed.items) {
        expect(item.url).toMatch(itemUrl);
        const a = articles.find((x) => x.slug === slugOf(item.url))!;
        if (a.disclaimer) expect(item.content, a.slug).toContain('<aside class="disclaimers"');
        else expect(item.content, a.slug).not.toContain('<aside class="disclaimers"');
      }
    }
    const json = parseJsonFeed(read(`${s.dir}feed.json`));
    expect(json.home_page_url).toBe(`${SITE}/${s.dir}`);
    expect((json.items ?? []).map((i) => slugOf(i.url)).sort()).toEqual(s.slugs);
    for (const item of json.items ?? []) {
      expect(item.url).toMatch(itemUrl);
      expect(item.language).toBe(s.language);
    }
  });

  it('writes Hong Kong forms on zh-Hant-HK pages and feeds where Taiwan’s differ, from either source script', () => {
    // advanced-tech-fair-2023 is written in zh-Hans (its recovered original): 峰會 and 平臺 in Taiwan, 峯會 and 平台 in Hong Kong.
    const hk = page('zh-hant-hk/articles/advanced-tech-fair-2023');
    const tw = page('zh-hant/articles/advanced-tech-fair-2023');
    expect(hk).toContain('峯會');
    expect(hk).not.toContain('峰會');
    expect(hk).toContain('交流平台');
    expect(tw).toContain('峰會');
    expect(tw).not.toContain('峯會');
    expect(tw).toContain('交流平臺');
    // Written in zh-Hans: 温 and 裏 (Hong Kong) against 溫 and 裡 (Taiwan).
    expect(page('zh-hant-hk/articles/market-weekly-review')).toContain('温和');
    expect(page('zh-hant/articles/market-weekly-review')).toContain('溫和');
    expect(page('zh-hant-hk/articles/one-source-two-scripts')).toContain('在正文裏');
    expect(page('zh-hant/articles/one-source-two-scripts')).toContain('在正文裡');
    // 「」 quotes, like zh-Hant; the interface in Hong Kong forms (閲 for 閱).
    expect(hk).toContain('「峯會」');
    expect(hk).toMatch(/閲讀約 \d+ 分鐘/);
    expect(tw).toMatch(/閱讀約 \d+ 分鐘/);
    // The override markup never reaches the page.
    expect(page('zh-hant-hk/articles/one-source-two-scripts')).not.toMatch(/-\{|\}-/);
    // The feed carries the same Hong Kong text.
    const item = parseFeed(read('zh-hant-hk/rss.xml')).items.find((i) => slugOf(i.url) === 'advanced-tech-fair-2023');
    expect(item?.content).toContain('峯會');
    expect(item?.content).not.toContain('峰會');
  });

  it('builds the Hong Kong search index and share images', () => {
    // One shard per locale here (the samples, 1,000 articles a shard): the Hong Kong index is its own.
    for (const segment of ['zh-hans', 'zh-hant', 'zh-hant-hk']) {
      const entry = JSON.parse(read(`pagefind/${segment}/0/pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> };
      expect(Object.keys(entry.languages), segment).toEqual([segment]);
      expect(entry.languages[segment]!.page_count).toBe(slugs.length);
    }
    // The Hong Kong search page loads its own shard and maps a Simplified query to Hong Kong forms.
    expect(page('zh-hant-hk/search')).toContain(`data-pagefind-bundles="[&quot;/pagefind/zh-hant-hk/0/&quot;]"`);
    const queryMap = JSON.parse(read('zh-hant-hk/search/query-map.json')) as Record<string, string[]>;
    expect(queryMap['里']?.[0]).toBe('裏');
    for (const slug of slugs) expect(existsSync(join(build.outDir, 'zh-hant-hk', 'articles', slug, 'share.png')), slug).toBe(true);
    expect(page('zh-hant-hk/articles/advanced-tech-fair-2023')).toContain(`<meta property="og:locale" content="zh_HK">`);
  });
});

/**
 * "Nothing lost": after a build, every published source article must have a page in every locale,
 * an item in its locale's feeds (when inside the feed window) and, once the site has a sitemap, an
 * entry there. Pure functions over the output folder and the list of source articles; the build
 * (scripts/build.ts) fails when anything is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { selectPublished } from '../lib/articles.ts';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';

/** What the verifier needs of an article. */
export type SourceArticle = Pick<Article, 'slug' | 'publishedAt' | 'draft'>;

export interface SiteShape {
  locales: readonly Locale[];
  /** Path of an article page (`/zh-hans/articles/<slug>/`). */
  articlePath: (locale: Locale, slug: string) => string;
  /** Path of a locale's home, where its feeds are announced. */
  homePath: (locale: Locale) => string;
  /** Path of a locale's main feed (checked even when the home page does not announce it). */
  feedPath: (locale: Locale) => string;
  /** Absolute URL of a path, as feeds and sitemaps write it. */
  absoluteUrl: (path: string) => string;
  /** How many items a feed carries, newest first. */
  feedLimit: number;
}

export interface Missing {
  check: 'page' | 'feed' | 'sitemap';
  slug: string;
  locale: Locale;
  /** The file that should hold it. */
  where: string;
}

export interface NothingLostReport {
  articles: number;
  pages: { found: number; expected: number };
  feeds: { locale: Locale; feed: string; found: number; expected: number }[];
  /** null while the site has no sitemap. */
  sitemap: { files: string[]; found: number; expected: number } | null;
  missing: Missing[];
}

/** The file a page path is written to (directory output). */
export function pageFile(outDir: string, path: string): string {
  const clean = decodeURIComponent(path).replace(/^\/+/, '');
  return join(outDir, clean.endsWith('/') || clean === '' ? join(clean, 'index.html') : clean);
}

/** Pages: one `index.html` per article and locale. */
export function checkPages(outDir: string, slugs: readonly string[], shape: SiteShape): { found: number; missing: Missing[] } {
  const missing: Missing[] = [];
  let found = 0;
  for (const slug of slugs) {
    for (const locale of shape.locales) {
      const file = pageFile(outDir, shape.articlePath(locale, slug));
      if (existsSync(file)) found++;
      else missing.push({ check: 'page', slug, locale, where: relative(outDir, file) });
    }
  }
  return { found, missing };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'link', 'url', 'sitemap'].includes(name) });
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'object' && value && '#text' in value ? String((value as { '#text': unknown })['#text']).trim() : '';

/** The item links of a feed: RSS 2.0 (`<item><link>`), Atom (`<entry><link href>`) or JSON Feed (`items[].url`). */
export function feedLinks(content: string): string[] {
  const trimmed = content.trimStart();
  if (trimmed.startsWith('{')) {
    const json = JSON.parse(trimmed) as { items?: { url?: string }[] };
    return (json.items ?? []).flatMap((i) => (i.url ? [i.url] : []));
  }
  const doc = xml.parse(content) as Record<string, any>;
  if (doc.rss) return asArray(doc.rss.channel?.item).flatMap((i: any) => asArray(i.link).map(text)).filter(Boolean);
  if (doc.feed) {
    return asArray(doc.feed.entry).flatMap((e: any) =>
      asArray(e.link)
        .filter((l: any) => !l['@rel'] || l['@rel'] === 'alternate')
        .map((l: any) => String(l['@href'] ?? '')),
    );
  }
  throw new Error('not an RSS, Atom or JSON feed');
}

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json']);

/**
 * The feeds of a locale: its main feed plus every feed its home page announces with
 * `<link rel="alternate" type="…">` under the locale's own path. Paths, not URLs.
 */
export function localeFeeds(outDir: string, locale: Locale, shape: SiteShape): string[] {
  const feeds = new Set([shape.feedPath(locale)]);
  const home = pageFile(outDir, shape.homePath(locale));
  if (existsSync(home)) {
    const tree = fromHtml(readFileSync(home, 'utf8'));
    const visit = (node: any): void => {
      if (node.type === 'element' && node.tagName === 'link') {
        const rel = node.properties.rel as string[] | undefined;
        const type = String(node.properties.type ?? '');
        const href = String(node.properties.href ?? '');
        if (rel?.includes('alternate') && FEED_TYPES.has(type) && href) {
          const path = new URL(href, shape.absoluteUrl('/')).pathname;
          if (path.startsWith(shape.homePath(locale))) feeds.add(path);
        }
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  }
  return [...feeds].sort();
}

/** Feeds: every article inside the feed window has an item in each of its locale's feeds. */
export function checkFeeds(
  outDir: string,
  inWindow: readonly string[],
  shape: SiteShape,
): { feeds: NothingLostReport['feeds']; missing: Missing[] } {
  const feeds: NothingLostReport['feeds'] = [];
  const missing: Missing[] = [];
  for (const locale of shape.locales) {
    for (const feed of localeFeeds(outDir, locale, shape)) {
      const file = pageFile(outDir, feed);
      let links = new Set<string>();
      if (existsSync(file)) {
        try {
          links = new Set(feedLinks(readFileSync(file, 'utf8')));
        } catch (error) {
          throw new Error(`[tongbao] ${relative(outDir, file)} cannot be read as a feed: ${(error as Error).message}`);
        }
      }
      let found = 0;
      for (const slug of inWindow) {
        if (links.has(shape.absoluteUrl(shape.articlePath(locale, slug)))) found++;
        else missing.push({ check: 'feed', slug, locale, where: relative(outDir, file) });
      }
      feeds.push({ locale, feed, found, expected: inWindow.length });
    }
  }
  return { feeds, missing };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Every sitemap file of the output (`sitemap.xml`, `sitemap-index.xml`, `sitemap-0.xml`, …), relative. */
export function sitemapFiles(outDir: string): string[] {
  return walk(outDir)
    .map((f) => relative(outDir, f))
    .filter((f) => /(^|[/\\])sitemap[^/\\]*\.xml$/.test(f))
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/** The page URLs (`<urlset><url><loc>`) of a sitemap file; a sitemap index yields none. */
export function sitemapLocs(content: string): string[] {
  const doc = xml.parse(content) as Record<string, any>;
  return asArray(doc.urlset?.url).map((u: any) => text(u.loc)).filter(Boolean);
}

/** Sitemap: once the site has one, every article page in every locale has an entry. */
export function checkSitemap(
  outDir: string,
  slugs: readonly string[],
  shape: SiteShape,
): { sitemap: NothingLostReport['sitemap']; missing: Missing[] } {
  const files = sitemapFiles(outDir);
  if (files.length === 0) return { sitemap: null, missing: [] };
  const locs = new Set(files.flatMap((f) => sitemapLocs(readFileSync(join(outDir, f), 'utf8'))));
  const missing: Missing[] = [];
  let found = 0;
  for (const slug of slugs) {
    for (const locale of shape.locales) {
      if (locs.has(shape.absoluteUrl(shape.articlePath(locale, slug)))) found++;
      else missing.push({ check: 'sitemap', slug, locale, where: files.join(', ') });
    }
  }
  return { sitemap: { files, found, expected: slugs.length * shape.locales.length }, missing };
}

/**
 * The whole check. `startedAt` is taken before the build starts and `finishedAt` after it ends:
 * an article is required when it was published at `startedAt` (the build's own clock is later),
 * and in a feed when it is also among the newest `feedLimit` at `finishedAt` (an article that
 * went live during the build may push the oldest one out).
 */
export function verifyNothingLost(
  outDir: string,
  articles: readonly SourceArticle[],
  shape: SiteShape,
  clock: { startedAt: Date; finishedAt: Date },
): NothingLostReport {
  const published = selectPublished(articles as Article[], clock.startedAt).map((a) => a.slug);
  const publishedSet = new Set(published);
  const window = selectPublished(articles as Article[], clock.finishedAt)
    .slice(0, shape.feedLimit)
    .map((a) => a.slug)
    .filter((slug) => publishedSet.has(slug));
  const pages = checkPages(outDir, published, shape);
  const feeds = checkFeeds(outDir, window, shape);
  const sitemap = checkSitemap(outDir, published, shape);
  return {
    articles: published.length,
    pages: { found: pages.found, expected: published.length * shape.locales.length },
    feeds: feeds.feeds,
    sitemap: sitemap.sitemap,
    missing: [...pages.missing, ...feeds.missing, ...sitemap.missing],
  };
}

/** One line of counts, and one line per missing thing. */
export function formatReport(report: NothingLostReport): string {
  const feeds = report.feeds.map((f) => `${f.feed} ${f.found}/${f.expected}`).join(', ');
  const sitemap = report.sitemap ? `sitemap ${report.sitemap.found}/${report.sitemap.expected}` : 'sitemap: none yet (not checked)';
  const lines = [
    `[tongbao] nothing lost check: ${report.articles} published article(s); pages ${report.pages.found}/${report.pages.expected}; feeds ${feeds}; ${sitemap}`,
  ];
  for (const m of report.missing) {
    lines.push(`[tongbao] missing ${m.check}: article "${m.slug}" (${m.locale}) in ${m.where}`);
  }
  return lines.join('\n');
}

/**
 * Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for each locale, category and author. Every item
 * carries the full HTML of the page (body and disclaimers) with absolute URLs, the lead image,
 * authors, categories and a guid that rebuilds do not change (the article's URL in the locale).
 * Pure over its inputs: the articles (published, newest first) come in; nothing reads the clock.
 *
 * Plain-text fields (titles, summaries, names, tags, alt texts) are published as text in every format:
 * RSS readers show `<title>` and `<description>` as HTML, so there they are written as HTML built from
 * the text (escaped: `<` becomes `&lt;`); Atom declares `type="text"`; JSON Feed's `title` and `summary`
 * are plain text by definition. Only `content:encoded`, Atom `content` and `content_html` carry HTML,
 * and that HTML is the sanitized body.
 */
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';
import type { AtomFeed, JsonFeed, RssFeed } from 'feedsmith';
import { localeOrder, locales, site } from '../../config/site.ts';
import { ui } from '../../config/ui.ts';
import { formatDate } from '../dates.ts';
import type { Article } from '../../model/article.ts';
import type { Locale } from '../../model/locale.ts';
import { absolutizeHtml } from '../../pipeline/absolutize.ts';
import { localize, nameIn, type LocalizedArticle } from '../localize.ts';
import { imageFacts } from '../media.ts';
import { SHARE_IMAGE } from '../share-image/size.ts';
import { absoluteUrl, paths, type FeedFormat, type FeedScope } from '../urls.ts';
import { articleShareImagePath, chooseShareImages } from '../share-image/selection.ts';
import { websubHubs } from '../notify/config.ts';

/** WebSub hubs every feed names (none unless TONGBAO_WEBSUB_HUBS is set: the default output is unchanged). */
const HUBS = websubHubs();

export const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** The articles a scope holds, newest first, at most `limit`. */
export function articlesIn(scope: FeedScope, articles: readonly Article[], limit = site.feedLimit): Article[] {
  const inScope =
    scope.kind === 'locale'
      ? articles
      : scope.kind === 'category'
        ? articles.filter((a) => a.category.slug === scope.slug)
        : articles.filter((a) => a.authors.some((au) => au.slug === scope.slug));
  return inScope.slice(0, limit);
}

/** Every feed this build writes: each locale, and each category and author that has articles, in each locale. */
export function feedScopes(articles: readonly Article[]): FeedScope[] {
  const categories = [...new Set(articles.map((a) => a.category.slug))].sort();
  const authors = [...new Set(articles.flatMap((a) => a.authors.map((au) => au.slug)))].sort();
  return localeOrder.flatMap((locale): FeedScope[] => [
    { kind: 'locale', locale },
    ...categories.map((slug) => ({ kind: 'category' as const, locale, slug })),
    ...authors.map((slug) => ({ kind: 'author' as const, locale, slug })),
  ]);
}

/** The feed's own title, description and the page it belongs to. */
function describe(scope: FeedScope, articles: readonly Article[]) {
  const siteName = site.name[scope.locale];
  if (scope.kind === 'locale') {
    return { title: siteName, description: site.tagline[scope.locale], page: paths.home(scope.locale) };
  }
  if (scope.kind === 'category') {
    const category = articles.find((a) => a.category.slug === scope.slug)?.category;
    const name = category ? nameIn(category, scope.locale) : scope.slug;
    const description = category?.description
      ? nameIn({ name: category.description, nameLocale: category.nameLocale }, scope.locale)
      : `${siteName} · ${name}`;
    return { title: `${name} | ${siteName}`, description, page: paths.category(scope.locale, scope.slug) };
  }
  const author = articles.flatMap((a) => a.authors).find((au) => au.slug === scope.slug);
  const name = author ? nameIn(author, scope.locale) : scope.slug;
  return { title: `${name} | ${siteName}`, description: `${siteName} · ${name}`, page: paths.author(scope.locale, scope.slug) };
}

/** One item, format-neutral. */
export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  summary: string;
  /** The page's article HTML (body and disclaimers) with absolute URLs. */
  html: string;
  published: Date;
  /** The article's last change: the latest of publishedAt, updatedAt and its newest correction. */
  updated: Date;
  /** Its corrections in the feed's script, newest first; RSS has no field for them, so its description carries them. */
  corrections: { date: Date; text: string }[];
  authors: { name: string; url: string }[];
  category: { term: string; label: string; url: string };
  tags: string[];
  image?: { url: string; type: string; length: number; alt: string } | undefined;
  shareImage: string;
  language: string;
}

/** Entries by localized article (itself cached by content digest): an article in many feeds and formats is prepared once. */
const entries = { own: new WeakMap<LocalizedArticle, FeedEntry>(), site: new WeakMap<LocalizedArticle, FeedEntry>() };

/** `ownShareImage`: whether the article has a share image of its own (the newest of the published list do). */
export function feedEntry(article: Article, locale: Locale, ownShareImage = true): FeedEntry {
  const a: LocalizedArticle = localize(article, locale);
  const cache = ownShareImage ? entries.own : entries.site;
  const hit = cache.get(a);
  if (hit) return hit;
  const entry: FeedEntry = {
    id: a.canonicalUrl,
    url: a.canonicalUrl,
    title: a.title,
    summary: a.summary,
    html: absolutizeHtml(a.html, a.canonicalUrl),
    published: a.publishedAt,
    updated: a.dateModified,
    corrections: a.corrections,
    authors: a.authors.map((au) => ({ name: au.name, url: absoluteUrl(paths.author(locale, au.slug)) })),
    category: { term: a.category.slug, label: a.category.name, url: absoluteUrl(paths.category(locale, a.category.slug)) },
    tags: a.tags,
    image: a.image && { ...imageFacts(a.image.src), alt: a.image.alt },
    shareImage: absoluteUrl(articleShareImagePath(locale, a.slug, ownShareImage)),
    language: locales[locale].feedLanguage,
  };
  cache.set(a, entry);
  return entry;
}

interface FeedModel {
  scope: FeedScope;
  title: string;
  description: string;
  page: string;
  self: Record<FeedFormat, string>;
  language: string;
  /** The newest change among the items: stable across rebuilds of the same content. */
  updated: Date;
  entries: FeedEntry[];
}

/** `ownShareImages`: the build context's choice (server output from Sanity: from the articles' ranks, not the slice's). */
export function feedModel(
  scope: FeedScope,
  published: readonly Article[],
  ownShareImages: ReadonlySet<string> = chooseShareImages(published, site.shareImagesNewest),
): FeedModel {
  const chosen = articlesIn(scope, published);
  const entries = chosen.map((a) => feedEntry(a, scope.locale, ownShareImages.has(a.slug)));
  const self = paths.feeds(scope);
  const updated = entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0));
  return {
    scope,
    ...describe(scope, published),
    self: { rss: absoluteUrl(self.rss), atom: absoluteUrl(self.atom), json: absoluteUrl(self.json) },
    language: locales[scope.locale].feedLanguage,
    updated,
    entries,
  };
}

const GENERATOR = 'Tongbao';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A plain text as HTML that shows exactly that text: for RSS fields that readers render as HTML. */
export function textAsHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** An RSS item's description as plain text: the summary, then each correction with its date (`更正（2026年11月26日）：…`). */
export function rssDescription(entry: Pick<FeedEntry, 'summary' | 'corrections'>, locale: Locale): string {
  const label = ui[locale].correction;
  return [entry.summary, ...entry.corrections.map((c) => `${label}（${formatDate(c.date, locale, site.timeZone)}）：${c.text}`)].join('\n');
}

/** An Atom text construct holding plain text. */
const atomText = (value: string): AtomFeed.Text => ({ value, type: 'text' });

export function toRss(feed: FeedModel): string {
  const value: RssFeed.Feed<Date> = {
    title: textAsHtml(feed.title),
    link: absoluteUrl(feed.page),
    description: textAsHtml(feed.description),
    language: feed.language,
    generator: GENERATOR,
    lastBuildDate: feed.updated,
    ttl: 30,
    image: { url: absoluteUrl(paths.logo()), title: textAsHtml(feed.title), link: absoluteUrl(feed.page) },
    atom: { links: [{ href: feed.self.rss, rel: 'self', type: 'application/rss+xml' }, ...HUBS.map((href) => ({ href, rel: 'hub' }))] },
    items: feed.entries.map((e) => ({
      title: textAsHtml(e.title),
      link: e.url,
      guid: { value: e.id, isPermaLink: true },
      pubDate: e.published,
      description: textAsHtml(rssDescription(e, feed.scope.locale)),
      content: { encoded: e.html },
      dc: { creators: e.authors.map((a) => a.name) },
      categories: [{ name: e.category.label, domain: e.category.url }, ...e.tags.map((name) => ({ name }))],
      enclosures: e.image ? [{ url: e.image.url, length: e.image.length, type: e.image.type }] : undefined,
      media: {
        contents: e.image ? [{ url: e.image.url, type: e.image.type, medium: 'image', fileSize: e.image.length || undefined }] : undefined,
        thumbnails: [{ url: e.shareImage, width: SHARE_IMAGE.width, height: SHARE_IMAGE.height }],
      },
    })),
  };
  return generateRssFeed(value);
}

export function toAtom(feed: FeedModel): string {
  const value: AtomFeed.Feed<Date> = {
    id: feed.self.atom,
    title: atomText(feed.title),
    subtitle: atomText(feed.description),
    updated: feed.updated,
    generator: { text: GENERATOR },
    logo: absoluteUrl(paths.logo()),
    links: [
      { href: absoluteUrl(feed.page), rel: 'alternate', type: 'text/html', hreflang: feed.language },
      { href: feed.self.atom, rel: 'self', type: 'application/atom+xml' },
      ...HUBS.map((href) => ({ href, rel: 'hub' })),
    ],
    // The language of every text in the feed, for readers (and the W3C validator) that look for it.
    xml: { lang: feed.language },
    entries: feed.entries.map((e) => ({
      id: e.id,
      title: atomText(e.title),
      updated: e.updated,
      published: e.published,
      summary: atomText(e.summary),
      content: { value: e.html, type: 'html' },
      authors: e.authors.map((a) => ({ name: a.name, uri: a.url })),
      categories: [
        { term: e.category.term, label: e.category.label, scheme: absoluteUrl(paths.home(feed.scope.locale)) },
        ...e.tags.map((tag) => ({ term: tag, label: tag })),
      ],
      links: [
        { href: e.url, rel: 'alternate', type: 'text/html', hreflang: e.language },
        ...(e.image ? [{ href: e.image.url, rel: 'enclosure', type: e.image.type, length: e.image.length || undefined, title: e.image.alt }] : []),
      ],
      media: { thumbnails: [{ url: e.shareImage, width: SHARE_IMAGE.width, height: SHARE_IMAGE.height }] },
    })),
  };
  return generateAtomFeed(value);
}

export function toJsonFeed(feed: FeedModel): string {
  const value: JsonFeed.Feed<Date> = {
    title: feed.title,
    home_page_url: absoluteUrl(feed.page),
    feed_url: feed.self.json,
    description: feed.description,
    language: feed.language,
    icon: absoluteUrl(paths.logo()),
    authors: [{ name: site.name[feed.scope.locale], url: absoluteUrl(paths.home(feed.scope.locale)) }],
    hubs: HUBS.length > 0 ? HUBS.map((url) => ({ type: 'WebSub', url })) : undefined,
    items: feed.entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_html: e.html,
      summary: e.summary,
      image: e.image?.url ?? e.shareImage,
      banner_image: e.shareImage,
      date_published: e.published,
      date_modified: e.updated,
      tags: [e.category.label, ...e.tags],
      authors: e.authors,
      language: e.language,
      attachments: e.image
        ? [{ url: e.image.url, mime_type: e.image.type, title: e.image.alt, size_in_bytes: e.image.length || undefined }]
        : undefined,
    })),
  };
  return `${JSON.stringify(generateJsonFeed(value), null, 2)}\n`;
}

export function renderFeed(format: FeedFormat, scope: FeedScope, published: readonly Article[], ownShareImages?: ReadonlySet<string>): string {
  const model = feedModel(scope, published, ownShareImages);
  return format === 'rss' ? toRss(model) : format === 'atom' ? toAtom(model) : toJsonFeed(model);
}

/** The `<link rel="alternate">` of each format of a feed, for autodiscovery in `<head>`. */
export function feedLinks(scope: FeedScope, title: string): { type: string; title: string; href: string }[] {
  const self = paths.feeds(scope);
  return [
    { type: 'application/rss+xml', title: `${title} · RSS`, href: absoluteUrl(self.rss) },
    { type: 'application/atom+xml', title: `${title} · Atom`, href: absoluteUrl(self.atom) },
    { type: 'application/feed+json', title: `${title} · JSON Feed`, href: absoluteUrl(self.json) },
  ];
}

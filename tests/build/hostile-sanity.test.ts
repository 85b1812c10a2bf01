/**
 * The XSS matrix through the Sanity source: the vectors of tests/support/hostile.ts as Portable Text
 * (span text, decorators, link annotations and their hrefs, image alt and captions, headings, quotes,
 * lists, code, tables), titles, summaries, tags, author and category names, source and main image,
 * served by one local lake and built once with `npm run build` from it. Checked as the local matrix
 * is (tests/build/hostile.test.ts, with the same helpers): statically on every page and feed, and in
 * Chromium: 0 executions. Unsafe links and blocks are refused with the document and field named.
 *
 * Every feed in every format is rendered as a reader renders it (tests/support/browser.ts), and
 * control characters in any field of a document are refused with the document and field named.
 *
 * Time: the first four articles carry every vector in one Portable Text form each and the rest their
 * own share in all forms, so the site has SANITY_ARTICLES articles, built once; pages are visited in
 * 4 tabs of one Chromium.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleError } from '../../src/model/article.ts';
import { ContentError } from '../../src/sources/local/files.ts';
import { readSanityArticles } from '../../src/sources/sanity/loader.ts';
import type { Lake } from '../../scripts/lake/server.ts';
import { projectRoot, type BuildResult } from '../support/build.ts';
import { launch, serve, visit, visitFeeds, type FeedFile } from '../support/browser.ts';
import { allVectors, controlCharacters, hostileArticles, PT_ACCEPTED_HREFS, PT_REFUSED, sanityDocuments, XSS_PATHS } from '../support/hostile.ts';
import { xmlWellFormedness } from '../../src/lib/verify/output.ts';
import { DATASET, lakeEnv, runAsync, startLake } from '../support/lake.ts';
import { rssItems } from '../support/rss.ts';
import { rel, scriptSafety, walkFiles } from '../support/site-checks.ts';

const SANITY_ARTICLES = 12;
const vectors = allVectors();
// Portable Text text is text: no markup in it can take text with it, so every body carries every vector of its share.
const records = hostileArticles(vectors, vectors, SANITY_ARTICLES);
const decodeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
/** The sample dataset without its articles: settings and the image asset the hostile documents use. */
const base = readFileSync(DATASET, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Record<string, unknown> & { _id: string; _type: string })
  .filter((d) => d._type === 'sanity.imageAsset' || d._type === 'siteSettings');
const assetId = base.find((d) => d._type === 'sanity.imageAsset')!._id;
const documents = sanityDocuments(records, vectors, assetId);
const articleDocs = documents.filter((d) => d._type === 'article');

function datasetFile(docs: readonly Record<string, unknown>[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tongbao-hostile-sanity-')), 'dataset.ndjson');
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return file;
}

let lake: Lake;
let origin: string;
let build: BuildResult;
beforeAll(async () => {
  ({ lake, origin } = await startLake({ datasetFile: datasetFile([...base, ...documents]) }));
  build = await runAsync([join(projectRoot, 'scripts', 'build.ts')], lakeEnv(origin), 300_000);
  if (build.status !== 0) throw new Error(`hostile Sanity build failed:\n${build.output.slice(-4000)}`);
}, 310_000);
afterAll(() => lake?.close());

describe('the hostile dataset', () => {
  it('puts every vector through every Portable Text form, and the accepted hrefs into links', () => {
    expect(XSS_PATHS.filter((p) => p.source === 'sanity')).toHaveLength(9);
    const bodies = articleDocs.map((d) => JSON.stringify(d.body));
    const blocks = articleDocs.flatMap((d) => d.body as Record<string, unknown>[]);
    const first = (i: number) => articleDocs[i]!.body as Record<string, unknown>[];
    for (const raw of vectors) {
      const v = raw.trim();
      if (!v) continue;
      expect(first(0).some((b) => (b.markDefs as { href: string }[]).some((d) => d.href === `https://example.com/#${v}`))).toBe(true);
      expect(first(1).some((b) => b.alt === v && b.caption === v)).toBe(true);
      expect(first(2).some((b) => (b.children as { text: string }[]).some((s) => s.text === v))).toBe(true);
      expect(first(3).some((b) => b._type === 'code' && b.code === v)).toBe(true);
      expect(first(3).some((b) => b._type === 'table' && JSON.stringify(b.rows).includes(JSON.stringify(v)))).toBe(true);
    }
    for (const href of PT_ACCEPTED_HREFS) expect(bodies.every((b) => b.includes(JSON.stringify(href)))).toBe(true);
    expect(new Set(blocks.map((b) => String(b.style ?? b._type)))).toEqual(
      new Set(['normal', 'h2', 'h3', 'h4', 'blockquote', 'image', 'code', 'table']),
    );
  });

  it('builds from the lake, publishes every article and loses nothing', () => {
    expect(build.output).toMatch(new RegExp(`${SANITY_ARTICLES} article\\(s\\) from Sanity`));
    expect(build.output).toContain(`${SANITY_ARTICLES} published articles: ${SANITY_ARTICLES * 2} pages`);
  });
});

describe('static checks: no script survives', () => {
  it('in any HTML page: no foreign script, no on* attribute, only safe URL schemes, a strict CSP', () => {
    const pages = walkFiles(build.outDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(SANITY_ARTICLES * 2 * 4);
    const findings = pages.flatMap((f) => scriptSafety(readFileSync(f, 'utf8'), rel(build.outDir, f)));
    expect(findings).toEqual([]);
  });

  it('every feed and sitemap is well-formed XML (strict parser)', () => {
    const xml = walkFiles(build.outDir).filter((f) => f.endsWith('.xml'));
    expect(xml.length).toBeGreaterThanOrEqual(2 * (1 + 2 * SANITY_ARTICLES) * 2 + 3);
    expect(xml.map((f) => [rel(build.outDir, f), xmlWellFormedness(readFileSync(f))]).filter(([, e]) => e)).toEqual([]);
  });

  it('the accepted hostile hrefs stay links whose payload is an inert, encoded value', () => {
    const html = readFileSync(join(build.outDir, 'zh-hans', 'articles', records[0]!.slug, 'index.html'), 'utf8');
    const links: Element[] = [];
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'a' && child.children.some((c) => c.type === 'text' && c.value.startsWith('链接'))) links.push(child);
        walk(child);
      }
    };
    walk(fromHtml(html));
    expect(links).toHaveLength(PT_ACCEPTED_HREFS.length);
    const hrefs = links.map((a) => String(a.properties.href));
    for (const href of hrefs) {
      expect(href).toMatch(/^(https?:|mailto:|\/)/);
      expect(href).not.toMatch(/["<>\s]/); // a ' inside a double-quoted attribute is inert
    }
    expect(hrefs[0]).toBe('https://example.com/?q=%22%3E%3Cscript%3Ealert(971)%3C/script%3E');
  });

  it.each(['zh-hans', 'zh-hant'])('in the %s feeds (RSS, Atom, JSON Feed): items parse, their HTML is clean, texts stay text', (segment) => {
    const rss = rssItems(readFileSync(join(build.outDir, segment, 'rss.xml'), 'utf8'));
    expect(rss).toHaveLength(SANITY_ARTICLES);
    const json = JSON.parse(readFileSync(join(build.outDir, segment, 'feed.json'), 'utf8')) as { items: { url: string; content_html?: string }[] };
    expect(json.items).toHaveLength(SANITY_ARTICLES);
    const findings = [
      ...rss.flatMap((item) => scriptSafety(item.content, `${segment}/rss.xml ${item.link}`, { fragment: true })),
      ...json.items.flatMap((item) => scriptSafety(item.content_html ?? '', `${segment}/feed.json ${item.url}`, { fragment: true })),
    ];
    // Atom, read with a real XML parser: every entry's HTML content is clean, the author name stays text.
    const atom = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'category' }).parse(
      readFileSync(join(build.outDir, segment, 'atom.xml'), 'utf8'),
    ) as { feed: { entry: { id: string; content: string | { '#text': string }; author: { name: string } }[] } };
    expect(atom.feed.entry).toHaveLength(SANITY_ARTICLES);
    for (const entry of atom.feed.entry) {
      const content = typeof entry.content === 'string' ? entry.content : entry.content['#text'];
      expect(content.length).toBeGreaterThan(100);
      findings.push(...scriptSafety(content, `${segment}/atom.xml ${entry.id}`, { fragment: true }));
    }
    expect(findings).toEqual([]);
    const newest = rss.find((i) => i.link.endsWith(`/${records[0]!.slug}/`));
    expect(newest?.categories.length).toBeGreaterThanOrEqual(records[0]!.tags.length);
    // RSS titles and descriptions are HTML to readers: written as escaped text, they hold no markup.
    for (const item of rss) expect(`${item.title}${item.description}`).not.toMatch(/[<>]/);
    if (segment === 'zh-hans') {
      expect(atom.feed.entry[0]?.author.name.trim()).toBe(records[0]?.author.name);
      expect(decodeHtml(newest!.title.trim())).toBe(records[0]?.title);
      expect(decodeHtml(newest!.description.trim())).toBe(records[0]?.summary);
      expect(newest?.creator?.trim()).toBe(records[0]?.author.name);
    }
  });
});

describe('in Chromium: 0 executions', () => {
  let browser: Browser;
  let server: Server;
  let site: string;
  beforeAll(async () => {
    ({ server, origin: site } = await serve(build.outDir));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('on every page (CSP bypassed: the sanitizer and escaping alone)', async () => {
    const urls = walkFiles(build.outDir)
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `${site}/${rel(build.outDir, f).replace(/index\.html$/, '')}`);
    expect(urls.length).toBeGreaterThanOrEqual(SANITY_ARTICLES * 2);
    const found = await visit(browser, site, urls);
    expect(found.calls).toEqual([]);
    expect(found.dialogs).toEqual([]);
    expect(found.popups).toBe(0);
    expect(found.navigations).toEqual([]);
    expect(found.pageErrors).toEqual([]);
    expect(found.console.filter((m) => !/Failed to load resource|net::ERR_/.test(m))).toEqual([]);
  }, 300_000);

  it('every link of the article resolves, in the browser, to http(s) or mailto: and runs nothing', async () => {
    const page = `${site}/zh-hans/articles/${records[0]!.slug}/`;
    const found = await visit(browser, site, [], async (p) => {
      await p.goto(page, { waitUntil: 'load' });
      // As the browser resolves them: site paths become http(s) URLs; no href may resolve to a script scheme.
      const hrefs = await p.$$eval('article a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:)/);
    });
    expect(found.calls).toEqual([]);
    expect(found.dialogs).toEqual([]);
    expect(found.pageErrors).toEqual([]);
  }, 60_000);

  it('on every feed in every format, shown as a reader shows it (RSS titles and descriptions as HTML)', async () => {
    const feeds = walkFiles(build.outDir)
      .map((f) => rel(build.outDir, f))
      .filter((f) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(f))
      .map(
        (name) =>
          ({
            name,
            format: name.endsWith('rss.xml') ? 'rss' : name.endsWith('atom.xml') ? 'atom' : 'json',
            text: readFileSync(join(build.outDir, name), 'utf8'),
          }) as FeedFile,
      );
    expect(feeds.length).toBe(2 * 3 * (1 + 2 * SANITY_ARTICLES));
    const found = await visitFeeds(browser, site, feeds);
    expect(found.notWellFormed).toEqual([]);
    expect(found.calls).toEqual([]);
    expect(found.dialogs).toEqual([]);
    expect(found.popups).toBe(0);
    expect(found.navigations).toEqual([]);
    expect(found.pageErrors).toEqual([]);
  }, 300_000);
});

describe('unsafe links and blocks are refused, naming the document and the field', () => {
  it.each(PT_REFUSED.map((r) => [r.what, r] as const))('%s', async (_what, refused) => {
    const doc = { ...articleDocs[4]!, _id: 'article.refused', slug: { _type: 'slug', current: 'refused' }, body: [refused.block] };
    const authors = documents.filter((d) => d._id === `author.${records[4]!.author.slug}` || d._id === `category.${records[4]!.category.slug}`);
    const { lake: other, origin: at } = await startLake({ datasetFile: datasetFile([...base, ...authors, doc]) });
    try {
      const options = {
        projectId: 'local',
        dataset: 'production',
        apiHost: at,
        perspective: 'published',
        timeoutMs: 5_000,
        attempts: 1,
        backoffMs: 10,
      } as const;
      const error = await readSanityArticles(options, () => {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      const problem = (error as ContentError).problems[0] as ArticleError;
      expect(problem.where).toBe('Sanity document article.refused');
      expect(problem.issues.map((i) => i.field)).toContain(refused.field);
      expect((error as Error).message).toMatch(/Fix Sanity document article\.refused and build again/);
    } finally {
      await other.close();
    }
  });
});

describe('control characters are refused, naming the document and the field', () => {
  it('in every field of a document, through the lake and @sanity/client', async () => {
    const { refused } = controlCharacters();
    const template = articleDocs[4]!;
    const text = (ch: string) => `文字${ch}文字`;
    const fields: [string, (ch: string) => Record<string, unknown>, string][] = [
      ['title', (ch) => ({ title: text(ch) }), 'title'],
      ['summary', (ch) => ({ summary: text(ch) }), 'summary'],
      [
        'span',
        (ch) => ({
          body: [{ _type: 'block', _key: 'b1', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's1', text: text(ch), marks: [] }] }],
        }),
        'body[_key=="b1"].children[_key=="s1"].text',
      ],
      ['tag', (ch) => ({ tags: ['正常', text(ch)] }), 'tags[1]'],
      ['source', (ch) => ({ source: { name: text(ch), url: 'https://example.com/' } }), 'source.name'],
      ['alt', (ch) => ({ mainImage: { ...(template.mainImage as object), alt: text(ch) } }), 'mainImage.alt'],
    ];
    const cases = refused.flatMap((ch, i) => fields.map(([name, patch, field]) => ({ id: `article.cc-${i}-${name}`, ch, field, patch: patch(ch) })));
    const docs = cases.map((c) => ({ ...template, ...c.patch, _id: c.id, slug: { _type: 'slug', current: c.id.slice('article.'.length) } }));
    const taxonomy = documents.filter((d) => d._id === `author.${records[4]!.author.slug}` || d._id === `category.${records[4]!.category.slug}`);
    const { lake: other, origin: at } = await startLake({ datasetFile: datasetFile([...base, ...taxonomy, ...docs]) });
    try {
      const options = {
        projectId: 'local',
        dataset: 'production',
        apiHost: at,
        perspective: 'published',
        timeoutMs: 10_000,
        attempts: 1,
        backoffMs: 10,
      } as const;
      const error = await readSanityArticles(options, () => {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      const problems = (error as ContentError).problems as ArticleError[];
      for (const c of cases) {
        const problem = problems.find((p) => p.where === `Sanity document ${c.id}`);
        const issue = problem?.issues.find((i) => i.field === c.field);
        expect(issue?.message, `${c.id}: ${JSON.stringify(c.ch)} in ${c.field}`).toMatch(
          /^U\+[0-9A-F]{4} \((control character|bidirectional control|noncharacter|lone surrogate)\) at character 3; /,
        );
      }
    } finally {
      await other.close();
    }
  }, 60_000);
});

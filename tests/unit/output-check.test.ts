/** The output check of `npm run build` (src/lib/verify/output.ts), each check on inputs made here. */
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { secretsOf } from '../../src/config/env.ts';
import type { BuildManifest } from '../../src/lib/verify/manifest.ts';
import { checkFeeds, checkPages, checkSitemap, checkXml, fileOfPath, scanSecrets, xmlWellFormedness } from '../../src/lib/verify/output.ts';

const S = 'https://site.example';
const art = (seg: string, slug: string, inSitemap = true) => ({
  slug,
  path: `/${seg}/articles/${slug}/`,
  url: `${S}/${seg}/articles/${slug}/`,
  inSitemap,
});
const manifest: BuildManifest = {
  feedLimit: 2,
  sitemaps: ['/sitemap-articles.xml'],
  locales: [
    {
      locale: 'zh-Hans',
      feeds: { rss: '/zh-hans/rss.xml', atom: '/zh-hans/atom.xml', json: '/zh-hans/feed.json' },
      articles: [art('zh-hans', 'c'), art('zh-hans', 'b'), art('zh-hans', 'a')],
    },
  ],
};
const urls = (slugs: string[]) => slugs.map((s) => `${S}/zh-hans/articles/${s}/`);
const feeds = (slugs: string[]): Record<string, string> => ({
  'zh-hans/rss.xml': generateRssFeed({ title: 't', description: 'd', link: S, items: urls(slugs).map((u) => ({ title: u, link: u })) }),
  // feedsmith's Atom types want structured text; plain strings are what it writes for them.
  'zh-hans/atom.xml': generateAtomFeed({
    id: S,
    title: 't',
    updated: new Date(0),
    entries: urls(slugs).map((u) => ({ id: u, title: u, updated: new Date(0), links: [{ href: u }] })),
  } as never),
  'zh-hans/feed.json': JSON.stringify(generateJsonFeed({ title: 't', items: urls(slugs).map((u) => ({ id: u, url: u, content_text: u })) })),
});
const sitemap = (slugs: string[]) =>
  `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls(slugs)
    .map((u) => `<url><loc>${u}</loc></url>`)
    .join('')}</urlset>`;

describe('output check', () => {
  it('maps site paths to files (directory format, percent-decoded)', () => {
    expect(fileOfPath('/')).toBe('index.html');
    expect(fileOfPath('/zh-hans/articles/a%20b/')).toBe('zh-hans/articles/a b/index.html');
    expect(fileOfPath('/zh-hans/rss.xml')).toBe('zh-hans/rss.xml');
  });

  it('pages: names each article without a page in a locale', () => {
    const have = new Set(['zh-hans/articles/c/index.html', 'zh-hans/articles/a/index.html']);
    expect(checkPages(manifest, (f) => have.has(f))).toEqual([
      { check: 'page', message: 'article "b" has no zh-Hans page (zh-hans/articles/b/index.html)' },
    ]);
  });

  it('feeds: every article inside the feed window must be in RSS, Atom and JSON; older ones need not', () => {
    expect(checkFeeds(manifest, (f) => feeds(['c', 'b'])[f])).toEqual([]);
    const files: Record<string, string | undefined> = { ...feeds(['c', 'b']), 'zh-hans/atom.xml': feeds(['c'])['zh-hans/atom.xml'] };
    expect(checkFeeds(manifest, (f) => files[f]).map((p) => p.message)).toEqual(['article "b" is not in the zh-Hans atom feed (zh-hans/atom.xml)']);
  });

  it('feeds: a missing or unparsable feed is named', () => {
    const files: Record<string, string | undefined> = { ...feeds(['c', 'b']), 'zh-hans/feed.json': undefined, 'zh-hans/rss.xml': 'not a feed' };
    const messages = checkFeeds(manifest, (f) => files[f]).map((p) => p.message);
    expect(messages[0]).toMatch(/^the zh-Hans rss feed does not parse \(zh-hans\/rss\.xml\)/);
    expect(messages[1]).toBe('the zh-Hans json feed is missing (zh-hans/feed.json)');
    expect(messages).toHaveLength(2);
  });

  const files = (byFile: Record<string, string>) => (file: string) => byFile[file];
  it('sitemap: every published article needs an entry', () => {
    expect(checkSitemap(manifest, files({ 'sitemap-articles.xml': sitemap(['a', 'b', 'c']) }))).toEqual([]);
    expect(checkSitemap(manifest, files({ 'sitemap-articles.xml': sitemap(['c']) }))).toEqual([
      { check: 'sitemap', message: 'article "b" (zh-Hans) has no entry in sitemap-articles.xml' },
      { check: 'sitemap', message: 'article "a" (zh-Hans) has no entry in sitemap-articles.xml' },
    ]);
    expect(checkSitemap(manifest, files({}))).toEqual([{ check: 'sitemap', message: 'the sitemap is missing (sitemap-articles.xml)' }]);
  });

  it('sitemap: split in numbered sitemaps, an entry in any of them will do; a missing one is named', () => {
    const split: BuildManifest = { ...manifest, sitemaps: ['/sitemap-articles.xml', '/sitemap-articles-2.xml'] };
    const both = { 'sitemap-articles.xml': sitemap(['a']), 'sitemap-articles-2.xml': sitemap(['b', 'c']) };
    expect(checkSitemap(split, files(both))).toEqual([]);
    expect(checkSitemap(split, files({ ...both, 'sitemap-articles-2.xml': sitemap(['c']) }))).toEqual([
      { check: 'sitemap', message: 'article "b" (zh-Hans) has no entry in any of sitemap-articles.xml, sitemap-articles-2.xml' },
    ]);
    expect(checkSitemap(split, files({ 'sitemap-articles.xml': sitemap(['a', 'b', 'c']) }))).toEqual([
      { check: 'sitemap', message: 'the sitemap is missing (sitemap-articles-2.xml)' },
    ]);
  });

  it('sitemap: a reprint whose canonical is its source needs no entry (the sitemaps leave it out)', () => {
    const reprint: BuildManifest = {
      ...manifest,
      locales: [{ ...manifest.locales[0]!, articles: [art('zh-hans', 'c'), art('zh-hans', 'r', false)] }],
    };
    expect(checkSitemap(reprint, files({ 'sitemap-articles.xml': sitemap(['c']) }))).toEqual([]);
    expect(checkSitemap(reprint, files({ 'sitemap-articles.xml': sitemap([]) }))).toEqual([
      { check: 'sitemap', message: 'article "c" (zh-Hans) has no entry in sitemap-articles.xml' },
    ]);
  });

  it('secrets: finds a value in any file, names the variable, never the value', () => {
    const secrets = secretsOf({
      SANITY_READ_TOKEN: 'skAbc123456789',
      API_KEY: 'short',
      DB_PASSWORD: 'hunter2hunter2',
      SITE_URL: 'https://x.example',
    });
    expect([...secrets.keys()]).toEqual(['SANITY_READ_TOKEN', 'DB_PASSWORD']);
    const problems = scanSecrets(
      [
        { file: 'a/index.html', content: Buffer.from('<p>nothing</p>') },
        { file: 'b/share.png', content: Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from('xxskAbc123456789xx')]) },
      ],
      secrets,
    );
    expect(problems).toEqual([{ check: 'secret', message: 'b/share.png contains the value of SANITY_READ_TOKEN' }]);
    expect(JSON.stringify(problems)).not.toContain('skAbc');
  });

  describe('every XML file is well-formed (a strict XML 1.0 parser)', () => {
    const good = feeds(['c', 'b'])['zh-hans/rss.xml']!;
    const files = (entries: Record<string, string | Buffer>) =>
      Object.entries(entries).map(([file, content]) => ({ file, content: Buffer.isBuffer(content) ? content : Buffer.from(content) }));

    it('passes the feeds and sitemaps the writers make', () => {
      expect(xmlWellFormedness(good)).toBeUndefined();
      expect(xmlWellFormedness(Buffer.from(sitemap(['a'])))).toBeUndefined();
      expect(
        checkXml(files({ 'zh-hans/rss.xml': good, 'zh-hans/atom.xml': feeds(['c'])['zh-hans/atom.xml']!, 'sitemap-articles.xml': sitemap(['a']) })),
      ).toEqual([]);
    });

    it.each([
      ['U+0001', '<rss><t>a\u0001b</t></rss>', /disallowed character/],
      ['U+001F in an attribute', '<rss><t a="\u001F"/></rss>', /disallowed character/],
      ['U+000C (form feed)', '<rss><t>\u000C</t></rss>', /disallowed character/],
      ['U+FFFE', '<rss><t>\uFFFE</t></rss>', /disallowed character/],
      ['U+FFFF', '<rss><t>\uFFFF</t></rss>', /disallowed character/],
      ['a character reference to U+0001', '<rss><t>&#1;</t></rss>', /malformed character entity/],
      ['an HTML entity', '<rss><t>&nbsp;</t></rss>', /undefined entity/],
      ['a crossed tag', '<rss><t><b></t></b></rss>', /unexpected close tag/],
      ['an unclosed root', '<rss><t>x</t>', /unclosed tag/],
      ['text only', 'plain text', /no root element|text data outside of root node/],
    ])('refuses %s', (_what, xml, error) => {
      expect(xmlWellFormedness(xml)).toMatch(error);
    });

    it('refuses lone surrogates: as a string, and as the bytes a writer makes of one (not UTF-8)', () => {
      expect(xmlWellFormedness('<rss><t>\uD800x</t></rss>')).toMatch(/lone surrogate U\+D800 at offset 8/);
      expect(xmlWellFormedness('<rss><t>x\uDC00</t></rss>')).toMatch(/lone surrogate U\+DC00/);
      const bytes = Buffer.concat([Buffer.from('<rss><t>'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('</t></rss>')]);
      expect(xmlWellFormedness(bytes)).toMatch(/not UTF-8/);
      // A paired surrogate (an emoji) is a character like any other.
      expect(xmlWellFormedness('<rss><t>\u{1F600}</t></rss>')).toBeUndefined();
    });

    it('names the file and the error; other files are not parsed', () => {
      const bad = good.replace('<title>t</title>', '<title>t\u0001</title>');
      expect(checkXml(files({ 'zh-hans/rss.xml': bad, 'zh-hans/feed.json': '{"x":"\u0001"}', 'index.html': '<p>\u0001' }))).toEqual([
        { check: 'xml', message: expect.stringMatching(/^zh-hans\/rss\.xml is not well-formed XML: \d+:\d+: disallowed character\.$/) },
      ]);
    });
  });
});

/**
 * The checks around a build, on small output folders written here: nothing lost (pages, feeds,
 * sitemap), the secret scan, the atomic swap, and the static script-safety and link checkers.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFeeds, checkPages, checkSitemap, feedLinks, formatReport, verifyNothingLost, type SiteShape } from '../../src/build/nothing-lost.ts';
import { leftovers, publish, stagingPath } from '../../src/build/publish.ts';
import { findSecretLeaks, secretCandidates } from '../../src/build/secrets.ts';
import { brokenLinks, scriptSafety, urlScheme } from '../support/site-checks.ts';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tongbao-out-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const shape: SiteShape = {
  locales: ['zh-Hans', 'zh-Hant'],
  articlePath: (l, slug) => `/${l.toLowerCase()}/articles/${slug}/`,
  homePath: (l) => `/${l.toLowerCase()}/`,
  feedPath: (l) => `/${l.toLowerCase()}/rss.xml`,
  absoluteUrl: (p) => `https://x.example${p}`,
  feedLimit: 2,
};
const rss = (...slugs: string[]) => (l: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${slugs.map((s) => `<item><title>${s}</title><link>https://x.example/${l}/articles/${s}/</link></item>`).join('')}</channel></rss>`;
const page = '<!doctype html><html><head></head><body></body></html>';
const article = (slug: string, publishedAt: string, draft = false) => ({ slug, publishedAt: new Date(publishedAt), draft });
const clock = { startedAt: new Date('2026-06-01T00:00:00Z'), finishedAt: new Date('2026-06-01T00:00:10Z') };

function site(slugs: string[], feed = rss(...slugs)): Record<string, string> {
  const files: Record<string, string> = {};
  for (const l of ['zh-hans', 'zh-hant']) {
    files[`${l}/index.html`] = page;
    files[`${l}/rss.xml`] = feed(l);
    for (const s of slugs) files[`${l}/articles/${s}/index.html`] = page;
  }
  return files;
}

describe('nothing lost', () => {
  it('pages: names each missing page with its locale', () => {
    const files = site(['a', 'b']);
    delete files['zh-hant/articles/b/index.html'];
    const result = checkPages(folder(files), ['a', 'b'], shape);
    expect(result.found).toBe(3);
    expect(result.missing).toEqual([{ check: 'page', slug: 'b', locale: 'zh-Hant', where: 'zh-hant/articles/b/index.html' }]);
  });

  it('feeds: every article of the window has an item in each locale feed; RSS, Atom and JSON Feed are read', () => {
    const dir = folder(site(['a', 'b'], rss('a')));
    const result = checkFeeds(dir, ['a', 'b'], shape);
    expect(result.feeds.map((f) => `${f.feed} ${f.found}/${f.expected}`)).toEqual(['/zh-hans/rss.xml 1/2', '/zh-hant/rss.xml 1/2']);
    expect(result.missing.map((m) => `${m.slug} ${m.locale} ${m.where}`)).toEqual(['b zh-Hans zh-hans/rss.xml', 'b zh-Hant zh-hant/rss.xml']);
    expect(feedLinks('<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="https://x.example/a/"/><link rel="enclosure" href="https://x.example/a.mp3"/></entry></feed>')).toEqual(['https://x.example/a/']);
    expect(feedLinks('{"version":"https://jsonfeed.org/version/1.1","items":[{"url":"https://x.example/b/"}]}')).toEqual(['https://x.example/b/']);
  });

  it('feeds: also checks every feed a locale home announces', () => {
    const files = site(['a']);
    files['zh-hans/index.html'] = '<!doctype html><html><head><link rel="alternate" type="application/atom+xml" href="https://x.example/zh-hans/atom.xml"><link rel="alternate" type="application/rss+xml" href="https://x.example/zh-hant/rss.xml"></head></html>';
    files['zh-hans/atom.xml'] = '<feed xmlns="http://www.w3.org/2005/Atom"></feed>';
    const result = checkFeeds(folder(files), ['a'], shape);
    expect(result.feeds.map((f) => f.feed)).toEqual(['/zh-hans/atom.xml', '/zh-hans/rss.xml', '/zh-hant/rss.xml']);
    expect(result.missing).toEqual([{ check: 'feed', slug: 'a', locale: 'zh-Hans', where: 'zh-hans/atom.xml' }]);
  });

  it('sitemap: not checked while there is none; once there is, every page in every locale needs an entry', () => {
    expect(checkSitemap(folder(site(['a'])), ['a'], shape)).toEqual({ sitemap: null, missing: [] });
    const files = {
      ...site(['a', 'b']),
      'sitemap-index.xml': '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.example/sitemap-0.xml</loc></sitemap></sitemapindex>',
      'sitemap-0.xml': '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/zh-hans/articles/a/</loc></url><url><loc>https://x.example/zh-hant/articles/a/</loc></url><url><loc>https://x.example/zh-hans/articles/b/</loc></url></urlset>',
    };
    const result = checkSitemap(folder(files), ['a', 'b'], shape);
    expect(result.sitemap).toEqual({ files: ['sitemap-0.xml', 'sitemap-index.xml'], found: 3, expected: 4 });
    expect(result.missing).toEqual([{ check: 'sitemap', slug: 'b', locale: 'zh-Hant', where: 'sitemap-0.xml, sitemap-index.xml' }]);
  });

  it('requires only what was published when the build started, and the feed window of the newest', () => {
    const articles = [
      article('old', '2026-01-01T00:00:00Z'),
      article('mid', '2026-02-01T00:00:00Z'),
      article('new', '2026-03-01T00:00:00Z'),
      article('draft', '2026-03-01T00:00:00Z', true),
      article('during', '2026-06-01T00:00:05Z'), // went live while the build ran: not required
      article('later', '2026-07-01T00:00:00Z'),
    ];
    // feedLimit 2: at the end of the build the newest are "during" and "new"; only "new" is required in the feed.
    const report = verifyNothingLost(folder(site(['old', 'mid', 'new'], rss('new'))), articles, shape, clock);
    expect(report.missing).toEqual([]);
    expect(report.articles).toBe(3);
    expect(report.pages).toEqual({ found: 6, expected: 6 });
    expect(formatReport(report)).toBe(
      '[tongbao] nothing lost check: 3 published article(s); pages 6/6; feeds /zh-hans/rss.xml 1/1, /zh-hant/rss.xml 1/1; sitemap: none yet (not checked)',
    );
  });

  it('fails on a lost article and says what is missing where', () => {
    const report = verifyNothingLost(folder(site(['a'])), [article('a', '2026-01-01T00:00:00Z'), article('b', '2026-01-02T00:00:00Z')], shape, clock);
    expect(report.missing.map((m) => m.check)).toEqual(['page', 'page', 'feed', 'feed']);
    expect(formatReport(report)).toContain('[tongbao] missing page: article "b" (zh-Hans) in zh-hans/articles/b/index.html');
    expect(formatReport(report)).toContain('[tongbao] missing feed: article "b" (zh-Hant) in zh-hant/rss.xml');
  });
});

describe('secret scan', () => {
  const env = {
    SANITY_API_TOKEN: 'skTongbaoSecret_1234567890',
    DB_PASSWORD: 'p@ss w0rd&<"x">',
    PUBLIC_KEY_ID: 'short',
    SITE_URL: 'https://x.example',
    HOME: '/root/somewhere',
  };

  it('searches only credential-like variables with values long enough to be one', () => {
    expect(secretCandidates(env).map((c) => c.name)).toEqual(['SANITY_API_TOKEN', 'DB_PASSWORD']);
  });

  it('finds a value as written, URL-encoded and HTML-escaped, and names the variable and the file', () => {
    const dir = folder({
      'a/index.html': `<p>token skTongbaoSecret_1234567890</p>`,
      'b/index.html': `<a href="/?p=${encodeURIComponent('p@ss w0rd&<"x">')}">x</a>`,
      'c/index.html': '<p>p@ss w0rd&amp;&lt;&quot;x&quot;&gt;</p>',
      'clean/index.html': '<p>https://x.example /root/somewhere short</p>',
    });
    const result = findSecretLeaks(dir, env);
    expect(result.files).toBe(4);
    expect(result.leaks).toEqual([
      { variable: 'SANITY_API_TOKEN', file: 'a/index.html' },
      { variable: 'DB_PASSWORD', file: 'b/index.html' },
      { variable: 'DB_PASSWORD', file: 'c/index.html' },
    ]);
  });
});

describe('atomic publish', () => {
  it('replaces the target with the staging folder and leaves nothing behind', () => {
    const target = join(folder({}), 'dist');
    mkdirSync(target);
    writeFileSync(join(target, 'old.html'), 'old');
    const staging = stagingPath(target, 'test');
    mkdirSync(staging);
    writeFileSync(join(staging, 'new.html'), 'new');
    expect(leftovers(target)).toEqual([staging]);
    publish(staging, target);
    expect(readdirSync(target)).toEqual(['new.html']);
    expect(existsSync(staging)).toBe(false);
    expect(leftovers(target)).toEqual([]);
  });

  it('publishes a first site where there was none, and refuses a missing staging folder', () => {
    const target = join(folder({}), 'dist');
    const staging = stagingPath(target, 'first');
    mkdirSync(staging);
    writeFileSync(join(staging, 'index.html'), 'first');
    publish(staging, target);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('first');
    expect(() => publish(staging, target)).toThrow(/nothing to publish/);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('first');
  });
});

describe('static script-safety check', () => {
  const csp = `<meta http-equiv="content-security-policy" content="script-src 'self'; style-src 'self'">`;
  const doc = (body: string, head = csp) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
  const problems = (html: string) => scriptSafety(html, 'x.html').map((f) => f.problem);

  it('passes a clean page with its own external script and JSON-LD', () => {
    expect(problems(doc('<script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{"@type":"NewsArticle"}</script><a href="https://x.example/">x</a><a href="mailto:a@b.c">m</a><a href="#top">t</a>'))).toEqual([]);
  });

  it.each([
    ['an inline script', '<script>alert(1)</script>', /inline <script> not allowed/],
    ['a foreign script', '<script src="https://evil.example/x.js"></script>', /not a file of this site/],
    ['an event handler', '<img src="/a.png" alt="" onerror="alert(1)">', /event handler attribute onError/],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', /unsafe URL scheme/],
    ['an entity-obfuscated scheme', '<a href="jav&#x09;ascript:alert(1)">x</a>', /unsafe URL scheme/],
    ['a data: HTML link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', /unsafe URL scheme/],
    ['an SVG data image', '<img alt="" src="data:image/svg+xml,<svg onload=alert(1)>">', /unsafe URL scheme/],
    ['an iframe', '<iframe src="/x"></iframe>', /<iframe> element/],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=/x">', /meta http-equiv="refresh"/],
    ['a style element in the body', '<style>body{}</style>', /<style> element/],
    ['an SVG script', '<svg><script>alert(1)</script></svg>', /inline <script>/],
  ])('finds %s', (_name, body, problem) => {
    expect(problems(doc(body)).join('\n')).toMatch(problem);
  });

  it('requires a CSP without unsafe-inline scripts, and accepts hashed inline scripts', () => {
    expect(problems(doc('', ''))).toEqual(['no Content-Security-Policy <meta>']);
    expect(problems(doc('', `<meta http-equiv="content-security-policy" content="script-src 'self' 'unsafe-inline'">`)).join()).toMatch(/allows 'self' 'unsafe-inline'/);
    // sha256 of "console.log(1)"
    const hashed = `<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='">`;
    expect(problems(doc('<script>console.log(1)</script>', hashed))).toEqual([]);
  });

  it('reads schemes the way a browser does', () => {
    expect(urlScheme(' \tJaVa\nScript:alert(1)')).toBe('javascript');
    expect(urlScheme('/zh-hans/')).toBeUndefined();
    expect(urlScheme('a:b')).toBe('a');
  });
});

describe('link checker', () => {
  it('finds missing pages, images and anchors; follows absolute links on the site; ignores other sites', () => {
    const dir = folder({
      'index.html': '<!doctype html><html><body><a href="/a/">a</a><a href="/a/#here">ok</a><a href="/a/#nowhere">bad anchor</a><a href="/gone/">gone</a><img src="/missing.png" alt=""><a href="https://x.example/a/">abs</a><a href="https://x.example/nope/">abs gone</a><a href="https://elsewhere.example/x">other</a><a href="#self">self</a><p id="self"></p></body></html>',
      'a/index.html': '<!doctype html><html><body><h2 id="here">h</h2><a href="../">up</a><a href="img.png">rel</a></body></html>',
      'a/img.png': 'png',
    });
    const result = brokenLinks(dir, 'https://x.example');
    expect(result.broken.map((b) => `${b.file}: ${b.problem}`)).toEqual([
      'index.html: <a> → /a/#nowhere: no element with that id',
      'index.html: <a> → /gone/ does not exist',
      'index.html: <img> → /missing.png does not exist',
      'index.html: <a> → /nope/ does not exist',
    ]);
    expect(result.checked).toBe(10);
  });
});

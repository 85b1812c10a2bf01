/**
 * Point 6 of issue 17, end to end: `npm run build` with WebSub, IndexNow and Baidu configured against
 * local endpoints (127.0.0.1) that record what they receive. Two builds of the small sample site:
 * the first (no site before) tells every page and feed; an edit of one article and the removal of
 * another tell only what changed. One hub always fails (a warning, exit 0, the site published), IndexNow
 * answers 503 twice before 200 (retried). The feeds name the hubs (read by feedsmith's parsers) and the
 * key file is served at /<key>.txt.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absoluteUrl, paths } from '../../src/lib/urls.ts';
import type { Locale } from '../../src/model/locale.ts';
import { buildEnvironment, projectRoot } from '../support/build.ts';
import { recorder, type Recorder } from '../support/recorder.ts';
import { contentFolder, listFiles } from '../support/site-build.ts';

const KEY = 'tongbao-indexnow-0123456789';
const TOKEN = 'baidu-push-token-value';
const LOCALES: Locale[] = ['zh-Hans', 'zh-Hant'];
const sample = (name: string) => readFileSync(join(projectRoot, 'content', 'articles', name), 'utf8');
const articlePages = (slug: string) => LOCALES.map((l) => absoluteUrl(paths.article(l, slug)));

/** `npm run build` in a child process without blocking this one (the recorders answer from here). */
function build(env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(projectRoot, 'scripts', 'build.ts')], {
      cwd: projectRoot,
      env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('npm run build tells WebSub hubs, IndexNow and Baidu what changed', () => {
  const work = mkdtempSync(join(tmpdir(), 'tongbao-notify-'));
  const site = join(work, 'site');
  const content = join(work, 'content');
  let hub: Recorder, failingHub: Recorder, indexNow: Recorder, baidu: Recorder;
  let env: Record<string, string>;
  let first: { status: number | null; output: string };
  let second: { status: number | null; output: string };
  const firstRequests: Record<string, Recorder['requests']> = {};
  let firstSite: string[] = [];

  beforeAll(async () => {
    [hub, failingHub, indexNow, baidu] = await Promise.all([
      recorder(204),
      recorder(500),
      recorder(200),
      recorder(200, '{"remain":99990,"success":10}'),
    ]);
    indexNow.script.push(503, 503);
    env = {
      TONGBAO_CONTENT_DIR: content,
      TONGBAO_OUT_DIR: site,
      TONGBAO_WEBSUB_HUBS: `${hub.url},${failingHub.url}`,
      TONGBAO_INDEXNOW_KEY: KEY,
      TONGBAO_INDEXNOW_ENDPOINT: `${indexNow.url}indexnow`,
      TONGBAO_BAIDU_TOKEN: TOKEN,
      TONGBAO_BAIDU_ENDPOINT: `${baidu.url}urls`,
    };
    contentFolder(content, {
      'market-weekly-review.md': sample('market-weekly-review.md'),
      'one-source-two-scripts.md': sample('one-source-two-scripts.md'),
      'advanced-tech-fair-2023.md': sample('advanced-tech-fair-2023.md'),
    });
    first = await build(env);
    firstSite = listFiles(site);
    for (const [name, r] of Object.entries({ hub, failingHub, indexNow, baidu })) firstRequests[name] = r.requests.splice(0);

    // An edit of one article's body, another article removed, the third untouched.
    const edited = sample('one-source-two-scripts.md').trimEnd() + '\n\n更正：本文第二段的数字已更新。\n';
    writeFileSync(join(content, 'articles', 'one-source-two-scripts.md'), edited);
    rmSync(join(content, 'articles', 'advanced-tech-fair-2023.md'));
    second = await build(env);
  }, 400_000);

  afterAll(async () => {
    await Promise.all([hub, failingHub, indexNow, baidu].map((r) => r?.close()));
    rmSync(work, { recursive: true, force: true });
  });

  it('a first build tells every indexable page and every feed; the failing hub is a warning, exit 0, the site published', () => {
    expect(first.status, first.output).toBe(0);
    expect(first.output).toContain('(a first build: everything)');
    expect(first.output).toMatch(new RegExp(`\\[tongbao\\] warning: WebSub hub \\(${failingHub.url}\\) failed after 4 attempt\\(s\\): HTTP 500`));
    expect(firstSite).toContain('zh-hant/articles/advanced-tech-fair-2023/index.html');
    expect(readdirSync(work).sort()).toEqual(['content', 'site']);
    expect(firstRequests.failingHub).toHaveLength(4);

    const feedFiles = firstSite.filter((f) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(f));
    const [ping] = firstRequests.hub!;
    expect(firstRequests.hub).toHaveLength(1);
    expect(ping!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(ping!.body);
    expect(form.get('hub.mode')).toBe('publish');
    const topics = form.getAll('hub.url');
    expect(topics).toHaveLength(feedFiles.length);
    for (const l of LOCALES) {
      expect(topics).toEqual(expect.arrayContaining(Object.values(paths.feeds({ kind: 'locale', locale: l })).map(absoluteUrl)));
      expect(topics).toEqual(expect.arrayContaining(Object.values(paths.feeds({ kind: 'category', locale: l, slug: 'industry' })).map(absoluteUrl)));
      expect(topics).toEqual(expect.arrayContaining(Object.values(paths.feeds({ kind: 'author', locale: l, slug: 'chen-chen' })).map(absoluteUrl)));
    }
  });

  it('IndexNow got the same JSON three times (503, 503, 200); Baidu the same URLs as text', () => {
    const requests = firstRequests.indexNow!;
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    expect(requests[0]!.url).toBe('/indexnow');
    expect(requests[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(requests[0]!.body) as { host: string; key: string; keyLocation: string; urlList: string[] };
    expect(Object.keys(body).sort()).toEqual(['host', 'key', 'keyLocation', 'urlList']);
    expect(body.host).toBe(new URL(absoluteUrl('/')).host);
    expect(body.key).toBe(KEY);
    expect(body.keyLocation).toBe(absoluteUrl(`/${KEY}.txt`));
    for (const slug of ['market-weekly-review', 'one-source-two-scripts', 'advanced-tech-fair-2023']) {
      expect(body.urlList).toEqual(expect.arrayContaining(articlePages(slug)));
    }
    expect(body.urlList).toEqual(expect.arrayContaining([absoluteUrl(paths.root()), ...LOCALES.map((l) => absoluteUrl(paths.home(l)))]));
    expect(body.urlList.filter((u) => u.includes('404'))).toEqual([]);
    expect(first.output).not.toContain('HTTP 503');

    expect(firstRequests.baidu).toHaveLength(1);
    const push = firstRequests.baidu![0]!;
    const url = new URL(push.url, baidu.url);
    expect(url.pathname).toBe('/urls');
    expect(url.searchParams.get('site')).toBe(new URL(absoluteUrl('/')).origin);
    expect(url.searchParams.get('token')).toBe(TOKEN);
    expect(push.headers['content-type']).toBe('text/plain');
    expect(push.body.split('\n')).toEqual(body.urlList);
    expect(first.output).not.toContain(TOKEN);
  });

  it('serves the key file and names the hubs in RSS, Atom and JSON Feed', () => {
    expect(readFileSync(join(site, `${KEY}.txt`), 'utf8')).toBe(KEY);
    const hubs = [hub.url, failingHub.url];
    for (const l of LOCALES) {
      const files = paths.feeds({ kind: 'locale', locale: l });
      const rss = parseRssFeed(readFileSync(join(site, files.rss), 'utf8'));
      expect(rss.atom?.links?.filter((k) => k.rel === 'hub').map((k) => k.href)).toEqual(hubs);
      const atom = parseAtomFeed(readFileSync(join(site, files.atom), 'utf8'));
      expect(atom.links?.filter((k) => k.rel === 'hub').map((k) => k.href)).toEqual(hubs);
      const json = parseJsonFeed(JSON.parse(readFileSync(join(site, files.json), 'utf8')));
      expect(json.hubs).toEqual(hubs.map((url) => ({ type: 'WebSub', url })));
    }
  });

  it('after an edit and a removal, only what changed: the edited pages, the removed ones (IndexNow only), the feeds they were in', () => {
    expect(second.status, second.output).toBe(0);
    // The removed article was the last of its section (industry), so the header's section links change on
    // every page: every page of the new site is sent as changed, and the removed ones besides.
    const pages = listFiles(site).filter((f) => f.endsWith('.html') && !readFileSync(join(site, f), 'utf8').includes('noindex'));
    expect(second.output).toMatch(new RegExp(`changed since the last build: ${pages.length} page\\(s\\), 18 removed, 18 feed\\(s\\)`));
    const feedsOf = (scope: Parameters<typeof paths.feeds>[0]) => Object.values(paths.feeds(scope)).map(absoluteUrl);

    // The edited article is in its locale's, its category's and its author's feeds; the untouched
    // article's category and author feeds did not change, and the removed article's feeds are gone.
    expect(hub.requests).toHaveLength(1);
    const topics = new URLSearchParams(hub.requests[0]!.body).getAll('hub.url');
    expect(topics.sort()).toEqual(
      LOCALES.flatMap((locale) => [
        ...feedsOf({ kind: 'locale', locale }),
        ...feedsOf({ kind: 'category', locale, slug: 'technology' }),
        ...feedsOf({ kind: 'author', locale, slug: 'tongbao-desk' }),
      ]).sort(),
    );

    // Baidu: the pages that changed: the edited article, and the homes that no longer list the removed one.
    expect(baidu.requests).toHaveLength(1);
    const pushed = baidu.requests[0]!.body.split('\n');
    expect(pushed).toHaveLength(pages.length);
    for (const url of [
      absoluteUrl(paths.root()),
      ...LOCALES.flatMap((l) => [absoluteUrl(paths.home(l)), absoluteUrl(paths.article(l, 'one-source-two-scripts'))]),
    ]) {
      expect(pushed).toContain(url);
    }

    // IndexNow: those, and every page that went with the removed article (its page, author, category, tags, archive).
    expect(indexNow.requests).toHaveLength(1);
    const list = (JSON.parse(indexNow.requests[0]!.body) as { urlList: string[] }).urlList;
    const gone = LOCALES.flatMap((l) =>
      [
        paths.article(l, 'advanced-tech-fair-2023'),
        paths.author(l, 'chen-chen'),
        paths.category(l, 'industry'),
        ...['先进技术', '成果转化', '国防科技工业', '苏州'].map((key) => paths.tag(l, key)),
        paths.archiveYear(l, 2023),
        paths.archiveMonth(l, 2023, 3),
      ].map(absoluteUrl),
    );
    expect(list).toEqual([...pushed, ...gone].sort());
    expect(second.output).not.toContain('warning: IndexNow');
    expect(second.output).not.toContain('warning: Baidu');
  });
});

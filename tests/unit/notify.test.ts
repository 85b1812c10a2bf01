/**
 * src/lib/notify/: which URLs changed between two builds (pure, over file digests), and the senders
 * against local endpoints that record what they received: the exact bodies of WebSub, IndexNow and
 * Baidu, retries with backoff, and failures that warn without throwing.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv, secretsOf } from '../../src/config/env.ts';
import { changesBetween, urlOfFile, type OutputFile } from '../../src/lib/notify/changes.ts';
import { notifyTargets } from '../../src/lib/notify/config.ts';
import { outputFiles } from '../../src/lib/notify/digests.ts';
import { notifyAfterPurge, notifyChanges, type NotifyTargets } from '../../src/lib/notify/index.ts';
import { LIMITS } from '../../src/lib/notify/send.ts';
import { absoluteUrl, paths } from '../../src/lib/urls.ts';
import { recorder, type Recorder } from '../support/recorder.ts';

const page = (file: string, digest: string): OutputFile => ({ file, kind: 'page', digest });
const feed = (file: string, digest: string): OutputFile => ({ file, kind: 'feed', digest });

describe('changesBetween', () => {
  const before = [
    page('zh-hans/index.html', 'a'),
    page('zh-hans/articles/market-weekly-review/index.html', 'b'),
    page('zh-hans/articles/gone/index.html', 'c'),
    feed('zh-hans/rss.xml', 'd'),
    feed('zh-hans/atom.xml', 'e'),
  ];

  it('lists new and changed pages, removed pages and changed feeds, as the URLs src/lib/urls.ts makes', () => {
    const after = [
      page('zh-hans/index.html', 'a'),
      page('zh-hans/articles/market-weekly-review/index.html', 'B'),
      page('zh-hans/articles/新文章/index.html', 'n'),
      feed('zh-hans/rss.xml', 'D'),
      feed('zh-hans/atom.xml', 'e'),
      feed('zh-hans/feed.json', 'j'),
    ];
    expect(changesBetween(before, after)).toEqual({
      pages: [absoluteUrl(paths.article('zh-Hans', 'market-weekly-review')), absoluteUrl(paths.article('zh-Hans', '新文章'))].sort(),
      removed: [absoluteUrl(paths.article('zh-Hans', 'gone'))],
      feeds: [absoluteUrl(paths.feeds({ kind: 'locale', locale: 'zh-Hans' }).json), absoluteUrl(paths.feed('zh-Hans'))].sort(),
    });
  });

  it('a first build (no previous output): every page and feed is new, nothing removed', () => {
    const changes = changesBetween(undefined, before);
    expect(changes.pages).toHaveLength(3);
    expect(changes.feeds).toHaveLength(2);
    expect(changes.removed).toEqual([]);
  });

  it('the same output twice: nothing changed', () => {
    expect(changesBetween(before, [...before].reverse())).toEqual({ pages: [], removed: [], feeds: [] });
  });

  it('maps files to URLs percent-encoded, index.html to the folder, other pages as they are', () => {
    expect(urlOfFile('zh-hant/tags/經濟/index.html')).toBe(absoluteUrl(paths.tag('zh-Hant', '經濟')));
    expect(urlOfFile('index.html')).toBe(absoluteUrl(paths.root()));
    expect(urlOfFile('zh-hans/categories/finance/rss.xml')).toBe(
      absoluteUrl(paths.feeds({ kind: 'category', locale: 'zh-Hans', slug: 'finance' }).rss),
    );
  });
});

describe('outputFiles', () => {
  it('keeps indexable pages and feeds, leaves out noindex pages and everything else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongbao-notify-'));
    const files: Record<string, string> = {
      'index.html': '<html><head><title>x</title></head></html>',
      '404.html': '<html><head><meta name="robots" content="noindex"></head></html>',
      'zh-hans/articles/a/index.html': '<p>a</p>',
      'zh-hans/preview/index.html': '<meta name="robots" content="noindex, nofollow" />',
      'zh-hans/rss.xml': '<rss/>',
      'zh-hans/feed.json': '{}',
      'sitemap-index.xml': '<sitemapindex/>',
      'zh-hans/search/query-map.json': '{}',
      'style.css': 'p{}',
    };
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), text);
    }
    expect(
      outputFiles(dir)
        .map((f) => `${f.kind} ${f.file}`)
        .sort(),
    ).toEqual(['feed zh-hans/feed.json', 'feed zh-hans/rss.xml', 'page index.html', 'page zh-hans/articles/a/index.html']);
  });
});

describe('notifyTargets', () => {
  it('is off for every service unless configured', () => {
    expect(notifyTargets(parseEnv({}))).toEqual({ websubHubs: [], indexNow: undefined, baidu: undefined });
  });

  it('builds IndexNow host and keyLocation from SITE_URL, and Baidu site and token as query parameters', () => {
    const targets = notifyTargets(
      parseEnv({
        TONGBAO_WEBSUB_HUBS: 'https://hub.example/, https://hub2.example/',
        TONGBAO_INDEXNOW_KEY: 'abcd1234-ef',
        TONGBAO_BAIDU_TOKEN: 'tok3n-value',
      }),
    );
    const site = new URL(absoluteUrl('/'));
    expect(targets.websubHubs).toEqual(['https://hub.example/', 'https://hub2.example/']);
    expect(targets.indexNow).toEqual({
      endpoint: 'https://api.indexnow.org/indexnow',
      host: site.host,
      key: 'abcd1234-ef',
      keyLocation: absoluteUrl('/abcd1234-ef.txt'),
    });
    const baidu = new URL(targets.baidu!.endpoint);
    expect(`${baidu.origin}${baidu.pathname}`).toBe('http://data.zz.baidu.com/urls');
    expect(baidu.searchParams.get('site')).toBe(site.origin);
    expect(baidu.searchParams.get('token')).toBe('tok3n-value');
    expect(targets.baidu!.shown).not.toContain('tok3n');
  });

  it('the IndexNow key is published by design, so the secret scan leaves it out; the Baidu token stays a secret', () => {
    const secrets = secretsOf({ TONGBAO_INDEXNOW_KEY: 'abcd1234-public', TONGBAO_BAIDU_TOKEN: 'baidu-secret-token' });
    expect([...secrets.keys()]).toEqual(['TONGBAO_BAIDU_TOKEN']);
  });

  it('rejects a bad key and a bad hub, naming the variable', () => {
    expect(() => parseEnv({ TONGBAO_INDEXNOW_KEY: 'short' })).toThrow(/TONGBAO_INDEXNOW_KEY: an IndexNow key/);
    expect(() => parseEnv({ TONGBAO_WEBSUB_HUBS: 'https://hub.example/,not a url' })).toThrow(/TONGBAO_WEBSUB_HUBS/);
  });
});

describe('notifyChanges against local endpoints', () => {
  const open: Recorder[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  });
  const endpoint = async (fallback = 200, body = '') => {
    const r = await recorder(fallback, body);
    open.push(r);
    return r;
  };
  const quiet = () => {
    const lines: string[] = [];
    return { lines, options: { backoffMs: 20, log: (l: string) => lines.push(l), warn: (l: string) => lines.push(l) } };
  };
  const site = new URL(absoluteUrl('/'));
  const changes = {
    pages: [absoluteUrl('/zh-hans/articles/a/'), absoluteUrl('/zh-hant/articles/a/')],
    removed: [absoluteUrl('/zh-hans/articles/gone/')],
    feeds: [absoluteUrl('/zh-hans/rss.xml'), absoluteUrl('/zh-hans/atom.xml')],
  };

  it('sends each protocol its body: WebSub form, IndexNow JSON, Baidu text', async () => {
    const [hub, indexNow, baidu] = [await endpoint(204), await endpoint(202), await endpoint(200, '{"remain":99998,"success":2}')];
    const targets: NotifyTargets = {
      websubHubs: [hub.url],
      indexNow: { endpoint: `${indexNow.url}indexnow`, host: site.host, key: 'abcd1234', keyLocation: absoluteUrl('/abcd1234.txt') },
      baidu: { endpoint: `${baidu.url}urls?site=${encodeURIComponent(site.origin)}&token=t0ken`, shown: `${baidu.url}urls` },
    };
    const { lines, options } = quiet();
    const reports = await notifyChanges(changes, targets, options);
    expect(reports.map((r) => [r.service, r.sent, r.failed, r.urls])).toEqual([
      ['WebSub hub', 1, 0, 2],
      ['IndexNow', 1, 0, 3],
      ['Baidu push', 1, 0, 2],
    ]);

    expect(hub.requests).toHaveLength(1);
    expect(hub.requests[0]!.method).toBe('POST');
    expect(hub.requests[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(hub.requests[0]!.body);
    expect(form.get('hub.mode')).toBe('publish');
    expect(form.getAll('hub.url')).toEqual(changes.feeds);

    expect(indexNow.requests[0]!.url).toBe('/indexnow');
    expect(indexNow.requests[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(indexNow.requests[0]!.body)).toEqual({
      host: site.host,
      key: 'abcd1234',
      keyLocation: absoluteUrl('/abcd1234.txt'),
      urlList: [...changes.pages, ...changes.removed].sort(),
    });

    const push = new URL(baidu.requests[0]!.url, baidu.url);
    expect(push.pathname).toBe('/urls');
    expect(push.searchParams.get('site')).toBe(site.origin);
    expect(push.searchParams.get('token')).toBe('t0ken');
    expect(baidu.requests[0]!.headers['content-type']).toBe('text/plain');
    expect(baidu.requests[0]!.body).toBe(changes.pages.join('\n'));
    expect(lines.join('\n')).not.toContain('t0ken');
  });

  it('retries a 503 with backoff and succeeds on the third attempt', async () => {
    const indexNow = await endpoint(200);
    indexNow.script.push(503, 503);
    const { lines, options } = quiet();
    const started = Date.now();
    const reports = await notifyChanges(
      changes,
      { websubHubs: [], indexNow: { endpoint: indexNow.url, host: site.host, key: 'abcd1234', keyLocation: absoluteUrl('/abcd1234.txt') } },
      options,
    );
    expect(reports).toEqual([{ service: 'IndexNow', sent: 1, failed: 0, urls: 3 }]);
    expect(indexNow.requests).toHaveLength(3);
    expect(new Set(indexNow.requests.map((r) => r.body)).size).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(20 + 40);
    expect(lines.filter((l) => l.includes('warning'))).toEqual([]);
  });

  it('gives up after 4 attempts with a warning and does not throw; a 4xx is not retried', async () => {
    const failing = await endpoint(500);
    const refused = await endpoint(403);
    const { lines, options } = quiet();
    const reports = await notifyChanges(changes, { websubHubs: [failing.url, refused.url] }, options);
    expect(reports.map((r) => [r.sent, r.failed])).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(failing.requests).toHaveLength(4);
    expect(refused.requests).toHaveLength(1);
    const warnings = lines.filter((l) => l.startsWith('[tongbao] warning: WebSub hub'));
    expect(warnings).toHaveLength(2);
    expect(warnings.find((l) => l.includes(failing.url))).toContain('failed after 4 attempt(s): HTTP 500');
    expect(warnings.find((l) => l.includes(refused.url))).toContain('failed after 1 attempt(s): HTTP 403');
  });

  it('an endpoint nobody listens on is a warning too', async () => {
    const gone = await endpoint();
    await gone.close();
    open.splice(open.indexOf(gone), 1);
    const { lines, options } = quiet();
    const reports = await notifyChanges(changes, { websubHubs: [gone.url] }, { ...options, attempts: 2 });
    expect(reports[0]!.failed).toBe(1);
    expect(lines.join('\n')).toMatch(/warning: WebSub hub .* failed after 2 attempt\(s\)/);
  });

  it('splits Baidu pushes at 2,000 URLs a request', async () => {
    const baidu = await endpoint(200);
    const many = Array.from({ length: LIMITS.baiduUrlsPerRequest + 5 }, (_, i) => absoluteUrl(`/zh-hans/articles/a${i}/`));
    const { options } = quiet();
    await notifyChanges({ pages: many, removed: [], feeds: [] }, { websubHubs: [], baidu: { endpoint: baidu.url, shown: baidu.url } }, options);
    expect(baidu.requests.map((r) => r.body.split('\n').length)).toEqual([LIMITS.baiduUrlsPerRequest, 5]);
  });

  it('notifyAfterPurge (server mode) sends the purged pages and feeds', async () => {
    const hub = await endpoint(204);
    const { options } = quiet();
    await notifyAfterPurge({ pages: changes.pages, feeds: [changes.feeds[0]!] }, { websubHubs: [hub.url] }, options);
    expect(new URLSearchParams(hub.requests[0]!.body).getAll('hub.url')).toEqual([changes.feeds[0]]);
  });
});

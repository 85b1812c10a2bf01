/**
 * `npm run build` publishes all or nothing: a good build is swapped in; a build that fails (bad content)
 * or whose output check fails (a secret in the output) leaves the last good site byte for byte intact.
 * Then the output check itself is run on the real build with a page, a feed item and a sitemap entry removed.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/build.ts';
import { contentFolder, siteBuild, snapshot } from '../support/site-build.ts';
import { buildManifest } from '../../src/lib/verify/manifest.ts';
import { verifyOutput } from '../../src/lib/verify/output.ts';
import type { BuildManifest } from '../../src/lib/verify/manifest.ts';
import type { Article } from '../../src/model/article.ts';

const sample = (name: string) => readFileSync(join(projectRoot, 'content', 'articles', name), 'utf8');

describe('npm run build: atomic output and the output check', () => {
  const work = mkdtempSync(join(tmpdir(), 'tongbao-atomic-'));
  const site = join(work, 'site');
  const content = join(work, 'content');
  let good: Record<string, string>;

  beforeAll(() => {
    contentFolder(content, {
      'market-weekly-review.md': sample('market-weekly-review.md'),
      'one-source-two-scripts.md': sample('one-source-two-scripts.md'),
    });
    const build = siteBuild({ TONGBAO_CONTENT_DIR: content, TONGBAO_OUT_DIR: site });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.output}`);
    expect(build.output).toMatch(/2 published articles: 4 pages, 12 feed items, 4 sitemap entries; \d+ files scanned for secrets/);
    good = snapshot(site);
  }, 180_000);

  it('publishes a good build without the manifest and without leftovers beside it', () => {
    expect(Object.keys(good)).toContain('zh-hant/articles/market-weekly-review/index.html');
    expect(Object.keys(good)).not.toContain('build-manifest.json');
    expect(readdirSync(work).sort()).toEqual(['content', 'site']);
  });

  it('leaves the last good site byte for byte intact when astro build fails', () => {
    writeFileSync(join(content, 'articles', 'bad-date.md'), sample('market-weekly-review.md').replace(/publishedAt: .*/, 'publishedAt: 上週五'));
    const build = siteBuild({ TONGBAO_CONTENT_DIR: content, TONGBAO_OUT_DIR: site });
    rmSync(join(content, 'articles', 'bad-date.md'));
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('articles/bad-date.md');
    expect(build.output).toContain('[tongbao] astro build failed');
    expect(build.output).toContain('the last good site in');
    expect(snapshot(site)).toEqual(good);
    expect(readdirSync(work).sort()).toEqual(['content', 'site']);
  }, 180_000);

  it('refuses to publish a secret from the environment, naming the variable and the file but not the value', () => {
    // A "secret" that happens to be in an article: the check must find it in the output.
    const secret = '云岭基金发布年末市场展望';
    const build = siteBuild({ TONGBAO_CONTENT_DIR: content, TONGBAO_OUT_DIR: site, DEPLOY_API_TOKEN: secret });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/secret: zh-hans\/articles\/market-weekly-review\/index\.html contains the value of DEPLOY_API_TOKEN/);
    expect(build.output.split('\n').filter((l) => l.includes('[tongbao]') && l.includes(secret))).toEqual([]);
    expect(snapshot(site)).toEqual(good);
  }, 180_000);

  it('the output check names a missing page, feed item and sitemap entry', () => {
    const copy = join(work, 'copy');
    cpSync(site, copy, { recursive: true });
    const manifest = JSON.parse(JSON.stringify(manifestOf(copy))) as BuildManifest;
    expect(verifyOutput(copy, manifest, new Map()).problems).toEqual([]);
    rmSync(join(copy, 'zh-hant', 'articles', 'one-source-two-scripts'), { recursive: true });
    const rss = join(copy, 'zh-hans', 'rss.xml');
    writeFileSync(rss, readFileSync(rss, 'utf8').replace(/<item>(?:(?!<\/item>)[\s\S])*market-weekly-review(?:(?!<\/item>)[\s\S])*<\/item>/, ''));
    const sitemap = join(copy, 'sitemap-articles.xml');
    writeFileSync(
      sitemap,
      readFileSync(sitemap, 'utf8').replace(/<url>(?:(?!<\/url>)[\s\S])*zh-hans\/articles\/one-source-two-scripts(?:(?!<\/url>)[\s\S])*<\/url>/, ''),
    );
    const messages = verifyOutput(copy, manifest, new Map()).problems.map((p) => `${p.check}: ${p.message}`);
    expect(messages).toEqual([
      'page: article "one-source-two-scripts" has no zh-Hant page (zh-hant/articles/one-source-two-scripts/index.html)',
      'feed: article "market-weekly-review" is not in the zh-Hans rss feed (zh-hans/rss.xml)',
      'sitemap: article "one-source-two-scripts" (zh-Hans) has no entry in sitemap-articles.xml',
    ]);
    rmSync(copy, { recursive: true });
  });
});

/** The manifest of the built site, rebuilt from its pages (the build removed the file). */
function manifestOf(dir: string): BuildManifest {
  const slugs = readdirSync(join(dir, 'zh-hans', 'articles'));
  const order = ['market-weekly-review', 'one-source-two-scripts'].filter((s) => slugs.includes(s));
  expect(existsSync(join(dir, 'zh-hans', 'rss.xml'))).toBe(true);
  // Only slugs and dates matter to the manifest: newest first as in the sample.
  return buildManifest(order.map((slug) => ({ slug }) as unknown as Article));
}

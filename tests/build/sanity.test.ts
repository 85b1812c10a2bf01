/**
 * Whole builds from the local lake: parity with the content folder (the same article HTML in both
 * scripts), the preview build (drafts, banner, noindex, own folder, the token nowhere in the output),
 * scheduling with TONGBAO_NOW, and a lake that keeps failing → a named error and a non-zero exit.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lake } from '../../scripts/lake/server.ts';
import { projectRoot, type BuildResult } from '../support/build.ts';
import { astroBuildAsync, lakeEnv, runAsync, startLake } from '../support/lake.ts';
import { snapshot } from '../support/site-build.ts';
import { SAMPLES_NOW, scenario } from '../support/scenarios.ts';

const TOKEN = 'sk-preview-4f1e2d3c-never-in-output';
// Every sample article: the dataset is the lake's copy of content/, so every page must come out the same.
const SLUGS = readdirSync(join(projectRoot, 'content', 'articles'))
  .filter((n) => n.endsWith('.md'))
  .map((n) => n.replace(/\.md$/, ''))
  .sort();
let lake: Lake;
let origin: string;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
const page = (b: BuildResult, segment: string, slug: string) => readFileSync(join(b.outDir, segment, 'articles', slug, 'index.html'), 'utf8');
/**
 * The article as a reader gets it, without the lead image's files (Sanity's CDN URLs and srcset from
 * Sanity, Astro's resized WebP copies from content/images/): its alt and caption stay compared.
 */
const articleHtml = (html: string) =>
  (/<article class="article">[\s\S]*<\/article>/.exec(html)?.[0] ?? '').replace(
    /(<figure class="lead-image"[^>]*>\s*)<img\b[^>]*?(\salt="[^"]*")[^>]*>/,
    '$1<img$2>',
  );

beforeAll(async () => {
  ({ lake, origin } = await startLake({ token: TOKEN }));
});
afterAll(() => lake.close());

describe('parity: the lake builds the same articles as content/', () => {
  let local: BuildResult;
  let fromLake: BuildResult;
  beforeAll(async () => {
    // The local side is the shared samples scenario (content/ at SAMPLES_NOW); the lake side is built at the same clock.
    local = scenario('samples');
    // Both through `npm run build`'s script, so that neither output keeps build-manifest.json.
    fromLake = await runAsync([join(projectRoot, 'scripts', 'build.ts')], lakeEnv(origin, { TONGBAO_NOW: SAMPLES_NOW }));
    for (const b of [local, fromLake]) if (b.status !== 0) throw new Error(`build failed:\n${b.output}`);
  });

  it('reports where the articles came from', () => {
    expect(fromLake.output).toMatch(
      new RegExp(`${SLUGS.length} article\\(s\\) from Sanity ${origin.replace(/[.]/g, '\\.')} dataset production \\(perspective published\\)`),
    );
  });

  it.each(SLUGS.flatMap((slug) => ['zh-hans', 'zh-hant'].map((segment) => [segment, slug])))('%s/%s is the same', (segment, slug) => {
    const a = articleHtml(page(local, segment, slug));
    const b = articleHtml(page(fromLake, segment, slug));
    expect(a.length).toBeGreaterThan(500);
    expect(b).toBe(a);
  });

  it('serves the lead image from the image pipeline with its alt and caption', () => {
    const html = page(fromLake, 'zh-hant', 'one-source-two-scripts');
    const image = (w: number) => `${origin}/images/local/production/[0-9a-f]{40}-1280x480\\.png\\?w=${w}&amp;fit=max&amp;auto=format`;
    // Sanity's image URL builder gives the widths (the 1280-pixel original is wider than the largest, 1200); width and height from the asset's metadata.
    expect(html).toMatch(
      new RegExp(
        `<img src="${image(1200)}" srcset="${image(480)} 480w, ${image(800)} 800w, ${image(1200)} 1200w" sizes="[^"]+" width="1200" height="450" alt="示意圖`,
      ),
    );
  });

  it('shows the author document’s photo (image CDN) and bio on the author page, in both scripts', () => {
    const author = (b: BuildResult, segment: string) => readFileSync(join(b.outDir, segment, 'authors', 'chen-chen', 'index.html'), 'utf8');
    const intro = (html: string) => /<section class="author-intro">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const image = (w: number) => `${origin}/images/local/production/[0-9a-f]{40}-400x400\\.png\\?w=${w}&amp;fit=max&amp;auto=format`;
    // The 400-pixel original is narrower than 480: its own width is the largest offered.
    expect(intro(author(fromLake, 'zh-hant'))).toMatch(
      new RegExp(
        `<img class="author-photo" src="${image(400)}" srcset="${image(400)} 400w" sizes="6rem" width="400" height="400" alt="陳晨的頭像：深藍色圓形上的白色「陳」字"`,
      ),
    );
    // The bio is the same text as from content/, converted the same way.
    const bio = (html: string) => /<p class="author-bio">[^<]*<\/p>/.exec(html)?.[0];
    for (const segment of ['zh-hans', 'zh-hant']) {
      expect(bio(author(fromLake, segment))).toBeDefined();
      expect(bio(author(fromLake, segment))).toBe(bio(author(local, segment)));
    }
    expect(bio(author(fromLake, 'zh-hans'))).toContain('通报科技与产业记者');
  });

  it('builds the same pages and feeds', () => {
    // Image files and Pagefind's content-hashed files are named after bytes that differ (the lead
    // image comes from the lake); the search shards' files must still be the same ones.
    const list = (b: BuildResult) =>
      walk(b.outDir)
        .map((f) => relative(b.outDir, f))
        .filter((f) => !f.startsWith('images/') && !f.startsWith('_astro/'))
        .map((f) => (f.startsWith('pagefind/') ? f.replace(/_[0-9a-f]{7,}\./, '_<hash>.') : f))
        .sort();
    expect(list(fromLake)).toEqual(list(local));
  });
});

describe('preview build', () => {
  let preview: BuildResult;
  beforeAll(async () => {
    const res = await fetch(`${origin}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        mutations: [
          {
            createOrReplace: {
              ...[...lake.docs.values()].find((d) => d._id === 'article.market-weekly-review'),
              _id: 'drafts.article.market-weekly-review',
              title: '草稿标题：年末市场展望（修订中）',
            },
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    preview = await runAsync([join(projectRoot, 'scripts', 'build-preview.ts')], {
      ...lakeEnv(origin, { SANITY_READ_TOKEN: TOKEN }),
      TONGBAO_OUT_DIR: 'dist-preview-test',
    });
    if (preview.status !== 0) throw new Error(`preview build failed:\n${preview.output}`);
    preview.outDir = join(projectRoot, 'dist-preview-test');
  });

  it('shows the draft, marks every page as preview and noindex', () => {
    expect(page(preview, 'zh-hans', 'market-weekly-review')).toContain('草稿标题：年末市场展望（修订中）');
    const pages = walk(preview.outDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(9);
    for (const f of pages) {
      const html = readFileSync(f, 'utf8');
      expect(html, f).toContain('<meta name="robots" content="noindex, nofollow">');
      expect(html, f).toMatch(/<p class="preview-banner" role="status" data-preview>(预览|預覽)/);
    }
  });

  it('never writes the token into any output file', () => {
    const files = walk(preview.outDir);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(readFileSync(f).includes(TOKEN), relative(preview.outDir, f)).toBe(false);
    expect(preview.output).not.toContain(TOKEN);
  });

  it('wrote to its own folder, not the public one', () => {
    expect(existsSync(join(preview.outDir, 'index.html'))).toBe(true);
    expect(preview.output).toContain('preview build: drafts perspective');
  });

  it('went through the atomic build: temporary folder, output check, swap', () => {
    expect(preview.output).toMatch(/\[tongbao\] \d+ published articles: \d+ pages/);
    expect(preview.output).toContain('[tongbao] published to dist-preview-test/');
  });

  it('a failing preview build leaves the last preview byte for byte, with a non-zero exit', async () => {
    const before = snapshot(preview.outDir);
    lake.setFault({ mode: '503' });
    try {
      const failed = await runAsync([join(projectRoot, 'scripts', 'build-preview.ts')], {
        ...lakeEnv(origin, { SANITY_READ_TOKEN: TOKEN, TONGBAO_SANITY_ATTEMPTS: '1' }),
        TONGBAO_OUT_DIR: 'dist-preview-test',
      });
      expect(failed.status, failed.output).not.toBe(0);
      expect(failed.output).toContain('[tongbao] reading articles from Sanity failed');
      expect(failed.output).toContain('[tongbao] the last good site in dist-preview-test/ is untouched');
      expect(failed.output).not.toContain(TOKEN);
    } finally {
      lake.setFault({ mode: 'none' });
    }
    expect(snapshot(preview.outDir)).toEqual(before);
    expect(readdirSync(projectRoot).filter((n) => n.startsWith('.dist-preview-test.'))).toEqual([]);
  });

  afterAll(async () => {
    const { rmSync } = await import('node:fs');
    rmSync(join(projectRoot, 'dist-preview-test'), { recursive: true, force: true });
  });
});

describe('scheduling and failures in a whole build', () => {
  it('does not build articles dated after TONGBAO_NOW', async () => {
    const b = await astroBuildAsync(lakeEnv(origin, { TONGBAO_NOW: '2026-11-22T00:00:00+08:00' }));
    expect(b.status, b.output).toBe(0);
    expect(existsSync(join(b.outDir, 'zh-hans', 'articles', 'one-source-two-scripts', 'index.html'))).toBe(true);
    expect(existsSync(join(b.outDir, 'zh-hans', 'articles', 'market-weekly-review', 'index.html'))).toBe(false);
    expect(readFileSync(join(b.outDir, 'zh-hans', 'rss.xml'), 'utf8')).not.toContain('market-weekly-review');
  });

  it('stops with a clear error and a non-zero exit when the lake keeps failing', async () => {
    lake.setFault({ mode: '503' });
    try {
      const b = await astroBuildAsync(lakeEnv(origin, { TONGBAO_SANITY_ATTEMPTS: '3', TONGBAO_SANITY_BACKOFF_MS: '10' }));
      expect(b.status).not.toBe(0);
      expect(b.output).toContain(
        '[tongbao] reading articles from Sanity failed after 3 attempt(s); the build stopped so that no article goes missing.',
      );
      expect(b.output).toContain('attempt 3: HTTP 503');
      expect(existsSync(join(b.outDir, 'index.html'))).toBe(false);
    } finally {
      lake.setFault({ mode: 'none' });
    }
  });

  it('names half-set Sanity variables', async () => {
    const b = await astroBuildAsync({ SANITY_PROJECT_ID: 'local' });
    expect(b.status).not.toBe(0);
    expect(b.output).toContain('[tongbao] SANITY_DATASET missing');
  });
});

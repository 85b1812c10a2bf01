/**
 * Lead images in the built site (scripts/build.ts: temporary folder, output check, swap): the
 * article page's srcset names WebP files that exist in the output at the widths they claim, the
 * width/height attributes have the original's proportions, the original is published for feeds, and
 * a second (incremental) build that reuses the page from its cache still publishes every file.
 */
import { cpSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteBuild, type BuildResult } from '../support/build.ts';
import { resolveSitePath } from '../support/site-checks.ts';

const PAGE = 'zh-hans/articles/one-source-two-scripts/index.html';
const ORIGINAL = { path: '/images/one-source-two-scripts.png', width: 1280, height: 480 };

/** Pixel size from a WebP file's header (VP8, VP8L or VP8X), or a clear failure. */
function webpSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
  expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
  const chunk = bytes.subarray(12, 16).toString('latin1');
  if (chunk === 'VP8X') return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ') return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  throw new Error(`unknown WebP chunk ${chunk}`);
}

function leadImage(outDir: string) {
  const html = readFileSync(join(outDir, PAGE), 'utf8');
  const tag = /<figure class="lead-image">\s*(<img\b[^>]*>)/.exec(html)?.[1] ?? '';
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return { tag, attr, html };
}

describe('lead image files in the output', () => {
  const work = mkdtempSync(join(tmpdir(), 'tongbao-lead-'));
  let first: BuildResult;
  let second: BuildResult;
  let firstTag: string;
  beforeAll(() => {
    // The same target and cache twice, as `npm run build` is run on a site.
    const env = { TONGBAO_CACHE_DIR: join(work, 'cache'), TONGBAO_OUT_DIR: join(work, 'site') };
    first = siteBuild(env);
    if (first.status !== 0) throw new Error(`build failed:\n${first.output}`);
    firstTag = leadImage(first.outDir).tag;
    cpSync(first.outDir, join(work, 'first'), { recursive: true });
    first.outDir = join(work, 'first');
    second = siteBuild(env);
    if (second.status !== 0) throw new Error(`second build failed:\n${second.output}`);
  });

  it('names WebP files at several widths that exist at those widths', () => {
    const { attr } = leadImage(first.outDir);
    const srcset = attr('srcset') ?? '';
    const candidates = srcset.split(',').map((c) => c.trim().split(/\s+/) as [string, string]);
    expect(candidates.map(([, w]) => w)).toEqual(['400w', '800w', '1200w']);
    for (const [url, descriptor] of [...candidates, [attr('src') ?? '', `${ORIGINAL.width}w`] as [string, string]]) {
      expect(url).toMatch(/^\/_astro\/one-source-two-scripts\.[\w-]+\.webp$/);
      const file = resolveSitePath(first.outDir, url);
      expect(file, `${url} is not in the output`).toBeTruthy();
      const size = webpSize(readFileSync(file!));
      expect(`${size.width}w`).toBe(descriptor);
      expect(Math.abs(size.height - (size.width * ORIGINAL.height) / ORIGINAL.width)).toBeLessThanOrEqual(1);
    }
    expect(attr('sizes')).toBe('(min-width: 48rem) 44rem, calc(100vw - 2rem)');
    expect([attr('width'), attr('height')]).toEqual([String(ORIGINAL.width), String(ORIGINAL.height)]);
    expect(attr('alt')).toMatch(/^示意图/);
    expect(attr('fetchpriority')).toBe('high');
  });

  it('publishes the original at the path the article names, for feeds and og:image', () => {
    const file = resolveSitePath(first.outDir, ORIGINAL.path);
    expect(file).toBeTruthy();
    expect(statSync(file!).size).toBe(statSync(join('content', ORIGINAL.path)).size);
    const rss = readFileSync(join(first.outDir, 'zh-hans', 'rss.xml'), 'utf8');
    expect(rss).toContain(`url="https://tongbao.example${ORIGINAL.path}" length="${statSync(file!).size}" type="image/png"`);
  });

  it('an incremental build reuses the page and still publishes every image it names', () => {
    expect(second.output).toMatch(/one-source-two-scripts\/index\.html.*\((cached|restored)\)/);
    const after = leadImage(second.outDir);
    expect(after.tag).toBe(firstTag);
    for (const c of (after.attr('srcset') ?? '').split(',')) {
      const url = c.trim().split(/\s+/)[0] ?? '';
      expect(resolveSitePath(second.outDir, url), `${url} missing after the incremental build`).toBeTruthy();
    }
  });
});

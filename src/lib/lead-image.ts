/**
 * Where a lead image comes from, and what the page's incremental-build key must know about it.
 *
 * - `/images/<file>` with the file in content/images/ (PNG, JPEG, WebP, AVIF, GIF): Astro's image
 *   pipeline makes WebP copies at LEAD_WIDTHS (never wider than the original) for `srcset`, with
 *   width and height set. The original is published at the same path (src/pages/images/) for
 *   feeds and og:image.
 * - `/images/<file>` in public/ (an SVG scales by itself) and http(s) URLs: used as they are; a source
 *   that serves resized copies (Sanity) gives its own `srcset`, width and height in the Article.
 *
 * Astro-only (import.meta.glob): the render workers never load this module.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageMetadata } from 'astro';
import { LD_CROP_WIDTH, LD_CROPS } from './seo.ts';

/** Widths (CSS pixels × density) offered in srcset for local images. */
export const LEAD_WIDTHS = [400, 800, 1200] as const;
/** The column the lead image fills: 100% of .wrap minus its padding, 44rem at most (global.css). */
export const LEAD_SIZES = '(min-width: 48rem) 44rem, calc(100vw - 2rem)';
/** The format the pipeline writes (every current browser reads WebP). */
export const LEAD_FORMAT = 'webp';
/** Folder of local images that go through the pipeline, relative to the project. */
export const IMAGES_DIR = join('content', 'images');

const pipeline = import.meta.glob<{ default: ImageMetadata }>('/content/images/**/*.{png,jpg,jpeg,webp,avif,gif,PNG,JPG,JPEG,WEBP,AVIF,GIF}');

/** Every local pipeline image, as `/content/images/<file>`. */
export const pipelineImageKeys = (): string[] => Object.keys(pipeline).sort();

const pathOf = (src: string) => decodeURI(src.split(/[?#]/)[0] ?? '');

/** The glob key of a local pipeline image for `src` (`/images/x.png` → `/content/images/x.png`). */
function pipelineKey(src: string): string | undefined {
  if (!/^\/images\//.test(src)) return undefined;
  const key = `/content${pathOf(src)}`;
  return key in pipeline ? key : undefined;
}

/** The original's metadata when `src` names a pipeline image, else undefined (use `src` as it is). */
export async function pipelineImage(src: string): Promise<ImageMetadata | undefined> {
  const key = pipelineKey(src);
  const load = key ? pipeline[key] : undefined;
  return load ? (await load()).default : undefined;
}

/** The widths to offer for an original of `width` pixels: LEAD_WIDTHS up to it, and the original's own when smaller than the largest. */
export function leadWidths(width: number): number[] {
  const largest = LEAD_WIDTHS.at(-1)!;
  return width >= largest ? [...LEAD_WIDTHS] : [...LEAD_WIDTHS.filter((w) => w < width), width];
}

const digests = new Map<string, string>();

/**
 * What the lead image's markup depends on beyond the Article: the bytes of a local pipeline image
 * (its size and the generated file names come from them) and the generation settings. Part of the
 * article page's cacheKey.
 */
export function leadImageKey(src: string | undefined, root = process.cwd()): string {
  if (!src) return 'none';
  const key = pipelineKey(src);
  if (!key) return 'asis';
  let digest = digests.get(key);
  if (!digest) {
    digest = createHash('sha256')
      .update(readFileSync(join(root, key)))
      .update(JSON.stringify([LEAD_WIDTHS, LEAD_SIZES, LEAD_FORMAT, LD_CROPS, LD_CROP_WIDTH]))
      .digest('hex')
      .slice(0, 16);
    digests.set(key, digest);
  }
  return digest;
}

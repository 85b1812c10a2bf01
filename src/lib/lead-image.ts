/**
 * Where a lead image comes from, and what the page's incremental-build key must know about it.
 *
 * - `/images/<file>` with the file in the content folder's images/ (src/config/paths.ts; PNG, JPEG,
 *   WebP, AVIF, GIF): Astro's image pipeline makes WebP copies at LEAD_WIDTHS (never wider than the
 *   original) for `srcset`, with width and height set. The original is published at the same path
 *   (src/pages/images/) for feeds and og:image.
 * - `/images/<file>` in public/ (an SVG scales by itself) and http(s) URLs: used as they are; a source
 *   that serves resized copies (Sanity) gives its own `srcset`, width and height in the Article.
 *
 * Vite's glob needs a folder fixed when the config is read: astro.config.ts points the alias
 * `@content-images` at the content folder's images/, so TONGBAO_CONTENT_DIR moves them too.
 * Astro-only (import.meta.glob): the render workers never load this module.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ImageMetadata } from 'astro';
import { fileUnder, projectDirs } from '../config/paths.ts';
import { CONTENT_IMAGES_ALIAS } from './lead-image-alias.ts';
import { LD_CROP_WIDTH, LD_CROPS } from './seo.ts';

/** Widths (CSS pixels × density) offered in srcset for local images. */
export const LEAD_WIDTHS = [400, 800, 1200] as const;
/** The column the lead image fills: 100% of .wrap minus its padding, 44rem at most (global.css). */
export const LEAD_SIZES = '(min-width: 48rem) 44rem, calc(100vw - 2rem)';
/** The format the pipeline writes (every current browser reads WebP). */
export const LEAD_FORMAT = 'webp';

const globbed = import.meta.glob<{ default: ImageMetadata }>('@content-images/**/*.{png,jpg,jpeg,webp,avif,gif,PNG,JPG,JPEG,WEBP,AVIF,GIF}');

/** The glob's keys name files in whatever form Vite chose (alias, relative, absolute): keyed here by the file's path below images/. */
const pipeline: Record<string, () => Promise<{ default: ImageMetadata }>> = Object.fromEntries(
  Object.entries(globbed).map(([key, load]) => [imagePathOf(key), load]),
);

function imagePathOf(globKey: string): string {
  if (globKey.startsWith(`${CONTENT_IMAGES_ALIAS}/`)) return globKey.slice(CONTENT_IMAGES_ALIAS.length);
  const marker = globKey.lastIndexOf('/images/');
  const absolute = globKey.startsWith(projectDirs.images) ? globKey.slice(projectDirs.images.length) : undefined;
  return absolute ?? (marker >= 0 ? globKey.slice(marker + '/images'.length) : globKey);
}

/** Every local pipeline image, as its path below images/ (`/x.png`: published at `/images/x.png`). */
export const pipelineImagePaths = (): string[] => Object.keys(pipeline).sort();

/** The file of a pipeline image path (`/x.png` → <content>/images/x.png). */
export function pipelineImageFile(imagePath: string): string {
  const file = fileUnder(projectDirs.images, imagePath);
  if (!file) throw new Error(`[tongbao] ${imagePath} is outside the content images folder`);
  return file;
}

const pathOf = (src: string) => decodeURI(src.split(/[?#]/)[0] ?? '');

/** The pipeline path of a local image for `src` (`/images/x.png` → `/x.png`), when the file is there. */
function pipelineKey(src: string): string | undefined {
  if (!/^\/images\//.test(src)) return undefined;
  const key = pathOf(src).slice('/images'.length);
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
export function leadImageKey(src: string | undefined): string {
  if (!src) return 'none';
  const key = pipelineKey(src);
  if (!key) return 'asis';
  let digest = digests.get(key);
  if (!digest) {
    digest = createHash('sha256')
      .update(readFileSync(pipelineImageFile(key)))
      .update(JSON.stringify([LEAD_WIDTHS, LEAD_SIZES, LEAD_FORMAT, LD_CROPS, LD_CROP_WIDTH]))
      .digest('hex')
      .slice(0, 16);
    digests.set(key, digest);
  }
  return digest;
}

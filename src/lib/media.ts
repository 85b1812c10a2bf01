/** Facts about an image that feeds and structured data declare: absolute URL, MIME type, size in bytes. */
import { statSync } from 'node:fs';
import { fileUnder, projectDirs } from '../config/paths.ts';
import { absoluteUrl } from './urls.ts';

const MIME: Record<string, string> = {
  avif: 'image/avif',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

/** The MIME type of an image file or URL path by its extension, `fallback` when unknown. */
export function imageType(path: string, fallback = 'image/*'): string {
  return MIME[path.split('.').pop()?.toLowerCase() ?? ''] ?? fallback;
}

export interface ImageFacts {
  url: string;
  type: string;
  /** Bytes, when the image is a file of this site (public/ or the content images); otherwise unknown (0). */
  length: number;
}

const sizeOf = (file: string | undefined): number | undefined => {
  if (!file) return undefined;
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
};

/** `src` as an article gives it: a site path (/images/x.png) or an absolute URL. */
export function imageFacts(src: string, dirs: Pick<typeof projectDirs, 'public' | 'images'> = projectDirs): ImageFacts {
  const url = absoluteUrl(src);
  let length = 0;
  if (src.startsWith('/') && !src.startsWith('//')) {
    const sitePath = decodeURIComponent(src.split(/[?#]/)[0] ?? '');
    // A lead image in the content images is published at the same path (src/pages/images/).
    length =
      sizeOf(fileUnder(dirs.public, sitePath)) ??
      (sitePath.startsWith('/images/') ? sizeOf(fileUnder(dirs.images, sitePath.slice('/images'.length))) : undefined) ??
      0;
  }
  return { url, type: imageType(new URL(url).pathname), length };
}

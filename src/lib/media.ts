/** Facts about an image that feeds and structured data declare: absolute URL, MIME type, size in bytes. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
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

export interface ImageFacts {
  url: string;
  type: string;
  /** Bytes, when the image is a file of this site (under public/); otherwise unknown (0). */
  length: number;
}

/** `src` as an article gives it: a site path (/images/x.png) or an absolute URL. */
export function imageFacts(src: string, publicDir = join(process.cwd(), 'public')): ImageFacts {
  const url = absoluteUrl(src);
  const ext = new URL(url).pathname.split('.').pop()?.toLowerCase() ?? '';
  let length = 0;
  if (src.startsWith('/') && !src.startsWith('//')) {
    try {
      length = statSync(join(publicDir, decodeURIComponent(src.split(/[?#]/)[0] ?? ''))).size;
    } catch {
      // A lead image in content/images/ is published at the same path (src/pages/images/).
      try {
        length = statSync(join(publicDir, '..', 'content', decodeURIComponent(src.split(/[?#]/)[0] ?? ''))).size;
      } catch {
        length = 0;
      }
    }
  }
  return { url, type: MIME[ext] ?? 'image/*', length };
}

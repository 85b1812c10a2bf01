/**
 * The CJK fonts of share images, shipped through npm (Noto Sans, OFL): the Simplified (Hans) cut for
 * zh-Hans, the Traditional (Hant) cut for zh-Hant, each the other's fallback. Also answers, per
 * character, whether a font has a glyph for it, so a title never renders as empty boxes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { projectDirs } from '../../config/paths.ts';
import type { Locale } from '../../model/locale.ts';

export interface ShareFont {
  /** Family name given to the renderer. */
  family: string;
  /** The npm package and file it comes from. */
  pkg: string;
  file: string;
  path: string;
}

// Resolved from the project (not this module's URL), so that it works from Astro's bundled build too.
const require = createRequire(projectDirs.packageJson);
// The packages export only their JS entry (dist/index.*); the fonts sit beside dist/.
const fontPath = (pkg: string, file: string) => join(dirname(require.resolve(pkg)), '..', 'fonts', file);

const font = (family: string, pkg: string, file: string): ShareFont => ({ family, pkg, file, path: fontPath(pkg, file) });

export const SHARE_FONTS: Record<Locale, ShareFont> = {
  'zh-Hans': font('Noto Sans Hans', '@embedpdf/fonts-sc', 'NotoSansHans-Bold.otf'),
  'zh-Hant': font('Noto Sans Hant', '@embedpdf/fonts-tc', 'NotoSansHant-Bold.otf'),
  // Hong Kong Traditional is drawn with the Traditional font (npm has the Hong Kong cut only as web-font subsets).
  'zh-Hant-HK': font('Noto Sans Hant', '@embedpdf/fonts-tc', 'NotoSansHant-Bold.otf'),
};

/** The fonts a locale's share image uses, in fallback order. */
export function fontsFor(locale: Locale): ShareFont[] {
  const other: Locale = locale === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans';
  return [SHARE_FONTS[locale], SHARE_FONTS[other]];
}

const opened = new Map<string, fontkit.Font>();
function open(f: ShareFont): fontkit.Font {
  let hit = opened.get(f.path);
  if (!hit) {
    const loaded = fontkit.create(readFileSync(f.path));
    if (!('hasGlyphForCodePoint' in loaded)) throw new Error(`[tongbao] ${f.path} is a font collection, not a font`);
    hit = loaded;
    opened.set(f.path, hit);
  }
  return hit;
}

/** Whether the font draws this character (a real glyph, not .notdef). */
export function hasGlyph(f: ShareFont, char: string): boolean {
  const cp = char.codePointAt(0);
  return cp !== undefined && open(f).hasGlyphForCodePoint(cp);
}

/** The characters of `text` (whitespace aside) that none of `fonts` draws. */
export function missingGlyphs(text: string, fonts: readonly ShareFont[]): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    if (/\s/u.test(char)) continue;
    if (!fonts.some((f) => hasGlyph(f, char))) missing.add(char);
  }
  return [...missing];
}

const data = new Map<string, ArrayBuffer>();
/**
 * The font file as one ArrayBuffer, the same object on every call: the renderer caches parsed fonts
 * (and their HarfBuzz blobs) by identity, so a new buffer per image would parse 8 MB each time.
 */
export function fontData(f: ShareFont): ArrayBuffer {
  let hit = data.get(f.path);
  if (!hit) {
    const file = readFileSync(f.path);
    hit = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    data.set(f.path, hit);
  }
  return hit;
}

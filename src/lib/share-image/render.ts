/**
 * Share images (Open Graph / Twitter cards): a 1200×630 PNG per article and locale with the title set
 * in the locale's CJK font, drawn with satori (layout to SVG, glyphs as paths) and resvg (SVG to PNG).
 * Cheap on rebuilds: each PNG is cached on disk under a digest of everything that is drawn.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync as readWasm } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import satori from 'satori';
import { projectDirs } from '../../config/paths.ts';
import type { Locale } from '../../model/locale.ts';
import { fontData, fontsFor, missingGlyphs, type ShareFont } from './fonts.ts';
import { LOGO_SIZE } from './logo-size.ts';
import { SHARE_IMAGE } from './size.ts';

/** Bump when the drawing changes (part of the cache key). */
export const SHARE_TEMPLATE_VERSION = 2;

export interface ShareCard {
  locale: Locale;
  /** The big line: the headline. */
  title: string;
  /** Small line above the title (category), optional. */
  kicker?: string | undefined;
  /** Site name, bottom left. */
  siteName: string;
  /** Host name, bottom right. */
  host: string;
  /** Names the article in errors, e.g. "article one-source-two-scripts (zh-Hant)". */
  where: string;
}

export class ShareImageError extends Error {
  override name = 'ShareImageError';
}

/** Throws when a character of the card has no glyph in the locale's fonts. */
export function assertDrawable(card: ShareCard, fonts: readonly ShareFont[] = fontsFor(card.locale)): void {
  const text = [card.title, card.kicker ?? '', card.siteName, card.host].join('');
  const missing = missingGlyphs(text, fonts);
  if (missing.length > 0) {
    const list = missing.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    throw new ShareImageError(
      `[tongbao] ${card.where}: the share image cannot draw ${list}: no glyph in ${fonts.map((f) => `${f.file} (${f.pkg})`).join(' or ')}.\n` +
        '  Replace the character in the title (a common variant, or a description), or add a font that has it in src/lib/share-image/fonts.ts.',
    );
  }
}

type Node = { type: string; props: Record<string, unknown> };
const el = (type: string, style: Record<string, unknown>, children?: unknown, extra: Record<string, unknown> = {}): Node => ({
  type,
  props: { style, children, ...extra },
});

/** Title size by length, so that long headlines still fit in three or four lines. */
function titleSize(title: string): number {
  const n = [...title].length;
  return n <= 16 ? 76 : n <= 28 ? 64 : n <= 44 ? 54 : 46;
}

const PADDING_X = 80;
const INNER_WIDTH = SHARE_IMAGE.width - 2 * PADDING_X;

function card(c: ShareCard): Node {
  const lang = c.locale === 'zh-Hans' ? 'zh-CN' : 'zh-TW';
  const body = el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      flexGrow: 1,
      padding: `48px ${PADDING_X}px 44px`,
    },
    [
      el('div', { display: 'flex', fontSize: 30, color: '#b3261e' }, c.kicker ?? c.siteName),
      el('div', { display: 'flex', width: INNER_WIDTH, fontSize: titleSize(c.title), lineHeight: 1.35 }, c.title, { lang }),
      el('div', { display: 'flex', width: INNER_WIDTH, justifyContent: 'space-between', fontSize: 28, color: '#555555' }, [
        el('div', { display: 'flex' }, c.siteName),
        el('div', { display: 'flex' }, c.host),
      ]),
    ],
  );
  return el(
    'div',
    { display: 'flex', flexDirection: 'column', width: SHARE_IMAGE.width, height: SHARE_IMAGE.height, backgroundColor: '#fbfaf7', color: '#1b1b1b' },
    [el('div', { display: 'flex', width: SHARE_IMAGE.width, height: 16, backgroundColor: '#b3261e' }), body],
  );
}

function logo(): Node {
  return el(
    'div',
    {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      width: '100%',
      height: '100%',
      backgroundColor: '#b3261e',
      color: '#ffffff',
      fontSize: 360,
    },
    '通',
  );
}

let wasm: Promise<void> | undefined;
function rasteriserReady(): Promise<void> {
  // Resolved from the project, so that it works from Astro's bundled build too.
  wasm ??= initWasm(readWasm(createRequire(projectDirs.packageJson).resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return wasm;
}

/** The renderer's font list for a fallback order, built once: the same objects on every draw. */
const fontOptions = new Map<string, { name: string; data: ArrayBuffer; weight: 700; style: 'normal' }[]>();
function satoriFonts(fonts: readonly ShareFont[]) {
  const key = fonts.map((f) => f.path).join('|');
  let hit = fontOptions.get(key);
  if (!hit) {
    hit = fonts.map((f) => ({ name: f.family, data: fontData(f), weight: 700 as const, style: 'normal' as const }));
    fontOptions.set(key, hit);
  }
  return hit;
}

async function draw(node: Node, fonts: readonly ShareFont[], size: { width: number; height: number }): Promise<Buffer> {
  const svg = await satori(node as never, { ...size, fonts: satoriFonts(fonts) });
  await rasteriserReady();
  // Satori turns text into paths, so the rasteriser needs no fonts. The WebAssembly build is used
  // because its memory is freed explicitly: the native one kept every 3 MB pixmap (14 GB for 4,000).
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size.width }, font: { loadSystemFonts: false } });
  const image = resvg.render();
  try {
    return Buffer.from(image.asPng());
  } finally {
    image.free();
    resvg.free();
  }
}

async function cached(cacheDir: string | undefined, key: unknown, make: () => Promise<Buffer>): Promise<Buffer> {
  if (!cacheDir) return make();
  const digest = createHash('sha256').update(JSON.stringify(key)).digest('hex');
  const file = join(cacheDir, 'share-images', `${digest}.png`);
  if (existsSync(file)) return readFileSync(file);
  const png = await make();
  mkdirSync(join(cacheDir, 'share-images'), { recursive: true });
  // Write then rename, so that a build stopped half-way never leaves a broken image in the cache.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
  return png;
}

/** The share PNG of a card; from the cache when the same card was drawn before. */
export function renderShareImage(c: ShareCard, cacheDir?: string): Promise<Buffer> {
  const fonts = fontsFor(c.locale);
  assertDrawable(c, fonts);
  const { where: _where, ...drawn } = c;
  return cached(cacheDir, [SHARE_TEMPLATE_VERSION, drawn, fonts.map((f) => `${f.pkg}/${f.file}`)], () => draw(card(c), fonts, SHARE_IMAGE));
}

/** The publisher logo (JSON-LD, feeds): 通 on the house red. */
export function renderLogo(cacheDir?: string): Promise<Buffer> {
  const fonts = fontsFor('zh-Hans');
  return cached(cacheDir, [SHARE_TEMPLATE_VERSION, 'logo'], () => draw(logo(), fonts, LOGO_SIZE));
}

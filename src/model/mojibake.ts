/**
 * Mojibake: text decoded with the wrong encoding somewhere between the original and us. Its marks
 * never belong in a Chinese news text, so an article carrying one is refused with the position:
 * - U+FFFD, the replacement character a decoder writes for bytes it cannot read;
 * - private-use characters (U+E000–U+F8FF, planes 15–16), what GBK/Big5 bytes become when read
 *   one byte off (the seed report had one: 勇?lián)…);
 * - an ASCII "?" between two Han characters, where a decoder replaced a character it could not
 *   map (a real question mark in Chinese text is the full-width ？);
 * - 锟斤拷 and 烫烫烫 / 屯屯屯, the well-known traces of U+FFFD and of uninitialised memory read as GBK.
 */
export interface MojibakeHit {
  /** 0-based index in the text (UTF-16 code units). */
  index: number;
  /** 1-based line and column (in code points) in the text. */
  line: number;
  column: number;
  kind: string;
  /** A few characters around it, the mark shown as ⟦…⟧. */
  context: string;
}

/** The replacement character and the private-use ranges, as regex character-class contents (flag `u`): the one
 * definition of a mojibake mark (the importer builds its detection from them). */
export const REPLACEMENT_CHAR = '\\uFFFD';
export const PRIVATE_USE_CHARS = '\\uE000-\\uF8FF\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}';

const PATTERNS: readonly [RegExp, string][] = [
  [new RegExp(REPLACEMENT_CHAR, 'gu'), 'replacement character U+FFFD'],
  [new RegExp(`[${PRIVATE_USE_CHARS}]`, 'gu'), 'private-use character'],
  [/(?<=\p{Script=Han})\?(?=\p{Script=Han})/gu, 'ASCII "?" between Han characters'],
  [/锟斤拷|烫烫烫|屯屯屯/gu, 'mojibake trace'],
];

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line, column: [...text.slice(lineStart, index)].length + 1 };
}

export function findMojibake(text: string): MojibakeHit[] {
  const hits: MojibakeHit[] = [];
  for (const [pattern, kind] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const index = m.index;
      const end = index + m[0].length;
      const context = `${text.slice(Math.max(0, index - 6), index)}⟦${m[0]}⟧${text.slice(end, end + 6)}`.replace(/\s+/g, ' ');
      hits.push({ index, ...position(text, index), kind, context });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

const MOJIBAKE_HINT =
  'the text was decoded with the wrong encoding somewhere; copy it again from the original, or correct the damaged characters (a question mark in Chinese is the full-width ？)';

/** A message for the first hit in a field (`title`) or the body (`line 3, column 5`). */
export function describeMojibake(hits: readonly MojibakeHit[], multiline: boolean): string {
  const first = hits[0];
  if (!first) return '';
  const where = multiline ? `line ${first.line}, column ${first.column}` : `character ${first.column}`;
  const more = hits.length > 1 ? ` (and ${hits.length - 1} more)` : '';
  return `mojibake at ${where}: ${first.kind} in "${first.context}"${more}; ${MOJIBAKE_HINT}`;
}

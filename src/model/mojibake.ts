/**
 * Mojibake: text decoded with the wrong encoding somewhere between the original and us. Its marks
 * never belong in a Chinese news text, so an article carrying one is refused with the position:
 * - U+FFFD, the replacement character a decoder writes for bytes it cannot read;
 * - private-use characters (U+E000–U+F8FF, planes 15–16), what GBK/Big5 bytes become when read
 *   one byte off (the seed report had one: 勇?lián)…);
 * - an ASCII "?" between two Han characters, where a decoder replaced a character it could not
 *   map, unless its clause asks a question (為何…?原因有三: real pages write half-width punctuation);
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

/**
 * A `?` that ends a question is punctuation, not a lost character. Real pages write half-width
 * punctuation everywhere, so a `?` between Han characters is taken as a question mark when its clause
 * (back to the previous 。！？；，：, a `?` or the line start) asks one: a question word stands in it
 * (為何…?, 怎樣的改變?, 是不是…?) or a sentence-final particle stands right before it (嗎?, 吧?), and no
 * mojibake mark does (U+FFFD, private-use characters: bytes read one off). Only a `?` without that
 * evidence is taken as lost bytes.
 */
const PARTICLES = '嗎吗呢麼么吧啊呀';
const QUESTION_WORDS = [
  '何',
  '誰',
  '谁',
  '什麼',
  '什么',
  '甚麼',
  '甚么',
  '怎',
  '哪',
  '幾',
  '几',
  '多少',
  '是否',
  '可否',
  '能否',
  '難道',
  '难道',
  '豈',
  '岂',
  '嗎',
  '吗',
  '呢',
];
/** A-not-A questions (是不是, 有沒有). Listed: a backreference cannot serve in a lookbehind. */
const A_NOT_A = ['是不是', '能不能', '會不會', '会不会', '要不要', '好不好', '對不對', '对不对', '可不可以', '行不行', '有沒有', '有没有'];
const CLAUSE_CHAR = `[^。！？；，：!;,:\\n?${REPLACEMENT_CHAR}${PRIVATE_USE_CHARS}]`;
/** Lookbehind: the clause before this point asks a question. */
export const ASKS = `(?:(?:${[...QUESTION_WORDS, ...A_NOT_A].join('|')})${CLAUSE_CHAR}*|[${PARTICLES}])`;
const ASKS_BEFORE = new RegExp(`${ASKS}$`, 'u');
/** Is the `?` at `index` of `text` a question mark (its clause asks a question)? */
export const endsQuestion = (text: string, index: number): boolean => ASKS_BEFORE.test(text.slice(Math.max(0, index - 200), index));

const PATTERNS: readonly [RegExp, string][] = [
  [new RegExp(REPLACEMENT_CHAR, 'gu'), 'replacement character U+FFFD'],
  [new RegExp(`[${PRIVATE_USE_CHARS}]`, 'gu'), 'private-use character'],
  [new RegExp(`(?<=\\p{Script=Han})(?<!${ASKS})\\?(?=\\p{Script=Han})`, 'gu'), 'ASCII "?" between Han characters'],
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

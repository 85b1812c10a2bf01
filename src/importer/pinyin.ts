/**
 * Step 1: pinyin annotations left after Han characters by broken converters: 術(shù), 業（yè） → 術, 業.
 * Pure. Only a parenthesis right after a Han character whose whole content is one pinyin syllable
 * (tone marks, tone numbers or none) is removed; (以下簡稱…), (2016-2020 年), (Standard Deviation), (1) stay.
 */
import { HAN, replaceAll, type StepResult } from './types.ts';

const V = 'aāáǎàeēéěèiīíǐìoōóǒòuūúǔùüǖǘǚǜ';
/** One Hanyu Pinyin syllable: optional initial, a final with at least one vowel, optional n/ng/r, optional tone digit. */
const SYLLABLE = `(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[${V}]+(?:ng|n|r)?[1-5]?`;
const RE = new RegExp(`(?<=${HAN})[(（](${SYLLABLE})[)）]`, 'giu');

export function removePinyin(text: string): StepResult {
  return replaceAll(text, RE, 'pinyin', (m) => {
    const syllable = m[1]!.toLowerCase();
    // A lone vowel-free or English word is not pinyin; a syllable must not be a plain English word like "can" after Han? Keep it strict: lower-case only.
    if (m[1] !== syllable) return null;
    return '';
  });
}

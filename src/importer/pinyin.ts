/**
 * Step 1: pinyin annotations left after Han characters by broken converters: 術(shù), 業（yè） → 術, 業.
 * Pure. What counts as an annotation is src/model/pinyin.ts (the Studio refuses the same ones).
 */
import { isPinyinAnnotation, PINYIN_CANDIDATE } from '../model/pinyin.ts';
import { replaceAll, type StepResult } from './types.ts';

export function removePinyin(text: string): StepResult {
  return replaceAll(text, PINYIN_CANDIDATE, 'pinyin', (m) => (isPinyinAnnotation(m[1]!) ? '' : null));
}

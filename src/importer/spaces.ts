/**
 * Step 4: stray spaces inside Chinese runs, left by PDF or HTML extraction (成 為 → 成為). Spaces between
 * Chinese and Latin letters or digits are the editor's style and stay. Pure.
 */
import { replaceAll, type StepResult } from './types.ts';

const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\u201C\\u201D\\u2018\\u2019';
const RE = new RegExp(`(?<=[${CJK}])[ \\t\\u00A0\\u3000]+(?=[${CJK}])`, 'gu');

export function removeStraySpaces(text: string): StepResult {
  return replaceAll(text, RE, 'space', () => '');
}

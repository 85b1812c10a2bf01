/**
 * Step 5a: half-width punctuation inside Chinese text → full width: `,` `;` `:` `!` `?` after a Chinese
 * character, and parentheses whose content holds Chinese. Numbers (1,000), English and `(1)` stay.
 * The importer's own small step; general typography lives in src/zh/. Pure.
 */
import { QUESTION } from './mojibake.ts';
import { replaceAll, type StepResult } from './types.ts';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };
const HAN_BEFORE = /(?<=[\p{Script=Han}\u201D\u2019）」』])[,;:!?](?!\/)/gu;
const PARENS = /\(([^()\n]*\p{Script=Han}[^()\n]*)\)/gu;

export function fullWidthPunctuation(text: string): StepResult {
  const first = replaceAll(text, HAN_BEFORE, 'punctuation', (m) => {
    // A `?` inside a Han run, not after a question word, is what the mojibake step flags: leave it as found.
    if (m[0] === '?' && /^[\p{Script=Han}\uE000-\uF8FFa-zà-ǜ]/u.test(text.slice(m.index + 1)) && !QUESTION.includes(text[m.index - 1]!)) return null;
    return FULL[m[0]]!;
  });
  const second = replaceAll(first.text, PARENS, 'punctuation', (m) => `（${m[1]}）`);
  return { text: second.text, changes: [...first.changes, ...second.changes] };
}

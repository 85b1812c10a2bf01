/**
 * Step 5a: half-width punctuation inside Chinese text → full width, written into the draft. The rules are
 * the typography's (src/zh/typography.ts, applied again at render time); the importer only keeps a `?`
 * inside a Han run that does not end a question (src/importer/mojibake.ts): the mojibake step flags it as a lost character. Pure.
 */
import { fullWidthPunctuation as typographyPunctuation } from '../zh/typography.ts';
import { PRIVATE_USE_CHARS } from '../model/mojibake.ts';
import { endsQuestion } from './mojibake.ts';
import { lineAt, type StepResult } from './types.ts';

const LOST_CHARACTER = new RegExp(`^[\\p{Script=Han}${PRIVATE_USE_CHARS}a-zà-ǜ]`, 'u');

const lostCharacter = (s: string, i: number) => s[i] === '?' && LOST_CHARACTER.test(s.slice(i + 1, i + 3)) && !endsQuestion(s, i);

export function fullWidthPunctuation(text: string): StepResult {
  const { text: out, edits } = typographyPunctuation(text, lostCharacter);
  return { text: out, changes: edits.map((e) => ({ kind: 'punctuation', at: e.at, line: lineAt(text, e.at), from: e.from, to: e.to })) };
}

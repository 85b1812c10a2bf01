/** What every cleaning step returns: the new text and each change it made, with its position in its input. */
export interface Change {
  kind: 'pinyin' | 'mojibake' | 'mojibake-flag' | 'furniture' | 'space' | 'punctuation';
  /** Offset (UTF-16 code units) in the step's input, and the line (1-based). */
  at: number;
  line: number;
  from: string;
  to: string;
  note?: string;
}
export interface StepResult {
  text: string;
  changes: Change[];
}

export const lineAt = (text: string, at: number) => text.slice(0, at).split('\n').length;

/** Applies regex replacements, recording each one. `replace` returns the new text or null to keep the match. */
export function replaceAll(text: string, re: RegExp, kind: Change['kind'], replace: (m: RegExpExecArray) => string | null): StepResult {
  const changes: Change[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    const to = replace(m as RegExpExecArray);
    if (to === null || to === m[0]) continue;
    out += text.slice(last, m.index) + to;
    last = m.index + m[0].length;
    changes.push({ kind, at: m.index, line: lineAt(text, m.index), from: m[0], to });
  }
  return { text: out + text.slice(last), changes };
}

/**
 * Chinese typography, applied at render time to both scripts (source files stay as written):
 *
 * - half-width `, : ; ! ?` next to Chinese become full-width (，：；！？), and the spaces around them go;
 * - parentheses that enclose Chinese become full-width （…）;
 * - quotation marks follow the locale: “ ” ‘ ’ for zh-Hans, 「 」 『 』 for zh-Hant (src/config/site.ts).
 *
 * URLs, e-mail addresses, numbers (1,000 · 10:30), Latin text ("Hello, world") and code (never passed
 * here: the pipeline skips code elements) are left alone. Texts may be joined with NUL (one call per
 * tree): NUL is never changed, and context looks through it, so a quote opened before `<strong>` and
 * closed after it still pairs.
 */

export interface Quotes {
  /** Opening and closing primary quotes, e.g. “ ” or 「 」. */
  open: string;
  close: string;
  /** Nested quotes, e.g. ‘ ’ or 『 』. */
  openInner: string;
  closeInner: string;
}

/** Han characters and CJK punctuation: the context in which half-width marks are Chinese ones. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60\u2018\u2019\u201c\u201d\u300c-\u300f]/u;
const HAN = /\p{Script=Han}/u;
const SEP = '\u0000';
const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？' };

/** URLs, e-mail addresses and domain names: their characters are never touched. */
// eslint-disable-next-line no-control-regex -- U+0000 is the placeholder the protected runs are swapped for, so it ends a run
const PROTECTED = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s\u0000\p{Script=Han}\u3000-\u303f\uff00-\uffef]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

function prevChar(s: string, i: number): string {
  for (let j = i - 1; j >= 0; j--) if (s[j] !== SEP) return s[j]!;
  return '';
}
function nextChar(s: string, i: number): string {
  for (let j = i + 1; j < s.length; j++) if (s[j] !== SEP) return s[j]!;
  return '';
}
function nextNonSpace(s: string, i: number): string {
  for (let j = i + 1; j < s.length; j++) if (s[j] !== SEP && s[j] !== ' ') return s[j]!;
  return '';
}

const isCjk = (c: string) => c !== '' && CJK.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

/** One replacement made by the punctuation rules: offset (UTF-16 code units) in their input, old and new text. */
export interface Edit {
  at: number;
  from: string;
  to: string;
}

/** Parentheses that enclose Chinese become full-width, with the half-width spaces just outside them. */
function parentheses(s: string, edits?: Edit[]): string {
  return s.replace(/ ?\(([^()\n]*)\) ?/g, (whole, inner: string, at: number) => {
    if (!HAN.test(inner)) return whole;
    const to = `（${inner.trim()}）`;
    edits?.push({ at, from: whole, to });
    return to;
  });
}

/** Half-width `, : ; ! ?` in Chinese context become full-width, and the spaces around them go. */
function marks(s: string, keep: (s: string, index: number) => boolean, edits?: Edit[]): string {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const full = FULL[c];
    if (full && !keep(s, i)) {
      const before = prevChar(s, i);
      const after = nextNonSpace(s, i);
      const nextImmediate = nextChar(s, i);
      const chinese =
        (isCjk(before) && !(c === ':' && nextImmediate === '/')) ||
        (isCjk(after) && before !== '' && !isDigit(before) && before !== ' ' && HAN.test(after));
      if (chinese && !(isDigit(before) && isDigit(nextImmediate))) {
        let start = i;
        while (out.length && out[out.length - 1] === ' ') {
          out.pop();
          start--;
        }
        out.push(full);
        let end = i + 1;
        while (s[i + 1] === ' ') {
          i++;
          end++;
        }
        edits?.push({ at: start, from: s.slice(start, end), to: full });
        continue;
      }
    }
    out.push(c);
  }
  return out.join('');
}

/** An offset in the output of `edits` (sorted, non-overlapping) → the offset in their input. */
function inputOffset(at: number, edits: readonly Edit[]): number {
  let delta = 0;
  for (const e of edits) {
    if (e.at + delta + e.to.length > at) break;
    delta += e.to.length - e.from.length;
  }
  return at - delta;
}

const keepNothing = () => false;

/** Pure: one run of text without URLs. */
function typesetRun(s: string, quotes: Quotes): string {
  s = parentheses(s);

  // Quotes around Chinese, paired: straight, curly or corner, they become the locale's.
  s = s.replace(/["\u201c\u300c]([^"\u201c\u201d\u300c\u300d\n]*)["\u201d\u300d]/g, (whole, inner: string) =>
    HAN.test(inner) ? `${quotes.open}${inner}${quotes.close}` : whole,
  );
  s = s.replace(/[\u2018\u300e]([^\u2018\u2019\u300e\u300f\n]*)[\u2019\u300f]/g, (whole, inner: string) =>
    HAN.test(inner) ? `${quotes.openInner}${inner}${quotes.closeInner}` : whole,
  );

  s = marks(s, keepNothing);

  // Unpaired curly quotes next to Chinese follow the locale; an apostrophe between Latin letters stays.
  const mapped: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const inChinese = () => isCjk(prevChar(s, i)) || isCjk(nextChar(s, i));
    if ((c === '\u201c' || c === '\u300c') && inChinese()) mapped.push(quotes.open);
    else if ((c === '\u201d' || c === '\u300d') && inChinese()) mapped.push(quotes.close);
    else if ((c === '\u2018' || c === '\u300e') && inChinese()) mapped.push(quotes.openInner);
    else if ((c === '\u2019' || c === '\u300f') && inChinese() && !(/[A-Za-z]/.test(prevChar(s, i)) && /[A-Za-z]/.test(nextChar(s, i)))) {
      mapped.push(quotes.closeInner);
    } else mapped.push(c);
  }
  return mapped.join('');
}

/** Pure: Chinese typography for one text (or several joined with NUL). */
export function typeset(text: string, quotes: Quotes): string {
  let out = '';
  let pos = 0;
  for (const m of text.matchAll(PROTECTED)) {
    out += typesetRun(text.slice(pos, m.index), quotes) + m[0];
    pos = m.index + m[0].length;
  }
  return out + typesetRun(text.slice(pos), quotes);
}

/**
 * Pure: only the punctuation rules of `typeset` (parentheses and `, : ; ! ?`, URLs left alone), with each
 * replacement and its offset in `text`: the importer writes them into the source and reports them.
 * `keep(s, i)` leaves a mark as it is (the importer keeps a `?` that stands for a lost character).
 */
export function fullWidthPunctuation(text: string, keep: (s: string, index: number) => boolean = keepNothing): { text: string; edits: Edit[] } {
  let out = '';
  const edits: Edit[] = [];
  const run = (s: string, offset: number) => {
    const parens: Edit[] = [];
    const afterParens = parentheses(s, parens);
    const marked: Edit[] = [];
    out += marks(afterParens, keep, marked);
    const all = [...parens, ...marked.map((e) => ({ ...e, at: inputOffset(e.at, parens) }))].sort((a, b) => a.at - b.at);
    edits.push(...all.map((e) => ({ ...e, at: e.at + offset })));
  };
  let pos = 0;
  for (const m of text.matchAll(PROTECTED)) {
    run(text.slice(pos, m.index), pos);
    out += m[0];
    pos = m.index + m[0].length;
  }
  run(text.slice(pos), pos);
  return { text: out, edits };
}

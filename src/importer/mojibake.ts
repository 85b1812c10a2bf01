/**
 * Step 2: mojibake. Detects runs that are bytes decoded with the wrong encoding or alignment
 * (U+FFFD, private-use characters, `?` touching Han characters, UTF-8 read as Latin-1) and repairs
 * a run only when re-encoding provably gives it back:
 *  - automatically, when the run re-encodes (Latin-1/cp1252 or GBK) to bytes that decode as valid UTF-8 Han text;
 *  - with an editor's proposal (`fixes`), when encoding the proposal in GBK/GB18030/Big5 — with a stray ASCII
 *    run inserted at some byte, the way a broken converter does — and decoding it as the page did
 *    reproduces the observed run exactly. Bytes lost to a `?` cannot be guessed, so the proposal supplies them
 *    and the simulation proves it.
 * Every other run is flagged with its position. Pure.
 */
import iconv from 'iconv-lite';
import { ASKS, PRIVATE_USE_CHARS, REPLACEMENT_CHAR } from '../model/mojibake.ts';

export { endsQuestion } from '../model/mojibake.ts';
import { lineAt, type Change, type StepResult } from './types.ts';

/** Mojibake marks (src/model/mojibake.ts) and the private-use characters, as character-class contents. A `?`
 * whose clause asks a question (ASKS, src/model/mojibake.ts) is punctuation, not a mark. */
const MARKS = `${REPLACEMENT_CHAR}${PRIVATE_USE_CHARS}`;
const PUA = PRIVATE_USE_CHARS;

const MARKER = `[${MARKS}]|(?<=\\p{Script=Han})(?<!${ASKS})\\?(?=[\\p{Script=Han}${PUA}])|(?<=\\p{Script=Han})\\?(?=[a-zà-ǜ]{1,8}\\))`;
const MARK = new RegExp(MARKER, 'u');
/** A suspicious run: markers, Han characters and short Latin stretches between them (trimmed to the last marker). */
const RUN = new RegExp(`(?:${MARKER})(?:[\\p{Script=Han}${MARKS}]|\\?(?=[\\p{Script=Han}${PUA}])|[a-zà-ǜ()]{1,8}(?=[\\p{Script=Han}${PUA}]))*`, 'gu');
const LATIN1_UTF8 = /(?:[\u00C2-\u00F4][\u0080-\u00BF\u2018-\u203A\u0152-\u0178\u02C6-\u02DC\u20AC\u2122]{1,3}){2,}/gu;

const ENCODINGS = ['gbk', 'gb18030', 'big5'] as const;
const ANY_MARK = new RegExp(`[${MARKS}]`, 'u');
const MARK_OR_QUESTION = new RegExp(`[?${MARKS}]`, 'u');
const MARKS_AND_QUESTIONS = new RegExp(`[${MARKS}?]`, 'gu');
const HAN_OR_PUA_RUN = new RegExp(`[\\p{Script=Han}${PUA}]{2,}`, 'u');
const UTF8 = new TextDecoder('utf-8');
const isHanText = (s: string) => /^[\p{Script=Han}\p{P}\s\w]+$/u.test(s) && !ANY_MARK.test(s) && /\p{Script=Han}/u.test(s);

/** Byte arrays end to end (no Node Buffer: the Studio bundles this module). */
function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function utf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes double-byte text the way the broken page did: an invalid pair becomes one `?` and both bytes are lost. */
export function decodeLossy(bytes: Uint8Array, encoding: string): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i += 1;
      continue;
    }
    const pair = bytes.subarray(i, i + 2);
    const ch = pair.length === 2 ? iconv.decode(pair, encoding) : '\uFFFD';
    out += ch.length === 1 && ch !== '\uFFFD' ? ch : '?';
    i += 2;
  }
  return out;
}

/** Automatic repair: UTF-8 bytes read as Latin-1/cp1252 or as GBK, when the round trip is exact and gives Han text. */
function autoRepair(run: string): string | null {
  for (const enc of ['latin1', 'win1252', 'gbk'] as const) {
    const bytes = iconv.encode(run, enc);
    if (iconv.decode(bytes, enc) !== run) continue;
    const text = utf8Strict(bytes);
    if (text && text !== run && isHanText(text)) return text;
  }
  return null;
}

/**
 * Proves a proposal against the text: finds an encoding, a byte position and a stray ASCII run (the Latin
 * letters the text shows after a `?`, plus the one character the `?` swallowed) such that decoding gives a
 * stretch of the text that covers a flagged position. Returns that stretch's offset and length.
 */
function proveProposal(text: string, proposal: string, flagged: number[]): { at: number; length: number; encoding: string; stray: string } | null {
  const strays = new Set<string>();
  for (const m of text.matchAll(/\?([a-zà-ǜ]{1,8}\)?)/gu)) {
    // The `?` swallowed one ASCII byte; an opening parenthesis is the likeliest when the stretch closes one.
    if (m[1]!.endsWith(')')) strays.add(`(${m[1]}`);
    for (let c = 0x21; c < 0x7f; c++) strays.add(String.fromCharCode(c) + m[1]);
    strays.add(m[1]!);
  }
  for (const encoding of ENCODINGS) {
    const bytes = iconv.encode(proposal, encoding);
    if (iconv.decode(bytes, encoding) !== proposal) continue;
    for (const stray of strays) {
      const strayBytes = iconv.encode(stray, encoding);
      for (let k = 1; k < bytes.length; k++) {
        const decoded = decodeLossy(concatBytes([bytes.subarray(0, k), strayBytes, bytes.subarray(k)]), encoding);
        if (decoded === proposal || !MARK_OR_QUESTION.test(decoded)) continue;
        const at = text.indexOf(decoded);
        if (at >= 0 && flagged.some((f) => f >= at && f < at + decoded.length)) return { at, length: decoded.length, encoding, stray };
      }
    }
  }
  return null;
}

export function repairMojibake(text: string, fixes: readonly string[] = []): StepResult & { unresolvedFixes: string[] } {
  const changes: Change[] = [];
  // 1. Latin-1 readings of UTF-8: exact round trips only.
  let out = text.replace(LATIN1_UTF8, (run, at: number) => {
    const fixed = autoRepair(run);
    if (!fixed) return run;
    changes.push({ kind: 'mojibake', at, line: lineAt(text, at), from: run, to: fixed, note: 'UTF-8 read as Latin-1' });
    return fixed;
  });
  // 1b. Improbable sequences: Han text whose GBK bytes are exactly the UTF-8 of other Han text (UTF-8 read as
  // GBK: three bytes become one and a half characters, mostly rare ones). Ordinary Chinese does not do that for
  // three characters and more.
  out = out.replace(/[\p{Script=Han}\u3000-\u303F\uFF01-\uFF5E]{4,}/gu, (run, at: number) => {
    let result = '';
    let i = 0;
    for (const found of utf8InGbk(run)) {
      result += run.slice(i, found.start) + found.text;
      changes.push({
        kind: 'mojibake',
        at: at + found.start,
        line: lineAt(out, at + found.start),
        from: run.slice(found.start, found.end),
        to: found.text,
        note: 'UTF-8 read as GBK',
      });
      i = found.end;
    }
    return result + run.slice(i);
  });
  // 2. Editors' proposals, proven by simulation.
  const unresolvedFixes: string[] = [];
  for (const proposal of fixes) {
    const flagged = [...out.matchAll(new RegExp(MARK, 'gu'))].map((m) => m.index);
    const proof = proveProposal(out, proposal, flagged);
    if (!proof) {
      unresolvedFixes.push(proposal);
      continue;
    }
    const from = out.slice(proof.at, proof.at + proof.length);
    changes.push({
      kind: 'mojibake',
      at: proof.at,
      line: lineAt(out, proof.at),
      from,
      to: proposal,
      note: `${proof.encoding.toUpperCase()} bytes with a stray "${proof.stray}" inserted; re-encoding the proposal reproduces the run exactly`,
    });
    out = out.slice(0, proof.at) + proposal + out.slice(proof.at + proof.length);
  }
  // 3. Whatever is still suspicious is flagged (GBK-read-UTF-8 runs are repaired here when exact).
  out = out.replace(RUN, (whole, at: number) => {
    // From the first marker to the last: the Han text after it reads fine.
    const end = Math.max(...[...whole.matchAll(MARKS_AND_QUESTIONS)].map((m) => m.index + m[0].length));
    const run = whole.slice(0, end);
    const fixed = autoRepair(run);
    if (fixed) {
      changes.push({ kind: 'mojibake', at, line: lineAt(out, at), from: run, to: fixed, note: 'UTF-8 read as GBK' });
      return fixed + whole.slice(run.length);
    }
    const hint = realign(run);
    changes.push({
      kind: 'mojibake-flag',
      at,
      line: lineAt(out, at),
      from: run,
      to: run,
      note: `cannot be repaired provably: bytes were lost${hint ? `; realigned by one byte (${hint.encoding.toUpperCase()}) it reads ${hint.text}` : ''}; pass the intended text with --fix`,
    });
    return whole;
  });
  return { text: out, changes, unresolvedFixes };
}

/**
 * A hint for a flagged run: its Han/private-use stretch re-encoded and decoded one byte off. Offered only
 * when every realigned character is a Han character (the first and last bytes are unknown: shown as ?).
 */
function realign(run: string): { encoding: string; text: string } | null {
  const core = HAN_OR_PUA_RUN.exec(run)?.[0];
  if (!core) return null;
  for (const encoding of ENCODINGS) {
    const bytes = iconv.encode(core, encoding);
    if (iconv.decode(bytes, encoding) !== core || bytes.length < 4) continue;
    const middle = iconv.decode(bytes.subarray(1, bytes.length - 1), encoding);
    if (!/^\p{Script=Han}+$/u.test(middle) || middle === core) continue;
    // How many characters the lost bytes could have been: why no repair is attempted without the editor.
    const han = (pair: number[]) => /^\p{Script=Han}$/u.test(iconv.decode(Uint8Array.from(pair), encoding));
    let first = 0;
    let last = 0;
    for (let b = 0x81; b <= 0xfe; b++) if (han([b, bytes[0]!])) first++;
    for (let b = 0x40; b <= 0xfe; b++) if (han([bytes.at(-1)!, b])) last++;
    return { encoding, text: `?${middle}? (the lost bytes fit ${first} first and ${last} last characters)` };
  }
  return null;
}

/** Stretches of a Han run whose GBK bytes are valid UTF-8 for at least three Han characters, aligned on characters. */
function utf8InGbk(run: string): { start: number; end: number; text: string }[] {
  const chars = [...run];
  const bytes = chars.map((c) => iconv.encode(c, 'gbk'));
  if (bytes.some((b, k) => iconv.decode(b, 'gbk') !== chars[k])) return [];
  const found: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < chars.length;) {
    const flat = concatBytes(bytes.slice(i));
    let consumed = 0;
    let best: { chars: number; text: string } | undefined;
    let text = '';
    // Three-byte UTF-8 sequences (the CJK planes), one after another, ending on a character boundary.
    while (
      consumed + 3 <= flat.length &&
      flat[consumed]! >= 0xe3 &&
      flat[consumed]! <= 0xe9 &&
      (flat[consumed + 1]! & 0xc0) === 0x80 &&
      (flat[consumed + 2]! & 0xc0) === 0x80
    ) {
      const ch = UTF8.decode(flat.subarray(consumed, consumed + 3));
      if (!/[\p{Script=Han}\u3000-\u303F]/u.test(ch)) break;
      text += ch;
      consumed += 3;
      let boundary = 0;
      let n = 0;
      while (boundary < consumed) boundary += bytes[i + n++]!.length;
      if (boundary === consumed && [...text].length >= 3) best = { chars: n, text };
    }
    if (best) {
      const start = chars.slice(0, i).join('').length;
      const end = chars.slice(0, i + best.chars).join('').length;
      found.push({ start, end, text: best.text });
      i += best.chars;
    } else i++;
  }
  return found;
}

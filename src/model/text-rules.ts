/**
 * Characters no reader-facing text may hold: they are refused where the text enters (a file or a
 * document, with the field and the position), never stripped on the way out.
 *
 * - C0 controls U+0000–U+001F other than tab, line feed and carriage return, DEL and the C1 controls
 *   U+007F–U+009F: XML 1.0 forbids the C0 ones outright (a feed holding one is not well-formed and
 *   readers reject the whole feed), HTML calls every one a parse error, and none is ever typed on
 *   purpose: they come from copying out of PDFs, word processors and terminals.
 * - Noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE and U+FFFF
 *   among them): XML forbids U+FFFE/U+FFFF, HTML calls all of them parse errors.
 * - Lone surrogates (half of a UTF-16 pair): they cannot be written as UTF-8 at all; a writer turns
 *   them into U+FFFD, so the text published is not the text written.
 *
 * Why refuse rather than strip: the character sits where the editor's text was damaged (a lost
 * quotation mark, a ligature of a PDF), and only the editor knows what belongs there; stripping it
 * silently publishes the damage. Pure and browser-safe, so the Studio can run the same rule.
 */

export interface ForbiddenCharacter {
  /** `U+0001`. */
  codePoint: string;
  /** What kind of character it is, for the message. */
  kind: 'control character' | 'bidirectional control' | 'noncharacter' | 'lone surrogate';
  /** 0-based offset in code points. */
  offset: number;
  /** 1-based line and column (in code points) of the text. */
  line: number;
  column: number;
}

const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is this rule's job
  /[\u{0}-\u{8}\u{B}\u{C}\u{E}-\u{1F}\u{7F}-\u{9F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{FDD0}-\u{FDEF}\u{FFFE}\u{FFFF}\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}\u{D800}-\u{DFFF}]/gu;

/** Quick test, for callers that only need yes or no. */
export function hasForbiddenCharacters(text: string): boolean {
  FORBIDDEN.lastIndex = 0;
  return FORBIDDEN.test(text);
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function kindOf(cp: number): ForbiddenCharacter['kind'] {
  if (cp >= 0xd800 && cp <= 0xdfff) return 'lone surrogate';
  if (cp <= 0x9f) return 'control character';
  // Overrides and isolates reorder what a reader sees (a headline spoofed right to left); no Chinese text needs one.
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'bidirectional control';
  return 'noncharacter';
}

/** Every forbidden character of `text`, in order, with its position. */
export function findForbiddenCharacters(text: string): ForbiddenCharacter[] {
  if (!hasForbiddenCharacters(text)) return [];
  const hits: ForbiddenCharacter[] = [];
  let offset = 0;
  let line = 1;
  let column = 1;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    FORBIDDEN.lastIndex = 0;
    if (FORBIDDEN.test(ch)) hits.push({ codePoint: hex(cp), kind: kindOf(cp), offset, line, column });
    offset++;
    if (ch === '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return hits;
}

export const FORBIDDEN_HINT =
  'these characters are never part of a text (they come from copying out of PDFs, word processors or terminals); delete it, or type the character that was meant';

/**
 * A message for the hits of one text: `U+0001 (control character) at line 3, column 5` in a body
 * (`multiline`; with `firstLine`, the line of the body's first line in its file, as a line of the file),
 * `at character 12` in a one-line field.
 */
export function describeForbidden(hits: readonly ForbiddenCharacter[], multiline: boolean, firstLine = 1): string {
  const first = hits[0];
  if (!first) return '';
  const where = multiline
    ? `line ${first.line + firstLine - 1}, column ${first.column}${firstLine === 1 ? '' : ' of the file'}`
    : `character ${first.offset + 1}`;
  const more = hits.length > 1 ? ` (and ${hits.length - 1} more)` : '';
  return `${first.codePoint} (${first.kind}) at ${where}${more}; ${FORBIDDEN_HINT}`;
}

export interface TextIssue {
  /** The field as a path: ['title'], ['authors', 0, 'name'], ['body', 3, 'children', 1, 'text']. */
  path: (string | number)[];
  /** The same path as Sanity names fields, keyed blocks by their key: `body[_key=="p2"].children[_key=="s1"].text`. */
  field: string;
  message: string;
}

/** Fields whose text is Markdown: its position is given as line and column. */
const MULTILINE = new Set(['body']);

/**
 * Every string anywhere in `value` (an article and everything it holds: texts, names, URLs, Portable
 * Text blocks) checked for forbidden characters; object keys too (glossary terms). Portable Text
 * blocks and spans are named by their `_key` in the message, as editors see them in the Studio.
 */
export function forbiddenCharacterIssues(value: unknown, path: (string | number)[] = []): TextIssue[] {
  const issues: TextIssue[] = [];
  const keys: string[] = [];
  const walk = (v: unknown, at: (string | number)[], field: string) => {
    if (typeof v === 'string') {
      const hits = findForbiddenCharacters(v);
      if (hits.length === 0) return;
      const multiline = at.length === 1 && MULTILINE.has(String(at[0]));
      const inBlock = keys.length ? ` (in ${keys.join(' › ')})` : '';
      issues.push({ path: at, field, message: `${describeForbidden(hits, multiline)}${inBlock}` });
      return;
    }
    if (v === null || typeof v !== 'object' || v instanceof Date) return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        const key =
          item && typeof item === 'object' && typeof (item as { _key?: unknown })._key === 'string' ? (item as { _key: string })._key : undefined;
        walk(item, [...at, i], `${field}[${key === undefined ? i : `_key==${JSON.stringify(key)}`}]`);
      });
      return;
    }
    const record = v as Record<string, unknown>;
    const key = typeof record._key === 'string' ? `_key "${record._key}"` : undefined;
    if (key) keys.push(key);
    for (const [name, item] of Object.entries(record)) {
      const sub = field ? `${field}.${name}` : name;
      const hits = findForbiddenCharacters(name);
      if (hits.length) issues.push({ path: [...at, name], field: sub, message: `the name of this entry: ${describeForbidden(hits, false)}` });
      walk(item, [...at, name], sub);
    }
    if (key) keys.pop();
  };
  walk(value, path, path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.'));
  return issues;
}

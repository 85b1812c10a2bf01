/**
 * Control characters in reader-facing text: C0 controls other than tab and line breaks, DEL, C1
 * controls, and the bidirectional overrides/isolates that reorder what a reader sees (U+202A–202E,
 * U+2066–2069). None belongs in a news text; NUL would also cut the conversion's spans
 * (src/zh/overrides.ts joins them with it). Pure.
 *
 * Placeholder for the Studio's rule (issue 16): the hostile-input work adds the build's control-character
 * rule to src/model; once it lands, the Studio's rule calls that one and this module goes.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;

export interface ControlHit {
  index: number;
  /** U+XXXX. */
  code: string;
}

export function findControlCharacters(text: string): ControlHit[] {
  return [...text.matchAll(CONTROL)].map((m) => ({ index: m.index, code: `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` }));
}

export function describeControlCharacters(hits: readonly ControlHit[]): string {
  const first = hits[0];
  if (!first) return '';
  const more = hits.length > 1 ? ` (and ${hits.length - 1} more)` : '';
  return `control character ${first.code} at character ${first.index + 1}${more}: invisible characters pasted with the text; retype the text around it or paste it as plain text`;
}

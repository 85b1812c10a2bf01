/**
 * Reading time counted the way Chinese is read: by characters, not by words. Han characters (and
 * kana/hangul) count one each; runs of Latin letters or digits count as one word. Pure.
 */
/** Characters a reader of Chinese news reads per minute (a common estimate: 300–500). */
export const CHARACTERS_PER_MINUTE = 400;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** The text of an HTML fragment: tags, scripts and entities removed (good enough for counting). */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
}

/** Characters counted for reading: Han characters, plus one per non-CJK word. */
export function countReadingUnits(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0;
  return cjk + words;
}

/** Whole minutes, at least 1. */
export function readingMinutes(html: string): number {
  return Math.max(1, Math.ceil(countReadingUnits(textOf(html)) / CHARACTERS_PER_MINUTE));
}

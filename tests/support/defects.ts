/**
 * Defects that must never reach a reader (see ../shared/fixtures/README.md): pinyin annotations left
 * by broken converters, mojibake (the marks the article model refuses: src/model/mojibake.ts), half-width
 * commas inside Chinese text.
 */
import { findMojibake } from '../../src/model/mojibake.ts';

const HAN = '\\p{Script=Han}';
const PINYIN_SYLLABLE = '[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}';

const PATTERNS = {
  'pinyin annotation': new RegExp(`${HAN}[(（]${PINYIN_SYLLABLE}[)）]`, 'u'),
  'half-width comma between Han characters': new RegExp(`${HAN},${HAN}`, 'u'),
} as const;

/** The first occurrence of each kind of defect, with some context. */
export function findDefects(text: string): { defect: string; context: string }[] {
  const found: { defect: string; context: string }[] = [];
  const seen = new Set<string>();
  for (const hit of findMojibake(text)) {
    if (seen.has(hit.kind)) continue;
    seen.add(hit.kind);
    found.push({ defect: hit.kind, context: hit.context });
  }
  for (const [defect, pattern] of Object.entries(PATTERNS)) {
    const m = pattern.exec(text);
    if (m) found.push({ defect, context: text.slice(Math.max(0, m.index - 10), m.index + 12) });
  }
  return found;
}

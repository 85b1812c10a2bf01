/**
 * Defects that must never reach a reader (see ../shared/fixtures/README.md): pinyin annotations left
 * by broken converters, replacement and private-use characters from mojibake, half-width commas
 * inside Chinese text.
 */
const HAN = '\\p{Script=Han}';
const PINYIN_SYLLABLE = '[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}';

export const DEFECTS = {
  'pinyin annotation': new RegExp(`${HAN}[(（]${PINYIN_SYLLABLE}[)）]`, 'u'),
  'replacement character U+FFFD': /\uFFFD/u,
  'private-use character': /[\uE000-\uF8FF]/u,
  'half-width comma between Han characters': new RegExp(`${HAN},${HAN}`, 'u'),
} as const;

export function findDefects(text: string): { defect: string; context: string }[] {
  const found: { defect: string; context: string }[] = [];
  for (const [defect, pattern] of Object.entries(DEFECTS)) {
    const m = pattern.exec(text);
    if (m) found.push({ defect, context: text.slice(Math.max(0, m.index - 10), m.index + 12) });
  }
  return found;
}

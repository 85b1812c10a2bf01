/** Step 5b: the script the text is written in → sourceLocale, by which characters OpenCC would convert. Pure. */
import * as OpenCC from 'opencc-js';
import type { Locale } from '../model/locale.ts';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

export function detectScript(text: string): { locale: Locale; traditional: number; simplified: number } {
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c)).join('');
  const s = toSimplified(han);
  const t = toTraditional(han);
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < han.length; i++) {
    if (s[i] !== han[i]) traditional++;
    if (t[i] !== han[i]) simplified++;
  }
  return { locale: traditional > simplified ? 'zh-Hant' : 'zh-Hans', traditional, simplified };
}

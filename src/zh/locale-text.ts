/**
 * Texts written per script (site name, disclaimers, interface words, quotation marks) for zh-Hant-HK
 * when the site gives none of its own: the zh-Hant text converted to Hong Kong forms (OpenCC tw → hk;
 * the site's texts are written in Taiwan forms). Pure over the converter passed in.
 */
import type { Convert } from './convert.ts';

export type Written<T> = { 'zh-Hans': T; 'zh-Hant': T; 'zh-Hant-HK'?: T | undefined };
export type Filled<T> = { 'zh-Hans': T; 'zh-Hant': T; 'zh-Hant-HK': T };

/** Converts a string, or every string of a (nested) record; other values stay. */
function convertTexts<T>(value: T, convert: Convert): T {
  if (typeof value === 'string') return convert(value) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertTexts(v, convert)])) as T;
  }
  return value;
}

/** zh-Hant-HK's own text if written, else zh-Hant's converted with `toHongKong`. */
export function fillHongKong<T>(texts: Written<T>, toHongKong: Convert): Filled<T> {
  return { ...texts, 'zh-Hant-HK': texts['zh-Hant-HK'] ?? convertTexts(texts['zh-Hant'], toHongKong) };
}

/**
 * Script conversion with OpenCC (opencc-js), browser-safe (the Studio bundles it). A converter costs
 * ~150 ms and ~55 MB to create, so each (from, to) pair is created once per process and reused.
 * src/zh/convert.ts re-exports this with what only Node can know (the opencc-js version).
 */
import * as OpenCC from 'opencc-js';
import type { OpenccVariant } from '../model/locale.ts';

export type Convert = (text: string) => string;

const identity: Convert = (text) => text;
const cache = new Map<string, Convert>();

/** `t` is OpenCC's internal standard Traditional: not a locale, but OpenCC's own configs (t2s) use it. */
export function converter(from: OpenccVariant | 't', to: OpenccVariant | 't'): Convert {
  if (from === to) return identity;
  const key = `${from}->${to}`;
  let convert = cache.get(key);
  if (!convert) {
    convert = OpenCC.Converter({ from, to });
    cache.set(key, convert);
  }
  return convert;
}

/** Time spent converting in this thread, in milliseconds (for the benchmark's figures). */
export const conversionClock = { ms: 0 };

/** A converter that adds its running time to conversionClock. */
export function timed(convert: Convert): Convert {
  return (text) => {
    const start = performance.now();
    const out = convert(text);
    conversionClock.ms += performance.now() - start;
    return out;
  };
}

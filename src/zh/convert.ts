/**
 * Script conversion with OpenCC (opencc-js). A converter costs ~150 ms and ~55 MB to create, so each
 * (from, to) pair is created once per process and reused.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

/** The opencc-js release in use: its dictionaries decide the output, so it is part of the render cache key. */
export const OPENCC_VERSION: string = (() => {
  const main = createRequire(import.meta.url).resolve('opencc-js');
  for (let dir = dirname(main); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'opencc-js' && pkg.version) return pkg.version;
    } catch {
      // keep walking up
    }
  }
  throw new Error('[tongbao] cannot find the version of opencc-js; reinstall with npm ci');
})();

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

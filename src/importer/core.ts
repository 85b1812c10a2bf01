/**
 * The importer: a scraped page's text → a clean draft and a report of every change. Pure (no files,
 * no network) and browser-safe: OpenCC's dictionaries come in as an argument, so the CLI (scripts/import.ts,
 * through src/importer/index.ts) and the Studio's import tool (sanity/components/import/) run this same code.
 */
import { repairMojibake } from './mojibake.ts';
import { removePinyin } from './pinyin.ts';
import { liftFurniture } from './furniture.ts';
import { removeStraySpaces } from './spaces.ts';
import { fullWidthPunctuation } from './punctuation.ts';
import { detectMachineConversionIn, detectScriptIn } from '../zh/script-core.ts';
import type { OpenccTables } from '../zh/tables.ts';
import { converter } from '../zh/converter.ts';
import type { Change } from './types.ts';
import type { Locale } from '../model/locale.ts';

export interface ImportReport {
  counts: Record<string, number>;
  changes: (Change & { step: string })[];
  flags: Change[];
  unresolvedFixes: string[];
  /** Characters found in only one script (src/zh/script.ts); the majority gives sourceLocale. */
  script: { traditionalOnly: number; simplifiedOnly: number };
  /**
   * Set when the page is Traditional text converted from Simplified character by character (Simplified-only
   * characters such as 并 in 峰會并致辭 left in it): the draft is then the Simplified original, recovered with
   * OpenCC (tw → cn), written in zh-Hans, so that OpenCC's phrase conversion writes the zh-Hant page.
   */
  machineConverted?: {
    /** Simplified-only characters on the page, and the first of them with context. */
    count: number;
    traces: { char: string; context: string }[];
    /** Forms the phrase conversion writes differently from the page (示范 → 示範): the first 10. */
    corrections: { from: string; to: string; context: string }[];
  };
}
export interface ImportedDraft {
  title: string;
  summary: string;
  body: string;
  caption?: string;
  author?: string;
  source?: { name: string; url: string; author?: string };
  sourceLocale: Locale;
  disclaimers: string[];
}

const clean = (s: string) => fullWidthPunctuation(removeStraySpaces(s).text).text;

/** The first sentence of the lead, as a summary; an alias it defines for the body ((以下簡稱…)) means nothing there. */
function leadSummary(body: string): string {
  const lead = body.split('\n\n')[0] ?? '';
  const sentence = /^.+?[。！？]/u.exec(lead)?.[0] ?? lead;
  return sentence.replace(/[（(](?:以下|下文)?(?:簡稱|简称)[^）)]*[）)]/gu, '').slice(0, 400);
}

export interface ImportOptions {
  /** The editor's intended text for flagged runs: applied only when re-encoding proves it (mojibake.ts). */
  fixes?: readonly string[];
}

export function importTextWith(tables: OpenccTables, text: string, options: ImportOptions = {}): { draft: ImportedDraft; report: ImportReport } {
  const changes: ImportReport['changes'] = [];
  const add = (step: string, list: Change[]) => changes.push(...list.map((c) => ({ ...c, step })));
  const mojibake = repairMojibake(text, options.fixes);
  add('mojibake', mojibake.changes);
  const pinyin = removePinyin(mojibake.text);
  add('pinyin', pinyin.changes);
  const furniture = liftFurniture(pinyin.text);
  add('furniture', furniture.changes);
  const spaces = removeStraySpaces(furniture.body);
  add('spaces', spaces.changes);
  const punctuation = fullWidthPunctuation(spaces.text);
  add('punctuation', punctuation.changes);
  const page = punctuation.text;
  const script = detectScriptIn(tables, page);
  const machine = detectMachineConversionIn(tables, page);
  // A machine-converted reprint: every reader-facing text goes back to the Simplified original.
  const recover = machine ? converter('tw', 'cn') : (s: string) => s;
  const body = machine ? machine.original : page;
  const f = furniture.fields;
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  const draft: ImportedDraft = {
    title: recover(clean(f.title)),
    summary: leadSummary(body),
    body,
    ...(f.caption ? { caption: recover(clean(f.caption)) } : {}),
    // As the page writes it: the key to look the author up by name.
    ...(f.author ? { author: f.author } : {}),
    ...(f.sourceUrl ? { source: { name: new URL(f.sourceUrl).hostname, url: f.sourceUrl, ...(f.author ? { author: recover(f.author) } : {}) } } : {}),
    // No telling character (all common to both scripts): Simplified, as before.
    sourceLocale: machine ? 'zh-Hans' : (script.script ?? 'zh-Hans'),
    disclaimers: f.disclaimers,
  };
  return {
    draft,
    report: {
      counts,
      changes,
      flags: changes.filter((c) => c.kind === 'mojibake-flag'),
      unresolvedFixes: mojibake.unresolvedFixes,
      script: { traditionalOnly: script.traditionalOnly, simplifiedOnly: script.simplifiedOnly },
      ...(machine ? { machineConverted: { count: machine.count, traces: machine.traces, corrections: machine.corrections } } : {}),
    },
  };
}

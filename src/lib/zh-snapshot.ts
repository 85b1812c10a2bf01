/**
 * Dictionary drift: the converted output of every article, recorded in a committed snapshot
 * (content/conversion-snapshot.json), so an opencc-js upgrade (or a glossary edit) shows what it
 * changes before it is published. `npm run zh:recheck` compares, `-- --update` records.
 */
import { env } from '../config/env.ts';
import { localeOrder } from '../config/site.ts';
import type { Article } from '../model/article.ts';
import { OPENCC_VERSION } from '../zh/convert.ts';
import { localize } from './localize.ts';

export const SNAPSHOT_FILE = 'conversion-snapshot.json';

export interface Snapshot {
  opencc: string;
  hantVariant: string;
  /** slug → locale → field → text (the body as lines of text). */
  articles: Record<string, Record<string, Record<string, string | string[]>>>;
}

/** Pure given the conversion: what the snapshot records for these articles. */
export function takeSnapshot(articles: readonly Article[]): Snapshot {
  const out: Snapshot['articles'] = {};
  for (const article of [...articles].sort((a, b) => a.slug.localeCompare(b.slug))) {
    const byLocale: Record<string, Record<string, string | string[]>> = {};
    for (const locale of localeOrder) {
      if (locale === article.sourceLocale) continue;
      const l = localize(article, locale);
      const fields: Record<string, string | string[]> = { title: l.title, summary: l.summary, tags: l.tags.join('、') };
      if (l.image) {
        fields['image.alt'] = l.image.alt;
        if (l.image.caption) fields['image.caption'] = l.image.caption;
      }
      // The body's text, paragraph by paragraph: the disclaimers and the markup are not conversion.
      fields.body = l.html
        .replace(/<aside class="disclaimers"[\s\S]*<\/aside>\s*$/, '')
        .split('\n')
        .map((line) => line.replace(/<[^>]*>/g, '').trim())
        .filter((line) => line !== '');
      byLocale[locale] = fields;
    }
    out[article.slug] = byLocale;
  }
  return { opencc: OPENCC_VERSION, hantVariant: env.TONGBAO_ZH_HANT_VARIANT, articles: out };
}

/** Lines removed (-) and added (+), by longest common subsequence. */
function diffLines(a: readonly string[], b: readonly string[]): string[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) out.push(`+ ${b[j++]}`);
    else out.push(`- ${a[i++]}`);
  }
  return out;
}

/** Pure: the differences between a recorded and a fresh snapshot, as readable lines ([] when equal). */
export function compareSnapshots(recorded: Snapshot, fresh: Snapshot): string[] {
  const lines: string[] = [];
  if (recorded.opencc !== fresh.opencc) lines.push(`opencc-js: ${recorded.opencc} → ${fresh.opencc}`);
  const slugs = [...new Set([...Object.keys(recorded.articles), ...Object.keys(fresh.articles)])].sort();
  for (const slug of slugs) {
    const before = recorded.articles[slug];
    const after = fresh.articles[slug];
    if (!before) {
      lines.push(`${slug}: new article (not in the snapshot)`);
      continue;
    }
    if (!after) {
      lines.push(`${slug}: no longer published (in the snapshot only)`);
      continue;
    }
    for (const locale of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
      const fieldsBefore = before[locale] ?? {};
      const fieldsAfter = after[locale] ?? {};
      for (const field of [...new Set([...Object.keys(fieldsBefore), ...Object.keys(fieldsAfter)])]) {
        const x = fieldsBefore[field] ?? '';
        const y = fieldsAfter[field] ?? '';
        const xs = Array.isArray(x) ? x : [x];
        const ys = Array.isArray(y) ? y : [y];
        if (JSON.stringify(xs) === JSON.stringify(ys)) continue;
        lines.push(`${slug} · ${locale} · ${field}:`);
        for (const d of diffLines(xs, ys)) lines.push(`    ${d}`);
      }
    }
  }
  return lines;
}

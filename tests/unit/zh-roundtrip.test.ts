/**
 * Round trip zh-Hans → zh-Hant → zh-Hans on the sample articles: what does not come back, character by
 * character with context. The list is a fixture a human has read (TONGBAO_UPDATE_FIXTURES=1 rewrites it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { converter } from '../../src/zh/convert.ts';
import { stripMarkup } from '../../src/zh/overrides.ts';
import { loadLocalArticles } from '../support/content.ts';

test('round trip of the sample articles: the differences listed', async () => {
  const there = converter('cn', 'tw');
  const back = converter('tw', 'cn');
  const lines: string[] = [];
  for (const article of (await loadLocalArticles()).filter((a) => a.sourceLocale === 'zh-Hans')) {
    const text = stripMarkup([article.title, article.summary, typeof article.body === 'string' ? article.body : ''].join('\n'), 'zh-Hans');
    const original = [...text];
    const hant = there(text);
    const returned = [...back(hant)];
    const hantChars = [...hant];
    expect(returned.length, article.slug).toBe(original.length);
    const diffs = original.flatMap((c, i) =>
      c === returned[i]
        ? []
        : [
            `  ${c} → ${hantChars[i]} → ${returned[i]}  ${original
              .slice(Math.max(0, i - 6), i + 7)
              .join('')
              .replace(/\s+/g, ' ')}`,
          ],
    );
    lines.push(`${article.slug}: ${diffs.length} difference(s)`, ...diffs);
  }
  const listed = lines.join('\n') + '\n';
  const path = join(import.meta.dirname, '..', 'fixtures', 'zh-review', 'roundtrip.txt');
  if (process.env.TONGBAO_UPDATE_FIXTURES === '1') writeFileSync(path, listed);
  expect(listed).toBe(readFileSync(path, 'utf8'));
});

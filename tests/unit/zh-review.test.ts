/**
 * The ambiguity review (src/zh/ambiguity.ts, src/lib/zh-review.ts): the one-to-many set comes from
 * OpenCC's dictionaries, phrase matches are not reported, fallbacks are, with context; the reports of
 * the sample articles are fixtures a human has read (TONGBAO_UPDATE_FIXTURES=1 rewrites them).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatReport, reviewArticle } from '../../src/lib/zh-review.ts';
import { findAmbiguities, oneToManyCharacters } from '../../src/zh/ambiguity.ts';
import { converter } from '../../src/zh/convert.ts';
import { detectScript, scriptWarnings } from '../../src/zh/script.ts';
import { projectRoot } from '../support/build.ts';
import { loadLocalArticles } from '../support/content.ts';

const s2t = converter('cn', 'tw');
const t2s = converter('tw', 'cn');

describe('the one-to-many characters', () => {
  test('are derived from OpenCC’s character dictionaries, in both directions', () => {
    const st = oneToManyCharacters('s2t');
    for (const c of '后发干台里系只余沈面松范复历云丑冲准制') expect(st.has(c), c).toBe(true);
    expect(st.get('发')).toEqual(['發', '髮']);
    expect(st.size).toBeGreaterThan(200);
    const ts = oneToManyCharacters('t2s');
    expect(ts.get('乾')).toEqual(['干', '乾']);
    // Only rare, non-BMP alternatives (戰 → 𢧐): not ambiguous.
    expect(ts.has('戰')).toBe(false);
  });
});

describe('fallback versus phrase', () => {
  test('a phrase match is not reported; a lone character is, with its context and choice', () => {
    expect(findAmbiguities('头发和发展', 's2t', s2t)).toEqual([]);
    const found = findAmbiguities('他的发很长', 's2t', s2t);
    expect(found).toEqual([{ char: '发', choice: '發', candidates: ['發', '髮'], context: '他的【发】很长', at: 2 }]);
  });
  test('Traditional sources are reviewed against TSCharacters', () => {
    expect(findAmbiguities('乾隆', 't2s', t2s)).toEqual([]);
    expect(findAmbiguities('天乾了', 't2s', t2s).map((a) => [a.char, a.choice])).toEqual([['乾', '干']]);
  });
});

describe('the sample articles', async () => {
  const articles = await loadLocalArticles();
  for (const article of articles) {
    test(`${article.slug}: the report a human has read`, () => {
      const text = formatReport(reviewArticle(article)) + '\n';
      const path = join(import.meta.dirname, '..', 'fixtures', 'zh-review', `${article.slug}.txt`);
      if (process.env.TONGBAO_UPDATE_FIXTURES === '1') writeFileSync(path, text);
      expect(text).toBe(readFileSync(path, 'utf8'));
    });
  }
  test('title and summary ambiguities are marked', () => {
    const report = reviewArticle(articles.find((a) => a.slug === 'one-source-two-scripts')!);
    const headline = report.targets.flatMap((t) => t.items).filter((i) => i.headline);
    expect(headline.map((i) => [i.field, i.char])).toEqual([['summary', '并']]);
    expect(formatReport(report)).toContain('summary [HEADLINE]: 并 → 並');
  });
  test('an override removes the place from the review (the editor decided)', () => {
    const article = articles.find((a) => a.slug === 'one-source-two-scripts')!;
    const fixed = { ...article, summary: article.summary.replace('并', '-{zh-hans:并;zh-hant:並}-') };
    expect(reviewArticle(fixed).headline).toBe(0);
  });
});

describe('npm run zh:review', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(projectRoot, 'scripts', 'zh-review.ts'), ...args], { cwd: projectRoot, encoding: 'utf8' });
  test('prints the conference report’s ambiguities with context', () => {
    const r = run('advanced-tech-fair-2023');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('advanced-tech-fair-2023 (written in zh-Hans');
    expect(r.stdout).toContain('→ zh-Hant');
  });
  test('an unknown slug is an error naming it', () => {
    const r = run('no-such-article');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[tongbao] no article "no-such-article"');
  });
});

describe('script detection', () => {
  test('tells Simplified from Traditional by the characters only one script has', () => {
    expect(detectScript('头发和发展').script).toBe('zh-Hans');
    expect(detectScript('頭髮和發展').script).toBe('zh-Hant');
    expect(detectScript('中文 ABC').script).toBeUndefined();
    // Taiwan writes 峰 and 台: they are not Simplified-only.
    expect(detectScript('高峰會在台北').simplifiedOnly).toBe(0);
  });
  test('warns when sourceLocale disagrees with the text', () => {
    expect(scriptWarnings('头发和发展都很重要', 'zh-Hant')).toEqual([
      expect.stringMatching(/^sourceLocale is zh-Hant but the text reads as zh-Hans/),
    ]);
  });
  test('warns about Simplified-only characters in Traditional text, and the reverse, with context', () => {
    expect(scriptWarnings('出席峰會并致辭', 'zh-Hant')).toEqual(['1 Simplified-only character(s) in zh-Hant text: 并 (出席峰會【并】致辭)']);
    expect(scriptWarnings('他的头髮很长', 'zh-Hans')).toEqual(['1 Traditional-only character(s) in zh-Hans text: 髮 (他的头【髮】很长)']);
    expect(scriptWarnings('他的头发很长', 'zh-Hans')).toEqual([]);
  });
  test('override markup and protected forms are not counted', async () => {
    const articles = await loadLocalArticles();
    const article = articles.find((a) => a.slug === 'one-source-two-scripts')!;
    expect(reviewArticle(article).scriptWarnings).toEqual([]);
    expect(reviewArticle({ ...article, summary: `${article.summary}頭髮` }).scriptWarnings).toEqual([
      expect.stringContaining('Traditional-only character(s) in zh-Hans text: 頭'),
    ]);
  });
});

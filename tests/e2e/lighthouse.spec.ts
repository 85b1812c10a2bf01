/**
 * Issue 17, point 1: Lighthouse mobile (its default config: a phone, simulated throttling) scores 100 in
 * performance, accessibility, best practices and SEO on the root page, both homes, a section page and an
 * article page in both scripts — the built samples as the webServer serves them. One Chrome, pages in
 * sequence, so the runs do not slow each other down; and after every other test (the Playwright project
 * `lighthouse` depends on `reader`), so that no other test's Chromium shares the CPU.
 *
 * Accessibility, best practices and SEO do not vary between runs: one run decides. Performance does:
 * simulated throttling scales the CPU time it observes by 4, so a busy machine (other builds, other tests)
 * lowers the score of a page that is fine. A page gets up to PERFORMANCE_RUNS runs and the best counts, as
 * Lighthouse's own advice on variability says (several runs); a page that is really too slow misses in all
 * of them. A failure prints each run's scores, metrics and the audits that cost points.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { formatReport, LIGHTHOUSE_CATEGORIES, startLighthouse, type LighthouseReport } from '../../scripts/lib/lighthouse.ts';

const ARTICLE = 'one-source-two-scripts'; // the sample with a lead image: the image is part of what loads
const SECTION = 'technology';
const PAGES = ['/', '/zh-hans/', '/zh-hant/', `/zh-hant/categories/${SECTION}/`, `/zh-hans/articles/${ARTICLE}/`, `/zh-hant/articles/${ARTICLE}/`];
const PERFORMANCE_RUNS = 3;
/** The page budget: HTML plus the CSS it links, gzip-compressed (as `npm run bench:pages` measures it). */
const BUDGET_BYTES = 25 * 1024;

test('Lighthouse mobile: 100 in all four categories on the front, section and article pages', async ({ baseURL }) => {
  test.setTimeout(PAGES.length * PERFORMANCE_RUNS * 40_000);
  const lighthouse = await startLighthouse();
  try {
    for (const path of PAGES) {
      await test.step(path, async () => {
        const url = new URL(path, baseURL).href;
        const runs: LighthouseReport[] = [await lighthouse.audit(url)];
        while (runs.at(-1)!.scores.performance < 100 && runs.length < PERFORMANCE_RUNS) runs.push(await lighthouse.audit(url));
        const first = runs[0]!;
        const performance = Math.max(...runs.map((r) => r.scores.performance));
        const scores = { ...first.scores, performance };
        const log = runs.map((r, i) => `run ${i + 1}: ${formatReport(r)}`).join('\n');
        console.log(`[lighthouse] ${log}`);
        expect.soft(scores, `Lighthouse mobile on ${path}:\n${log}`).toEqual(Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((c) => [c, 100])));
      });
    }
  } finally {
    lighthouse.close();
  }
});

test('page budget: at most 25 KB gzip of HTML and CSS on the same pages', async ({ request }) => {
  for (const path of PAGES) {
    const html = await (await request.get(path)).text();
    const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    const css = await Promise.all(styles.map(async (href) => (await request.get(href)).text()));
    const bytes = gzipSync(html, { level: 9 }).length + gzipSync(css.join('\n'), { level: 9 }).length;
    expect.soft(bytes, `${path}: HTML + CSS ${(bytes / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(BUDGET_BYTES);
  }
});

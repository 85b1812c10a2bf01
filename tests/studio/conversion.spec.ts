import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LAKE_PORT } from '../../playwright.studio.config.ts';
import { astroBuild } from '../support/build.ts';
import { lakeEnv } from '../support/lake.ts';
import { deskScreenshot, lakeClient, recordRequests, signIn } from './support.ts';

/**
 * The conversion pane in the real Studio: an article written in Simplified, opened with the form and the
 * 繁簡 / Conversion view side by side; the pane shows the zh-Hant text with the fallback's choice highlighted,
 * follows the form as the editor types, and drops the highlight when the article's glossary fixes the word.
 */
test('the conversion pane shows the zh-Hant text, highlights the fallback’s choice and follows the form', async ({ page }) => {
  test.setTimeout(480_000);
  recordRequests(page);
  const stamp = Date.now().toString(36);
  const id = `article.pane-${stamp}`;
  const editor = lakeClient({ token: true });
  await editor.createOrReplace({
    _id: `drafts.${id}`,
    _type: 'article',
    title: `新产品发布会后举行 ${stamp}`,
    slug: { _type: 'slug', current: `pane-${stamp}` },
    summary: '头发很长的研究员发表了报告。',
    sourceLocale: 'zh-Hans',
    origin: 'original',
    publishedAt: '2026-11-30T02:00:00Z',
    authors: [{ _type: 'reference', _ref: 'author.tongbao-desk', _key: 'a0' }],
    category: { _type: 'reference', _ref: 'category.technology' },
    body: [
      {
        _type: 'block',
        _key: 'b0',
        style: 'normal',
        markDefs: [],
        children: [{ _type: 'span', _key: 's0', marks: [], text: '新产品发布会后举行酒会，云计算企业参加。' }],
      },
    ],
  });

  // The form and, beside it (a split pane), the conversion view.
  await signIn(page, `/structure/article;${id}|,view=conversion`);
  const pane = page.getByTestId('conversion-pane');
  const hant = pane.locator('section[data-locale="zh-Hant"]');
  // A cold Studio bundles the pane's modules on first use (Vite's dependency optimizer): allow for it.
  await expect(hant.locator('[data-field="title"]')).toHaveText(`新產品發佈會後舉行 ${stamp}`, { timeout: 90_000 });
  await expect(hant).toHaveAttribute('lang', 'zh-Hant');
  // The fallback's choice, highlighted with its alternatives, in the headline and in the body.
  await expect(hant.locator('[data-field="title"] mark')).toHaveAttribute('title', '后 → 後 (also: 后)');
  await expect(hant.locator('[data-field="body"] mark[data-char="后"]')).toHaveText('後');
  await expect(hant.locator('[data-field="body"] p').first()).toHaveText('新產品發佈會後舉行酒會，雲端運算企業參加。');
  // The site glossary's form (content/glossary.yaml: 云计算 → 雲端運算), the summary, the attribution notice.
  await expect(hant.locator('[data-field="summary"]')).toHaveText('頭髮很長的研究員發表了報告。');
  await expect(hant.locator('[data-field="body"] .disclaimers')).toContainText('原創文章，作者：通報編輯部');
  await expect(hant.locator('[data-field="choices"]')).toContainText('后 → 後 (also: 后)');
  await expect(page.getByTestId('field-title').locator('input')).toHaveValue(`新产品发布会后举行 ${stamp}`);
  // The validation says the same beside the headline: a warning naming the character and the choice.
  const warning = page.getByTestId('field-title').getByTestId('input-validation-icon-warning');
  await expect(warning).toBeVisible();
  await warning.hover();
  const tooltip = page.getByText('OpenCC chose by the character alone: 后 → 後 (not 后)', { exact: false });
  await expect(tooltip.first()).toBeVisible();
  // Away from the icon: its tooltip closes (the glossary's dialog below is found as the last popover layer).
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  await deskScreenshot(page, 'studio-conversion-pane');

  // Typing into the headline in the form: the pane follows (debounced).
  const title = page.getByTestId('field-title').locator('input');
  await title.fill(`干部发言 ${stamp}`);
  await expect(hant.locator('[data-field="title"]')).toHaveText(`幹部發言 ${stamp}`);
  await expect(hant.locator('[data-field="title"] mark')).toHaveCount(0);
  await title.fill(`新产品发布会后举行 ${stamp}`);
  await expect(hant.locator('[data-field="title"] mark')).toHaveCount(1);

  // The article's glossary fixes the word: the highlight goes, in the headline and the body.
  await page
    .getByTestId('field-glossary')
    .getByRole('button', { name: /Add item/ })
    .click();
  // The item's dialog: its two fields by their labels.
  await page.getByRole('textbox', { name: '简体', exact: true }).fill('会后');
  await page.getByRole('textbox', { name: '繁體', exact: true }).fill('會後');
  await expect(hant.locator('[data-field="title"] mark')).toHaveCount(0);
  await expect(hant.locator('[data-field="body"] mark')).toHaveCount(0);
  await expect(hant.locator('[data-field="title"]')).toHaveText(`新產品發佈會後舉行 ${stamp}`);
  await expect(hant.locator('[data-field="choices"]')).not.toContainText('后 → 後');
  // …and the headline's warning goes with it.
  await expect(warning).toHaveCount(0);
  await page.getByRole('button', { name: 'Close dialog' }).click();
  await expect(page.getByTestId('field-title').locator('input')).toBeVisible();
  await deskScreenshot(page, 'studio-conversion-pane-fixed');

  // Published from the form; then a build of the site from the lake shows it in both scripts, with the fix.
  const publish = page.getByTestId('action-publish').first();
  await expect(publish).toBeEnabled({ timeout: 30_000 });
  await expect(async () => {
    await publish.click();
    await expect(publish).toBeDisabled({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect
    .poll(async () => lakeClient().fetch('*[_id == $id][0].glossary[0].zhHant', { id }, { perspective: 'published' }), { timeout: 30_000 })
    .toBe('會後');
  const cache = mkdtempSync(join(tmpdir(), 'tongbao-studio-cache-'));
  try {
    // The lake's certificate is trusted through NODE_EXTRA_CA_CERTS (playwright.studio.config.ts).
    const build = astroBuild({ ...lakeEnv(`https://localhost:${LAKE_PORT}`), TONGBAO_CACHE_DIR: cache });
    expect(build.status, build.output.slice(-3000)).toBe(0);
    const read = (segment: string) => readFileSync(join(build.outDir, segment, 'articles', `pane-${stamp}`, 'index.html'), 'utf8');
    const hans = read('zh-hans');
    const hantPage = read('zh-hant');
    expect(hans).toContain(`新产品发布会后举行 ${stamp}`);
    expect(hans).toContain('原创文章，作者：通报编辑部');
    expect(hantPage).toMatch(/<html[^>]*lang="zh-Hant"/);
    expect(hantPage).toContain(`新產品發佈會後舉行 ${stamp}`);
    expect(hantPage).toContain('新產品發佈會後舉行酒會，雲端運算企業參加。');
    expect(hantPage).toContain('原創文章，作者：通報編輯部');
    // No market-risk notice: a technology article, not finance.
    expect(hantPage).not.toContain('市場有風險');
    rmSync(build.outDir, { recursive: true, force: true });
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

/**
 * The pane applies the published site glossary document (siteGlossary), as the build does, not a copy bundled
 * with the Studio: an entry added to the document shows in the pane; the desk opens the document as one item.
 */
test('the conversion pane applies the site glossary document the build reads', async ({ page }) => {
  test.setTimeout(240_000);
  recordRequests(page);
  const stamp = Date.now().toString(36);
  const id = `article.pane-glossary-${stamp}`;
  const editor = lakeClient({ token: true });
  type Entry = { _key: string; _type: string; term: string; zhHant?: string };
  const before = await editor.getDocument<{ entries: Entry[] }>('siteGlossary');
  expect(before?.entries.some((e) => e.term === '云计算')).toBe(true);
  await editor
    .patch('siteGlossary')
    .set({ entries: [...before!.entries, { _key: `t${stamp}`, _type: 'siteGlossaryEntry', term: '测试词', zhHant: '測試用語' }] })
    .commit();
  try {
    await editor.createOrReplace({
      _id: `drafts.${id}`,
      _type: 'article',
      title: `词表 ${stamp}`,
      slug: { _type: 'slug', current: `pane-glossary-${stamp}` },
      summary: '摘要。',
      sourceLocale: 'zh-Hans',
      origin: 'original',
      publishedAt: '2026-11-30T02:00:00Z',
      authors: [{ _type: 'reference', _ref: 'author.tongbao-desk', _key: 'a0' }],
      category: { _type: 'reference', _ref: 'category.technology' },
      body: [
        { _type: 'block', _key: 'b0', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's0', marks: [], text: '这是测试词。' }] },
      ],
    });
    await signIn(page, `/structure/article;${id}|,view=conversion`);
    const hant = page.getByTestId('conversion-pane').locator('section[data-locale="zh-Hant"]');
    await expect(hant.locator('[data-field="body"] p').first()).toHaveText('這是測試用語。', { timeout: 90_000 });

    // The desk lists the site glossary as one item that opens the document.
    await page.goto(`/structure/siteGlossary`);
    await expect(page.getByTestId('field-entries')).toContainText('测试词', { timeout: 60_000 });
  } finally {
    await editor.patch('siteGlossary').set({ entries: before!.entries }).commit();
  }
});

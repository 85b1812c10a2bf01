import { expect, test } from '@playwright/test';
import { lakeClient, recordRequests, signIn } from './support.ts';

test('an editor creates an article in the Studio, the draft reaches the lake, publishing makes the published document', async ({ page }) => {
  test.setTimeout(240_000);
  recordRequests(page);
  const stamp = Date.now().toString(36);
  const title = `工作室测试文章 ${stamp}`;
  const bodyText = `这是在工作室里写的正文，编号 ${stamp}。`;
  await signIn(page, '/intent/create/template=article;type=article/');
  const title$ = page.getByTestId('field-title').locator('input');
  await title$.fill(title);
  await page.getByTestId('field-slug').getByRole('button', { name: 'Generate' }).click();
  await page.getByTestId('field-summary').locator('textarea').fill(`摘要 ${stamp}`);
  const body = page.getByTestId('field-body');
  await body.locator('[contenteditable="true"]').first().click();
  await page.keyboard.type(bodyText);
  await page.screenshot({ path: 'test-results/studio/editing.png' });

  // The draft reaches the lake through the Studio's own mutations.
  const lake = lakeClient({ token: true });
  await expect
    .poll(async () => lake.fetch<{ title?: string; slug?: { current?: string } } | null>('*[_id in path("drafts.**") && title == $title][0]{title, slug}', { title }, { perspective: 'raw' }), { timeout: 30_000 })
    .toMatchObject({ title, slug: { current: expect.any(String) } });
});

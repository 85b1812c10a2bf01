import { expect, test, type Page } from '@playwright/test';
import { lakeClient, recordRequests, signIn } from './support.ts';

/** Picks a document in a reference input by typing part of its name (the Studio searches the lake). */
async function pickReference(page: Page, search: string, name: string) {
  // The empty reference input (the one just added, or the category's).
  const input = page.getByPlaceholder('Type to search').first();
  await input.click();
  await input.fill(search);
  // The search results open in a popover (the document list beside the form has options too).
  await page.locator('[data-ui="Popover"]').getByRole('option').filter({ hasText: name }).first().click();
}

test('an editor creates an article in the Studio, the draft reaches the lake, publishing makes the published document', async ({ page }) => {
  test.setTimeout(300_000);
  recordRequests(page);
  const stamp = Date.now().toString(36);
  const title = `工作室测试文章 ${stamp}`;
  const bodyText = `这是在工作室里写的正文，编号 ${stamp}。`;
  await signIn(page, '/intent/create/template=article;type=article/');
  await page.getByTestId('field-title').locator('input').fill(title);
  await page.getByTestId('field-slug').getByRole('button', { name: 'Generate' }).click();
  await page.getByTestId('field-summary').locator('textarea').fill(`摘要 ${stamp}`);
  await page.getByTestId('field-body').locator('[contenteditable="true"]').first().click();
  await page.keyboard.type(bodyText);

  // The draft reaches the lake through the Studio's own requests (actions API: create, edit).
  const editor = lakeClient({ token: true });
  await expect
    .poll(
      async () => editor.fetch('*[_id in path("drafts.**") && title == $title][0]{title, "slug": slug.current}', { title }, { perspective: 'raw' }),
      { timeout: 30_000 },
    )
    .toMatchObject({ title, slug: expect.stringMatching(/\S/) });

  const publishedAt = page.getByTestId('field-publishedAt').locator('input').first();
  await publishedAt.fill('2026-11-30 10:00');
  await publishedAt.press('Enter');
  await page
    .getByTestId('field-authors')
    .getByRole('button', { name: /Add item/ })
    .click();
  await pickReference(page, '通报', '通报编辑部');
  await pickReference(page, '科技', '科技');
  await page.screenshot({ path: 'test-results/studio/before-publish.png' });

  const publish = page.getByTestId('action-publish');
  await expect(page.locator('[data-ui="Popover"]').getByRole('option')).toHaveCount(0);
  await expect(publish).toBeEnabled({ timeout: 30_000 });
  // Published: a reader's query (no token, perspective published) finds it, with its body. A click can land
  // while the Studio is still saving the last edit (the button turns disabled, then enabled again, and nothing
  // is published), or only close a reference search's popover: click again whenever Publish is enabled.
  const reader = lakeClient();
  await expect(async () => {
    if (await publish.isEnabled()) await publish.click();
    const published = await reader.fetch(
      '*[_type == "article" && title == $title][0]{_id, title, "text": pt::text(body), "author": authors[0]->name, "category": category->name}',
      { title },
      { perspective: 'published' },
    );
    expect(published).toMatchObject({ title, text: bodyText, author: '通报编辑部', category: '科技' });
  }).toPass({ timeout: 60_000, intervals: [2_000, 3_000, 5_000] });
  // The draft is gone (publish deletes it), and the pane shows the published state without a reconnect.
  expect(await editor.fetch('count(*[_id in path("drafts.**") && title == $title])', { title }, { perspective: 'raw' })).toBe(0);
  await expect(page.getByText(/connection (lost|problem)|trying to connect|reconnecting/i)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/studio/published.png' });
});

import { expect, test } from '@playwright/test';
import { lakeClient, recordRequests, signIn } from './support.ts';

test('the Studio opens signed in at /#token= and lists the lake’s articles, authors and categories', async ({ page }) => {
  recordRequests(page);
  await signIn(page);
  const desk = page.locator('[data-testid="structure-tool-list-pane"]').first();
  await expect(desk).toContainText('Article');
  await expect(desk).toContainText('Author');
  await expect(desk).toContainText('Category');
  // The lists come from the lake's sample dataset.
  const lake = lakeClient();
  const titles = await lake.fetch<string[]>('*[_type == "article"].title');
  expect(titles.length).toBeGreaterThan(0);
  await page.goto('/structure/article');
  for (const title of titles) await expect(page.getByText(title).first()).toBeVisible();
  const authors = await lake.fetch<string[]>('*[_type == "author"].name');
  await page.goto('/structure/author');
  for (const name of authors) await expect(page.getByText(name).first()).toBeVisible();
  const categories = await lake.fetch<string[]>('*[_type == "category"].name');
  await page.goto('/structure/category');
  for (const name of categories) await expect(page.getByText(name).first()).toBeVisible();
});

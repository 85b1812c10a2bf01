import { expect, test } from '@playwright/test';
import { lakeClient, recordRequests, signIn } from './support.ts';

/**
 * Whatever the build refuses, the Studio refuses first (sanity/schemaTypes/rules/text-rules.ts over src/model and
 * src/zh): a headline with a pinyin annotation left by a converter is an error; the field says what and how to fix
 * it, the Publish action stays off until the editor fixes it.
 */
test('a document with bad input cannot be published, and the field says why', async ({ page }) => {
  test.setTimeout(240_000);
  recordRequests(page);
  const stamp = Date.now().toString(36);
  const id = `article.invalid-${stamp}`;
  await lakeClient({ token: true }).createOrReplace({
    _id: `drafts.${id}`,
    _type: 'article',
    title: `先进技术(shù)成果发布 ${stamp}`,
    slug: { _type: 'slug', current: `invalid-${stamp}` },
    summary: '一份完整的稿件，只有标题里留着转换器写下的拼音。',
    sourceLocale: 'zh-Hans',
    origin: 'original',
    publishedAt: '2026-11-30T02:00:00Z',
    authors: [{ _type: 'reference', _ref: 'author.tongbao-desk', _key: 'a0' }],
    category: { _type: 'reference', _ref: 'category.technology' },
    body: [
      { _type: 'block', _key: 'b0', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's0', marks: [], text: '正文没有问题。' }] },
    ],
  });

  await signIn(page, `/structure/article;${id}`);
  const title = page.getByTestId('field-title');
  await expect(title.locator('input')).toHaveValue(`先进技术(shù)成果发布 ${stamp}`, { timeout: 90_000 });
  const error = title.getByTestId('input-validation-icon-error');
  await expect(error).toBeVisible({ timeout: 30_000 });
  await error.hover();
  await expect(page.getByText('pinyin annotation 术(shù)', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('delete "(shù)"', { exact: false }).first()).toBeVisible();
  const publish = page.getByTestId('action-publish');
  await expect(publish).toBeDisabled();

  // The editor deletes the annotation: the error goes and the article can be published.
  await title.locator('input').fill(`先进技术成果发布 ${stamp}`);
  await expect(error).toHaveCount(0);
  await expect(publish).toBeEnabled({ timeout: 30_000 });
});

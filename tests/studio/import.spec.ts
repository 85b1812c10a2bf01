import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { importText } from '../../src/importer/index.ts';
import { deskScreenshot, lakeClient, recordRequests, signIn } from './support.ts';

/**
 * The tool "Import a press release" in the real Studio, with the real aggregator page (tests/fixtures/import/, a
 * copy of the shared raw fixture): the report shows what `npm run import` computes for it (the same src/importer
 * code, run here in Node for the expected figures); a wrong guess for the flagged run is refused, the right one is
 * proved and applied; the draft is created through the Studio's client and opens in the desk.
 */
const PAGE = join(import.meta.dirname, '..', 'fixtures', 'import', '000_c91d604a664099de.txt');
const FIX = '勇擔第一方陣的使命,全力';

test('the import tool reads the aggregator page, shows its report, proves the fix and creates the draft', async ({ page }) => {
  test.setTimeout(240_000);
  recordRequests(page);
  const text = readFileSync(PAGE, 'utf8');
  const cli = importText(text, { fixes: [FIX] });
  const flagged = importText(text);
  expect(flagged.report.flags).toHaveLength(1);
  const stamp = Date.now().toString(36);
  const slug = `import-${stamp}`;

  const tool = page.getByTestId('import-tool');
  await signIn(page, '/import', tool);
  await tool.getByTestId('import-input').fill(text);
  // Enabled once the authors and categories are read from the lake.
  await tool.getByTestId('import-read').click();
  const report = tool.getByTestId('import-report');
  // A cold Studio bundles the importer on first use (Vite's dependency optimizer): allow for it.
  await expect(report.getByTestId('import-flag')).toHaveCount(1, { timeout: 90_000 });
  await expect(report.getByTestId('import-flag')).toContainText(flagged.report.flags[0]!.from);
  const counts = flagged.report.counts;
  await expect(report.getByTestId('import-counts')).toContainText(
    `Removed ${counts.pinyin} pinyin annotation(s), ${counts.furniture} furniture block(s)`,
  );
  await expect(report.getByTestId('import-furniture')).toContainText('truncated lead repeating the first paragraph');
  await expect(report.getByTestId('import-furniture')).toContainText('attribution → source.author, source.url');
  await expect(report.getByTestId('import-pinyin')).toContainText('(shù)');
  // The reprint converted character by character (issue 16, point 6): the forms OpenCC's phrases write instead.
  for (const x of flagged.report.machineConverted!.corrections)
    await expect(report.getByTestId('import-machine-converted')).toContainText(`${x.from} → ${x.to}`);
  await expect(report.getByTestId('import-problems')).toContainText('1 unrepaired mojibake run(s)');
  await expect(report.getByTestId('import-create')).toBeDisabled();

  // A guess that re-encoding does not reproduce is refused, as `--fix` refuses it.
  await report.getByTestId('import-fix').fill('勇敢第一方陣的使命,全力');
  await report.getByTestId('import-fix-apply').click();
  await expect(report.getByTestId('import-problems')).toContainText('“勇敢第一方陣的使命,全力”: re-encoding it does not reproduce any flagged run');
  await expect(report.getByTestId('import-flag')).toHaveCount(1);
  await report.getByRole('button', { name: 'Remove' }).click();

  // The intended text: proved, applied, the flag goes.
  await report.getByTestId('import-fix').fill(FIX);
  await report.getByTestId('import-slug').scrollIntoViewIfNeeded();
  await deskScreenshot(page, 'studio-import-tool');
  await report.getByTestId('import-fix-apply').click();
  await expect(report.getByTestId('import-flag')).toHaveCount(0);
  await expect(report.getByTestId('import-repaired')).toContainText(FIX);
  await expect(report.getByTestId('import-repaired')).toContainText('re-encoding the proposal reproduces the run exactly');
  await report.getByTestId('import-slug').fill(slug);
  await report.getByTestId('import-category').selectOption('industry');
  await expect(report.getByTestId('import-ready')).toContainText(`drafts.article.${slug}`);
  await expect(report.getByTestId('import-draft').locator('[data-field="title"]')).toHaveText(cli.draft.title);
  await expect(report.getByTestId('import-draft').locator('[data-field="sourceLocale"]')).toContainText(cli.draft.sourceLocale);

  // Created through the Studio's client, then open in the desk.
  await report.getByTestId('import-create').click();
  await expect(page).toHaveURL(new RegExp(`article\\.${slug}`), { timeout: 30_000 });
  await expect(page.getByTestId('field-title').locator('input')).toHaveValue(cli.draft.title, { timeout: 60_000 });
  const editor = lakeClient({ token: true });
  const doc = await editor.getDocument(`drafts.article.${slug}`);
  expect(doc).toMatchObject({
    _type: 'article',
    title: cli.draft.title,
    summary: cli.draft.summary,
    sourceLocale: cli.draft.sourceLocale,
    origin: 'reprint',
    category: { _ref: 'category.industry' },
    authors: [expect.objectContaining({ _ref: 'author.chen-chen' })],
  });
  const body = await editor.fetch<string>('pt::text(*[_id == $id][0].body)', { id: `drafts.article.${slug}` }, { perspective: 'raw' });
  // The body the CLI writes for the same page and fix, block for block.
  expect(body).toBe(cli.draft.body.trim());
  // The repaired run, in the recovered Simplified original.
  expect(body).toContain('勇担第一方阵的使命，全力');
  expect(body).not.toContain('(shù)');
  // Nothing published: the draft waits for the editor.
  expect(await editor.getDocument(`article.${slug}`)).toBeUndefined();
});

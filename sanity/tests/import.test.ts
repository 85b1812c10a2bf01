/**
 * The import tool's model (sanity/components/import/studio-import.ts) against the CLI's code path: the same page
 * gives the same draft as src/importer/index.ts (OpenCC's tables read from disk there, bundled here), and every
 * refusal names its field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/importer/index.ts';
import { markdownToPortableText } from '../../scripts/lib/markdown-to-portable-text.ts';
import { previewImport, taxonomyFrom, type DatasetTaxonomy } from '../components/import/studio-import.ts';

const root = join(import.meta.dirname, '..', '..');
const PAGE = readFileSync(join(root, 'tests', 'fixtures', 'import', '000_c91d604a664099de.txt'), 'utf8');
const FIX = '勇擔第一方陣的使命,全力';
const dataset: DatasetTaxonomy = {
  authors: [
    { slug: 'chen-chen', name: '陳晨', nameLocale: 'zh-Hant' },
    { slug: 'tongbao-desk', name: '通报编辑部', nameLocale: 'zh-Hans', names: { zhHant: '通報編輯部' } },
    { name: 'no slug' },
  ],
  categories: [
    { slug: 'industry', name: '产业', nameLocale: 'zh-Hans' },
    { slug: 'news', name: '要闻' },
  ],
};
const taxonomy = taxonomyFrom(dataset);
const choices = { fixes: [], slug: '', category: 'industry', author: '', now: new Date('2026-12-01T00:00:00Z') };

describe('the Studio import tool', () => {
  it('reads the dataset’s authors and categories with the site’s schemas, skipping what they refuse', () => {
    expect([...taxonomy.authors.keys()]).toEqual(['chen-chen', 'tongbao-desk']);
    expect(taxonomy.authors.get('tongbao-desk')?.names).toEqual({ 'zh-Hant': '通報編輯部' });
    expect([...taxonomy.categories.keys()]).toEqual(['industry', 'news']);
  });

  it('refuses the page while its flagged run is unrepaired, naming it', () => {
    const preview = previewImport({ kind: 'text', text: PAGE }, choices, taxonomy);
    expect(preview.report?.flags).toHaveLength(1);
    expect(preview.problems).toEqual([{ field: 'mojibake', message: expect.stringContaining('1 unrepaired mojibake run') }]);
    expect(preview.document).toBeUndefined();
  });

  it('refuses a proposal that re-encoding does not prove', () => {
    const preview = previewImport({ kind: 'text', text: PAGE }, { ...choices, fixes: ['勇敢第一方陣的使命,全力'] }, taxonomy);
    expect(preview.problems.map((p) => p.field)).toEqual(['fix', 'mojibake']);
    expect(preview.document).toBeUndefined();
  });

  it('with the proved fix, gives the CLI’s draft as a Sanity document', () => {
    const preview = previewImport(
      { kind: 'file', name: 'fair-2023.txt', bytes: new TextEncoder().encode(PAGE) },
      { ...choices, fixes: [FIX] },
      taxonomy,
    );
    const cli = importText(PAGE, { fixes: [FIX] });
    expect(preview.problems).toEqual([]);
    expect(preview.draft).toEqual(cli.draft);
    expect(preview.report).toEqual(cli.report);
    expect(preview.document).toMatchObject({
      _id: 'drafts.article.fair-2023',
      title: cli.draft.title,
      sourceLocale: 'zh-Hans',
      origin: 'reprint',
      publishedAt: '2026-12-01T00:00:00Z',
      authors: [{ _ref: 'author.chen-chen' }],
      category: { _ref: 'category.industry' },
    });
    expect(preview.document?.body).toEqual(markdownToPortableText(cli.draft.body, 'x'));
  });

  it('names the field of every other refusal', () => {
    const fixed = { ...choices, fixes: [FIX] };
    const field = (source: Parameters<typeof previewImport>[0], more: Partial<typeof choices> = {}) =>
      previewImport(source, { ...fixed, ...more }, taxonomy).problems.map((p) => p.field);
    expect(field({ kind: 'text', text: '  \n' })).toEqual(['(input)']);
    expect(field({ kind: 'file', name: 'a.txt', bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x41]) })).toEqual(['(file)']);
    expect(field({ kind: 'file', name: 'gbk.txt', bytes: new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0x0a]) })).toEqual(['(encoding)']);
    expect(field({ kind: 'text', text: PAGE }, { category: 'sports' })).toEqual(['category']);
    expect(field({ kind: 'text', text: PAGE }, { slug: 'Not A Slug' })).toEqual(['slug']);
    expect(field({ kind: 'text', text: PAGE.replace(/陳晨/g, '王五') })).toEqual(['authors']);
    // The author the editor picks wins over the page's.
    expect(field({ kind: 'text', text: PAGE.replace(/陳晨/g, '王五') }, { author: 'tongbao-desk' })).toEqual([]);
  });
});

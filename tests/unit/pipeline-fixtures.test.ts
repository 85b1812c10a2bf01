/**
 * One test per folder of tests/fixtures/pipeline: input.md (a whole article file) rendered in each
 * locale must equal expected.<locale>.html. Run with TONGBAO_UPDATE_FIXTURES=1 to rewrite the
 * expected files, then review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localize } from '../../src/lib/localize.ts';
import { createArticleInputSchema } from '../../src/model/article.ts';
import { LOCALES } from '../../src/model/locale.ts';
import { parseMarkdownArticle } from '../../src/sources/local/parse.ts';
import { readTaxonomy } from '../../src/sources/local/taxonomy.ts';
import { withSiteGlossary } from '../../src/zh/article-overrides.ts';
import { siteGlossary } from '../../src/zh/glossary.ts';

const root = join(import.meta.dirname, '..', 'fixtures', 'pipeline');
const update = process.env.TONGBAO_UPDATE_FIXTURES === '1';
// The fixtures have their own authors.yaml and categories.yaml, independent of the sample content.
const schema = createArticleInputSchema(await readTaxonomy(root, (p) => p), { authors: 'authors.yaml', categories: 'categories.yaml' });
// The site's own glossary, as the local source gives it to each article (content/glossary.yaml).
const glossary = siteGlossary(join(import.meta.dirname, '..', '..', 'content'));

describe('pipeline fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    const input = join(root, name, 'input.md');
    if (!existsSync(input)) continue;
    for (const locale of LOCALES) {
      it(`${name} → ${locale}`, () => {
        const parsed = parseMarkdownArticle(readFileSync(input, 'utf8'), `tests/fixtures/pipeline/${name}/input.md`, schema);
        const article = withSiteGlossary(parsed, glossary);
        const html = localize(article, locale).html + '\n';
        const expectedPath = join(root, name, `expected.${locale.toLowerCase()}.html`);
        if (update) writeFileSync(expectedPath, html);
        expect(html).toBe(readFileSync(expectedPath, 'utf8'));
      });
    }
  }
});

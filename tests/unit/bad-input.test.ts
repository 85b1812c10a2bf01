/**
 * The bad-input catalogue (tests/support/bad-input.ts), one test per row, through the source (every
 * bad input named: file, field, what to do). Through `npm run build`'s script (non-zero exit, the last
 * good site untouched): tests/build/bad-input-build.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeReport } from '../../src/pipeline/sanitize-report.ts';
import { ContentError, readLocalContent } from '../../src/sources/local/files.ts';
import { BAD_INPUT, type LocalCase, type LocalFiles } from '../support/bad-input.ts';
import { contentFolder } from '../support/content.ts';

async function read(files: LocalFiles) {
  const { root } = contentFolder(files);
  return readLocalContent(root, 'content').then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error }),
  );
}

describe.each(['local'] as const)('bad input through the %s source', (source) => {
  const cases = BAD_INPUT.filter((c): c is LocalCase => c.source === source);

  it.each(cases.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const { result, error } = await read(c.input);
    switch (c.expect.outcome) {
      case 'error': {
        expect(error, `${c.id} was accepted`).toBeInstanceOf(ContentError);
        const problems = (error as ContentError).problems as (Error & { where?: string; issues?: { field: string; message: string }[] })[];
        const problem = problems.find((p) => p.where?.endsWith(c.expect.outcome === 'error' ? c.expect.where : ''));
        expect(problem, (error as Error).message).toBeDefined();
        const issue = problem?.issues?.find((i) => c.expect.outcome === 'error' && i.field === c.expect.field);
        expect(issue, (error as Error).message).toBeDefined();
        expect(issue?.message).toMatch(c.expect.message);
        // The message a reader of the build log gets names the file, the field and the fix.
        expect((error as Error).message).toContain(`${c.expect.field}: `);
        expect((error as Error).message).toMatch(/Fix .* and build again/);
        break;
      }
      case 'accepted': {
        expect(error).toBeUndefined();
        const clean = await read(c.expect.same);
        expect(result?.articles.map((a) => a.article)).toEqual(clean.result?.articles.map((a) => a.article));
        break;
      }
      case 'sanitized': {
        expect(error).toBeUndefined();
        const [loaded] = result?.articles ?? [];
        const body = loaded?.article.body;
        const warnings = sanitizeReport(typeof body === 'string' ? body : '')
          .map((r) => `line ${r.line}: ${r.what}`)
          .join('\n');
        expect(warnings).toMatch(c.expect.warning);
        break;
      }
    }
  });
});

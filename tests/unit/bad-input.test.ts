/**
 * The bad-input catalogue (tests/support/bad-input.ts), one test per row: through the source
 * (every bad input named: file, field, what to do) and through `npm run build`'s script (non-zero
 * exit, the last good site untouched).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitizeReport } from '../../src/pipeline/sanitize-report.ts';
import { ContentError, readLocalContent } from '../../src/sources/local/files.ts';
import { AUTHORS_YAML, BAD_INPUT, CATEGORIES_YAML, type LocalCase, type LocalFiles } from '../support/bad-input.ts';
import { projectRoot } from '../support/build.ts';

/** A project-like folder: content/ with the taxonomy and the given files. */
function contentFolder(files: LocalFiles): { root: string; content: string } {
  const root = mkdtempSync(join(tmpdir(), 'tongbao-bad-'));
  const content = join(root, 'content');
  const all: LocalFiles = { 'authors.yaml': AUTHORS_YAML, 'categories.yaml': CATEGORIES_YAML, ...files };
  for (const [name, data] of Object.entries(all)) {
    mkdirSync(dirname(join(content, name)), { recursive: true });
    writeFileSync(join(content, name), data);
  }
  mkdirSync(join(content, 'articles'), { recursive: true });
  return { root, content };
}

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
        const warnings = sanitizeReport(typeof body === 'string' ? body : '').map((r) => `line ${r.line}: ${r.what}`).join('\n');
        expect(warnings).toMatch(c.expect.warning);
        break;
      }
    }
  });
});

describe('bad input stops `npm run build` with a non-zero exit and leaves the last good site', () => {
  const errors = BAD_INPUT.filter((c): c is LocalCase => c.source === 'local' && c.expect.outcome === 'error');

  it.each(errors.map((c) => [c.label, c] as const))(
    '%s',
    (_label, c) => {
      const { content } = contentFolder(c.input);
      const out = join(mkdtempSync(join(tmpdir(), 'tongbao-out-')), 'site');
      mkdirSync(out);
      writeFileSync(join(out, 'index.html'), '<!doctype html><title>last good</title>');
      const run = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.ts')], {
        cwd: projectRoot,
        env: { ...process.env, TONGBAO_CONTENT_DIR: content, TONGBAO_OUT_DIR: out, NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output).toBe(1);
      if (c.expect.outcome !== 'error') return;
      expect(run.stderr).toContain(c.expect.where);
      expect(run.stderr).toContain(`${c.expect.field}: `);
      expect(run.stderr).toMatch(/^\[tongbao\] /m);
      expect(run.stderr).toContain('the last good site');
      // Astro never started, and the old site is exactly as it was.
      expect(readdirSync(out)).toEqual(['index.html']);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<!doctype html><title>last good</title>');
      expect(readdirSync(dirname(out)).filter((n) => n.includes('staging'))).toEqual([]);
      expect(existsSync(out)).toBe(true);
    },
    60_000,
  );
});

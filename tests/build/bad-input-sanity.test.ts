/**
 * The Sanity rows of the bad-input catalogue (tests/support/bad-input.ts), through the real path: a
 * temporary dataset file served by the local lake (scripts/lake/, groq-js), read with the real
 * @sanity/client by the Sanity source's loader and mapper (src/sources/sanity/). Every bad document
 * is named by its id (and draft id), field and fix; a bad dataset file is refused by line, and
 * `npm run lake` exits non-zero. Then one `npm run build` over every bad document at once: a
 * non-zero exit naming each of them, and the last good site untouched.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleError } from '../../src/model/article.ts';
import { ContentError } from '../../src/sources/local/files.ts';
import { readSanityArticles } from '../../src/sources/sanity/loader.ts';
import { BAD_INPUT, type SanityCase, type SanityDoc, type SanityInput } from '../support/bad-input.ts';
import { projectRoot } from '../support/build.ts';
import { DATASET, lakeEnv, runAsync, startLake } from '../support/lake.ts';

const TOKEN = 'sk-bad-input-read-token';
const cases = BAD_INPUT.filter((c): c is SanityCase => c.source === 'sanity');

/** The sample dataset's authors, categories, settings and image asset: what the rows' articles refer to. */
const BASE = readFileSync(DATASET, 'utf8')
  .split('\n')
  .filter((line) => line.trim() && (JSON.parse(line) as SanityDoc)._type !== 'article')
  .join('\n');

function datasetFile(input: SanityInput): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tongbao-bad-sanity-')), 'dataset.ndjson');
  writeFileSync(file, input.ndjson ?? `${BASE}\n${(input.documents ?? []).map((d) => JSON.stringify(d)).join('\n')}\n`);
  return file;
}

async function read(input: SanityInput) {
  let started: Awaited<ReturnType<typeof startLake>>;
  try {
    started = await startLake({ datasetFile: datasetFile(input), token: TOKEN });
  } catch (error) {
    return { result: undefined, error, origin: undefined };
  }
  const perspective = input.perspective ?? 'published';
  const options = {
    projectId: 'local',
    dataset: 'production',
    apiHost: started.origin,
    perspective,
    timeoutMs: 5_000,
    attempts: 1,
    backoffMs: 10,
  } as const;
  try {
    const result = await readSanityArticles(perspective === 'drafts' ? { ...options, token: TOKEN } : options, () => {});
    return { result, error: undefined, origin: started.origin };
  } catch (error) {
    return { result: undefined, error, origin: started.origin };
  } finally {
    await started.lake.close();
  }
}

describe('bad input through the sanity source (lake + @sanity/client + loader)', () => {
  it('has a row for every kind of bad input that can reach a Sanity dataset', () => {
    const local = new Set(BAD_INPUT.filter((c) => c.source === 'local').map((c) => c.id));
    const sanity = new Set(cases.map((c) => c.id));
    // No YAML in a dataset; raw HTML in Portable Text is text (tests/build/hostile-sanity.test.ts), so no
    // markup can take text with it; srcset is made by the source from the image CDN, never by an editor.
    expect([...local].filter((id) => !sanity.has(id))).toEqual([
      'malformed-yaml',
      'malformed-yaml-taxonomy',
      'lost-text',
      'srcset-javascript',
      'raw-html',
    ]);
    expect([...sanity]).toEqual(expect.arrayContaining(['malformed-ndjson', 'empty-body-blocks', 'draft']));
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const { result, error, origin } = await read(c.input);
    const expected = c.expect;
    if (expected.outcome === 'error' && c.input.ndjson !== undefined) {
      // Refused by the lake's loader before any query: the file and line, and what to do.
      expect(error, `${c.id} was accepted`).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toMatch(/^\[tongbao\] /);
      expect(message).toContain(`${expected.where}: `);
      expect(message).toMatch(expected.message);
      return;
    }
    switch (expected.outcome) {
      case 'error': {
        expect(error, `${c.id} was accepted`).toBeInstanceOf(ContentError);
        const problems = (error as ContentError).problems;
        const problem = problems.find((p): p is ArticleError => p instanceof ArticleError && p.where.endsWith(expected.where));
        expect(problem, (error as Error).message).toBeDefined();
        const issue = problem?.issues.find((i) => i.field === expected.field);
        expect(issue, (error as Error).message).toBeDefined();
        expect(issue?.message).toMatch(expected.message);
        expect((error as Error).message).toContain(`[tongbao] ${expected.where}: invalid article`);
        expect((error as Error).message).toContain(`  - ${expected.field}: `);
        expect((error as Error).message).toMatch(/Fix Sanity document .* and build again/);
        break;
      }
      case 'accepted': {
        expect(error).toBeUndefined();
        const clean = await read(expected.same);
        expect(clean.error).toBeUndefined();
        expect(result?.find((a) => a.slug === 'news')).toBeDefined();
        // Image URLs (the authors' photos) name the lake that served them: each read has its own.
        const sameLake = (r: unknown, origin: string | undefined) => JSON.parse(JSON.stringify(r).replaceAll(origin ?? '\0', '<lake>')) as unknown;
        expect(sameLake(result, origin)).toEqual(sameLake(clean.result, clean.origin));
        break;
      }
      case 'sanitized':
        throw new Error(`${c.id}: no Sanity row is sanitized (Portable Text carries no HTML)`);
    }
  });

  it.each(cases.filter((c) => c.input.ndjson !== undefined).map((c) => [c.label, c] as const))(
    '`npm run lake` refuses %s with a non-zero exit',
    (_label, c) => {
      const run = spawnSync(
        process.execPath,
        [
          '--experimental-transform-types',
          '--disable-warning=ExperimentalWarning',
          join(projectRoot, 'scripts', 'lake.ts'),
          '--dataset',
          datasetFile(c.input),
          '--port',
          '0',
        ],
        { cwd: projectRoot, encoding: 'utf8', timeout: 30_000 },
      );
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(2);
      expect(run.stderr).toMatch(/^\[tongbao\] /);
      if (c.expect.outcome === 'error') {
        expect(run.stderr).toContain(c.expect.where);
        expect(run.stderr).toMatch(c.expect.message);
      }
    },
    30_000,
  );
});

describe('bad Sanity documents stop `npm run build` with a non-zero exit and leave the last good site', () => {
  // Every published-perspective document row at once (ids made unique per row): the loader reports them all.
  const rows = cases.filter((c) => c.expect.outcome === 'error' && c.input.documents && c.input.perspective !== 'drafts');
  const unique = (c: SanityCase, id: string) => id.replace(/^article\./, `article.${c.id}--`);
  const documents = rows.flatMap((c) =>
    (c.input.documents ?? []).map((d) => {
      const slug = (d.slug as { current?: string } | undefined)?.current;
      return { ...d, _id: unique(c, d._id), slug: { _type: 'slug', current: slug === 'news' ? c.id : `${c.id}-${slug}` } };
    }),
  );

  it('names every document and field, exits non-zero, publishes nothing', async () => {
    const { lake, origin } = await startLake({ datasetFile: datasetFile({ documents }) });
    const out = join(mkdtempSync(join(tmpdir(), 'tongbao-out-')), 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), '<!doctype html><title>last good</title>');
    try {
      const run = await runAsync([join(projectRoot, 'scripts', 'build.ts')], {
        ...lakeEnv(origin),
        TONGBAO_OUT_DIR: out,
        TONGBAO_SANITY_ATTEMPTS: '1',
      });
      expect(run.status, run.output).toBe(1);
      for (const c of rows) {
        if (c.expect.outcome !== 'error') continue;
        const where = unique(c, c.expect.where.replace(/^Sanity document /, ''));
        const block = run.output.split('[tongbao] ').find((b) => b.startsWith(`Sanity document ${where}: invalid article`));
        expect(block, `${c.id} is not named in:\n${run.output}`).toBeDefined();
        expect(block).toContain(`  - ${c.expect.field}: `);
      }
      expect(run.output).toContain(`[tongbao] ${rows.length} Sanity document(s) cannot be published`);
      expect(run.output).toContain('the last good site');
      expect(readdirSync(out)).toEqual(['index.html']);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<!doctype html><title>last good</title>');
    } finally {
      await lake.close();
    }
  }, 180_000);
});

/**
 * `npm run import` as an editor runs it: the seed into a content folder (a temporary copy) and into the
 * local lake with the real @sanity/client; unrepaired mojibake; bad input (empty, binary, not UTF-8, no
 * title, unknown author) → a clear error naming the file, a non-zero exit and nothing written.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lake } from '../../scripts/lake/server.ts';
import { readSanityArticles } from '../../src/sources/sanity/loader.ts';
import { parseMarkdownArticle } from '../../src/sources/local/parse.ts';
import { createArticleInputSchema } from '../../src/model/article.ts';
import { readTaxonomy } from '../../src/sources/local/taxonomy.ts';
import { projectRoot } from '../support/build.ts';
import { lakeEnv, runAsync, startLake } from '../support/lake.ts';

const SEED = join(projectRoot, 'tests', 'fixtures', 'import', '000_c91d604a664099de.txt');
const FIX = '勇擔第一方陣的使命,全力';
const sampleBody = readFileSync(join(projectRoot, 'content', 'articles', 'advanced-tech-fair-2023.md'), 'utf8').split('\n---\n\n')[1];

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'tongbao-import-'));
  cpSync(join(projectRoot, 'content'), join(dir, 'content'), { recursive: true });
  return {
    dir,
    content: join(dir, 'content'),
    report: join(dir, 'report.json'),
    articles: () => readdirSync(join(dir, 'content', 'articles')).sort(),
  };
}
const importer = (args: string[], env: Record<string, string>) => runAsync([join(projectRoot, 'scripts', 'import.ts'), ...args], env, 60_000);

describe('import into content/', () => {
  it('writes the seed as a draft whose body is the sample body, and a report', async () => {
    const ws = workspace();
    const r = await importer([SEED, '--slug', 'fair-import', '--category', 'industry', '--fix', FIX, '--report', ws.report], {
      TONGBAO_CONTENT_DIR: ws.content,
    });
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain('removed 150 pinyin annotation(s), 7 furniture block(s), 0 stray space(s); repaired 1 mojibake run(s)');
    const file = join(ws.content, 'articles', 'fair-import.md');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n---\n\n')[1]).toBe(sampleBody);
    const taxonomy = await readTaxonomy(ws.content, (p) => p);
    const article = parseMarkdownArticle(text, file, createArticleInputSchema(taxonomy, { authors: 'authors.yaml', categories: 'categories.yaml' }));
    expect(article).toMatchObject({
      draft: true,
      title: '2023年先进技术成果交易大会成功举办',
      sourceLocale: 'zh-Hans',
      origin: 'reprint',
      authors: [{ slug: 'chen-chen' }],
    });
    const report = JSON.parse(readFileSync(ws.report, 'utf8'));
    expect(report.counts).toEqual({ mojibake: 1, pinyin: 150, furniture: 7, punctuation: 50 });
    // A machine-converted reprint: said on the console and in the report, written as its Simplified original.
    expect(r.output).toContain(
      'the page is Traditional converted from Simplified character by character (并): written as its recovered Simplified original',
    );
    expect(report.machineConverted).toMatchObject({ count: 1, traces: [{ char: '并' }] });
    expect(report.changes.filter((c: { kind: string }) => c.kind === 'pinyin')).toHaveLength(150);
    expect(report.changes.find((c: { kind: string }) => c.kind === 'mojibake')).toMatchObject({ line: 13, to: FIX });
    // Importing again does not overwrite the editor's file.
    const again = await importer([SEED, '--slug', 'fair-import', '--category', 'industry', '--fix', FIX, '--report', ws.report], {
      TONGBAO_CONTENT_DIR: ws.content,
    });
    expect(again.status).toBe(2);
    expect(again.output).toMatch(/fair-import\.md exists/);
  });

  it('reads a saved HTML page: the article extracted, the same draft', async () => {
    const ws = workspace();
    const html = join(projectRoot, 'tests', 'fixtures', 'import', 'html', '000_c91d604a664099de.html');
    const r = await importer([html, '--slug', 'fair-from-html', '--category', 'industry', '--fix', FIX, '--report', ws.report], {
      TONGBAO_CONTENT_DIR: ws.content,
    });
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain('(HTML, article extracted)');
    const text = readFileSync(join(ws.content, 'articles', 'fair-from-html.md'), 'utf8');
    expect(text).toContain('title: 2023年先进技术成果交易大会成功举办\n');
    expect(text.split('\n---\n\n')[1]).toBe(sampleBody);
  });

  it('an unrepaired mojibake run stops the import (exit 1) and the report lists it; --allow-flags imports it', async () => {
    const ws = workspace();
    const before = ws.articles();
    const r = await importer([SEED, '--slug', 'fair-flagged', '--report', ws.report], { TONGBAO_CONTENT_DIR: ws.content });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/000_c91d604a664099de\.txt:13: mojibake at offset \d+: \?lián\)/);
    expect(r.output).toContain('1 unrepaired mojibake run(s)');
    expect(ws.articles()).toEqual(before);
    expect(JSON.parse(readFileSync(ws.report, 'utf8')).flags).toHaveLength(1);
    const allowed = await importer([SEED, '--slug', 'fair-flagged', '--allow-flags', '--report', ws.report], { TONGBAO_CONTENT_DIR: ws.content });
    expect(allowed.status, allowed.output).toBe(0);
    expect(readFileSync(join(ws.content, 'articles', 'fair-flagged.md'), 'utf8')).toContain('勇?lián)');
  });

  it('a proposal that re-encoding does not prove is refused', async () => {
    const ws = workspace();
    const r = await importer([SEED, '--slug', 'fair-wrong', '--fix', '勇敢第一方陣的使命,全力', '--report', ws.report], {
      TONGBAO_CONTENT_DIR: ws.content,
    });
    expect(r.status).toBe(1);
    expect(r.output).toContain('re-encoding does not reproduce any flagged run');
    expect(existsSync(join(ws.content, 'articles', 'fair-wrong.md'))).toBe(false);
  });

  const seedGbk = iconv.encode(readFileSync(SEED, 'utf8').replace(/\?lián\)\uE304谝环疥嚨氖姑\?/, '擔第一方陣的使命,'), 'gbk');
  it.each([
    ['empty', Buffer.alloc(0), /empty\.txt: \(file\): the file is empty/],
    ['blank', Buffer.from('\n  \n'), /blank\.txt: \(file\): the file is empty/],
    [
      'binary',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      /binary\.txt: \(file\): the file is binary/,
    ],
    ['gbk', seedGbk, /gbk\.txt: \(encoding\): unknown encoding: the file is not valid UTF-8/],
    ['no-title', Buffer.from('3月24日,大會在蘇州舉辦。這是第一段。\n\n第二段。\n'), /no-title\.txt: title: no title found/],
    [
      'unknown-author',
      Buffer.from('某市新聞標題\n\n正文第一段。\n\n原創文章,作者:李四,如若轉載,請注明出處:https://news.example.com/1.html\n'),
      /unknown-author\.txt: authors: author "李四" is not in .*authors\.yaml; add an entry/,
    ],
  ])('%s → a clear error, exit 2, nothing written', async (name, bytes, message) => {
    const ws = workspace();
    const before = ws.articles();
    const file = join(ws.dir, `${name}.txt`);
    writeFileSync(file, bytes);
    const r = await importer([file, '--slug', 'bad-input', '--report', ws.report], { TONGBAO_CONTENT_DIR: ws.content });
    expect(r.status, r.output).toBe(2);
    expect(r.output).toMatch(message);
    expect(r.output).toContain('Nothing was written.');
    expect(ws.articles()).toEqual(before);
    expect(existsSync(ws.report)).toBe(false);
  });
});

describe('import --to sanity (the local lake, the real client)', () => {
  const TOKEN = 'sk-import-test-token';
  let lake: Lake;
  let origin: string;
  beforeAll(async () => {
    ({ lake, origin } = await startLake({ token: TOKEN }));
  });
  afterAll(() => lake.close());

  it('creates drafts.article.<slug>: read by the drafts perspective, absent from the published one', async () => {
    const ws = workspace();
    const r = await importer([SEED, '--to', 'sanity', '--slug', 'fair-from-import', '--category', 'industry', '--fix', FIX, '--report', ws.report], {
      ...lakeEnv(origin, { SANITY_WRITE_TOKEN: TOKEN }),
    });
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain('Sanity production: drafts.article.fair-from-import');
    expect(lake.docs.get('drafts.article.fair-from-import')).toMatchObject({ _type: 'article', slug: { current: 'fair-from-import' } });
    expect(lake.docs.has('article.fair-from-import')).toBe(false);
    const options = { projectId: 'local', dataset: 'production', apiHost: origin, token: TOKEN, timeoutMs: 10_000, attempts: 1, backoffMs: 0 };
    const drafts = await readSanityArticles({ ...options, perspective: 'drafts' }, () => {});
    const published = await readSanityArticles({ ...options, perspective: 'published' }, () => {});
    const imported = drafts.find((a) => a.slug === 'fair-from-import');
    expect(imported).toMatchObject({
      title: '2023年先进技术成果交易大会成功举办',
      sourceLocale: 'zh-Hans',
      authors: [{ slug: 'chen-chen' }],
      category: { slug: 'industry' },
    });
    expect(published.map((a) => a.slug)).not.toContain('fair-from-import');
    // The body arrives as Portable Text: one block per paragraph, the text the Markdown draft has.
    const blocks = imported!.body as unknown as { children: { text: string }[] }[];
    expect(blocks.map((b) => b.children.map((c) => c.text).join('')).join('\n\n') + '\n').toBe(sampleBody);
  });

  it('the same slug again → Sanity refuses, the error says what to do', async () => {
    const ws = workspace();
    const args = [SEED, '--to', 'sanity', '--slug', 'fair-twice', '--category', 'industry', '--fix', FIX, '--report', ws.report];
    const env = lakeEnv(origin, { SANITY_WRITE_TOKEN: TOKEN });
    expect((await importer(args, env)).status).toBe(0);
    const again = await importer(args, env);
    expect(again.status).toBe(2);
    expect(again.output).toMatch(
      /\(sanity\): Sanity refused the draft \(HTTP 409.*drafts\.article\.fair-twice exists: choose another --slug or pass --force/,
    );
  });

  it('without a write token → a clear error and nothing written', async () => {
    const ws = workspace();
    const r = await importer([SEED, '--to', 'sanity', '--slug', 'fair-no-token', '--fix', FIX, '--report', ws.report], lakeEnv(origin));
    expect(r.status).toBe(2);
    expect(r.output).toContain('--to sanity needs SANITY_WRITE_TOKEN');
    expect(lake.docs.has('drafts.article.fair-no-token')).toBe(false);
  });
});

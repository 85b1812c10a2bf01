/**
 * The README and docs/ stay short and true where a machine can tell: the README within 200 lines;
 * every relative link (and its #heading) in README.md and docs/ leads somewhere; every repository path
 * and `npm run` script named in code spans exists; no table row stands outside its table; the README's
 * configuration table lists exactly the variables src/config/env.ts accepts, with their defaults; the
 * editors' example article is one the local source accepts, and their field table names every field of
 * the model; the benchmark table holds the latest results.
 * Markdown is read with remark (GFM), headings are slugged as GitHub does (github-slugger).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { EnvSchema, parseEnv } from '../../src/config/env.ts';
import { ArticleSchema } from '../../src/model/article.ts';
import { readLocalContent } from '../../src/sources/local/files.ts';

const root = resolve(import.meta.dirname, '..', '..');
const README = join(root, 'README.md');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}
const FILES = [README, ...markdownFiles(join(root, 'docs'))];
const show = (file: string) => relative(root, file);

const trees = new Map<string, Root>();
function tree(file: string): Root {
  let t = trees.get(file);
  if (!t) {
    t = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(file, 'utf8')) as Root;
    trees.set(file, t);
  }
  return t;
}

/** The #anchors GitHub gives a file's headings. */
function anchorsOf(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(tree(file), 'heading', (node: Heading) => {
    anchors.add(slugger.slug(toString(node)));
  });
  return anchors;
}

/** The nodes of a file's section: from the heading with this text to the next heading of the same depth or above. */
function section(file: string, title: string): RootContent[] {
  const children = tree(file).children;
  const start = children.findIndex((n) => n.type === 'heading' && toString(n) === title);
  if (start < 0) throw new Error(`${show(file)} has no heading "${title}"`);
  const depth = (children[start] as Heading).depth;
  const end = children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= depth);
  return children.slice(start + 1, end < 0 ? undefined : end);
}

/** A table's body rows as cells: each cell's text and, when the cell is exactly one code span, its value. */
function rows(table: Table): { text: string; code?: string }[][] {
  return table.children.slice(1).map((row) =>
    row.children.map((cell) => {
      const only = cell.children.length === 1 && cell.children[0]!.type === 'inlineCode' ? cell.children[0].value : undefined;
      return only === undefined ? { text: toString(cell) } : { text: toString(cell), code: only };
    }),
  );
}

describe('README', () => {
  it('stays within 200 lines', () => {
    const text = readFileSync(README, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    expect(lines).toBeLessThanOrEqual(200);
  });

  it('shows the screenshot from docs/', () => {
    const images: string[] = [];
    visit(tree(README), 'image', (node) => {
      images.push(node.url);
    });
    expect(images).toContain('docs/article-phone-zh-hant.png');
  });
});

describe('links and paths in README.md and docs/', () => {
  it.each(FILES.map((f) => [show(f), f]))('%s: every relative link leads to a file and heading that exist', (_, file) => {
    const broken: string[] = [];
    visit(tree(file), (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const url = node.url;
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return; // http:, mailto:, …
      const [pathPart, anchor] = url.split('#', 2) as [string, string | undefined];
      const target = pathPart === '' ? file : resolve(dirname(file), decodeURI(pathPart));
      if (!target.startsWith(root) || !existsSync(target)) {
        broken.push(`${url} (no file ${relative(root, target)})`);
        return;
      }
      if (anchor !== undefined && target.endsWith('.md') && !anchorsOf(target).has(decodeURIComponent(anchor))) {
        broken.push(`${url} (no heading #${anchor} in ${show(target)})`);
      }
    });
    expect(broken, `broken links in ${show(file)}`).toEqual([]);
  });

  it.each(FILES.map((f) => [show(f), f]))('%s: no table row outside a table (a blank line inside a table breaks it)', (_, file) => {
    const strays: string[] = [];
    visit(tree(file), 'paragraph', (node) => {
      const text = toString(node).trimStart();
      if (text.startsWith('|')) strays.push(text.split('\n')[0]!);
    });
    expect(strays).toEqual([]);
  });

  it.each(FILES.map((f) => [show(f), f]))('%s: every repository path and npm script in a code span exists', (_, file) => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const missing: string[] = [];
    visit(tree(file), 'inlineCode', (node) => {
      const value = node.value.trim();
      const path = /^(?:src|tests|scripts|sanity|content|bench|public|docs|\.ci)\/[^\s<>*{}…]*$/.exec(value)?.[0];
      if (path && !existsSync(join(root, path))) missing.push(`path ${path}`);
      const script = /^npm (?:run (\S+)|(start|test)\b)/.exec(value);
      const name = script?.[1] ?? script?.[2];
      if (name && name !== '…' && !(name in scripts)) missing.push(`npm script "${name}" (in \`${value}\`)`);
    });
    expect(missing, `named in ${show(file)} but not in the repository`).toEqual([]);
  });
});

describe('the configuration table', () => {
  const nodes = section(README, 'Configuration');
  const tables = nodes.filter((n): n is Table => n.type === 'table');

  it('is one table (no blank line splits it, no row outside it)', () => {
    expect(tables).toHaveLength(1);
    const strays = nodes.filter((n) => n.type === 'paragraph' && toString(n).trimStart().startsWith('|'));
    expect(strays.map((n) => toString(n))).toEqual([]);
  });

  it('lists exactly the variables src/config/env.ts accepts, each with its default', () => {
    const accepted = Object.keys(EnvSchema.shape).sort();
    const listed = rows(tables[0]!).map(([name]) => name?.code ?? `(not a code span: ${name?.text})`);
    expect([...listed].sort()).toEqual(accepted);
    expect(new Set(listed).size).toBe(listed.length);

    const defaults = parseEnv({}) as Record<string, unknown>;
    for (const [name, value] of rows(tables[0]!)) {
      const fallback = defaults[name!.code!];
      if (fallback === undefined) {
        // No default: the cell says in words what happens (unset, now, Sanity's host), not a value.
        expect(value?.code, `${name!.code}: no default in env.ts, so the table must not show a value`).toBeUndefined();
      } else {
        const expected = Array.isArray(fallback) ? fallback.join(',') : String(fallback);
        expect(value?.code, `${name!.code}: the default in env.ts`).toBe(expected);
      }
    }
  });
});

describe('docs/benchmarks.md', () => {
  const file = join(root, 'docs', 'benchmarks.md');
  const text = readFileSync(file, 'utf8');

  it('holds the markers scripts/bench.ts writes the table between, and a row for each latest result', () => {
    const start = text.indexOf('<!-- bench:start -->');
    const end = text.indexOf('<!-- bench:end -->');
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const table = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .parse(text.slice(start, end))
      .children.find((n): n is Table => n.type === 'table');
    expect(table).toBeDefined();
    const listed = rows(table!).map(([date, articles]) => `${date!.text} ${articles!.text}`);
    const resultsDir = join(root, 'bench', 'results');
    const results = readdirSync(resultsDir).filter((f) => /^latest-\d+\.json$/.test(f));
    expect(results.length).toBeGreaterThan(0);
    for (const f of results) {
      const result = JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as { date: string; articles: number; machine: string };
      expect(listed, `bench/results/${f}`).toContain(`${result.date.slice(0, 10)} ${result.articles}`);
      expect(text.slice(start, end), `bench/results/${f}: machine`).toContain(result.machine);
    }
  });
});

describe('docs/editors.md', () => {
  const file = join(root, 'docs', 'editors.md');

  it('shows an example article that the local source accepts', async () => {
    let example: string | undefined;
    visit(tree(file), 'code', (node) => {
      if (example === undefined && node.lang === 'markdown') example = node.value;
    });
    expect(example, 'a ```markdown example in docs/editors.md').toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'tongbao-docs-'));
    try {
      cpSync(join(root, 'content'), dir, { recursive: true });
      // The example's photo is made up; point it at a sample image that exists.
      const text = example!.replace('/images/photo.jpg', '/images/one-source-two-scripts.png');
      expect(text).not.toBe(example);
      writeFileSync(join(dir, 'articles', 'docs-example.md'), text + '\n');
      const { articles } = await readLocalContent(root, dir);
      const article = articles.find((a) => a.article.slug === 'docs-example')?.article;
      expect(article).toMatchObject({ sourceLocale: 'zh-Hans', origin: 'original', draft: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists every field of the article model in its field table, and no other', () => {
    const tables = section(file, 'Front matter fields').filter((n): n is Table => n.type === 'table');
    expect(tables).toHaveLength(1);
    const listed = rows(tables[0]!).map(([field]) => field?.code ?? `(not a code span: ${field?.text})`);
    expect([...listed].sort()).toEqual(Object.keys(ArticleSchema.shape).sort());
  });
});

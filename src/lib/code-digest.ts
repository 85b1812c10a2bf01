/**
 * What code a module really runs: its import graph, walked from the entry (the render worker),
 * through the TypeScript-stripped sources (Node's own type stripper) read by es-module-lexer. Every
 * local module reached is hashed by its bytes; every package reached (bare imports, dynamic imports
 * with a literal, `require.resolve('pkg/…')`) by its name and installed version, and so are the
 * packages those depend on. Type-only imports vanish with the types: they change no output.
 *
 * Used for the render-cache key (src/lib/render-cache.ts): editing any module the renderer loads
 * (src/lib/urls.ts too) re-renders, while a package that the renderer never reaches (a test tool,
 * a devDependency) changes nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, stripTypeScriptTypes } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { initSync, parse } from 'es-module-lexer';

export interface CodeInputs {
  /** Local modules reached, relative to `root`, sorted. */
  files: string[];
  /** Packages reached (directly or as dependencies of those), by name: their installed version. */
  packages: Map<string, string>;
}

const builtins = new Set(builtinModules);
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtins.has(spec.split('/')[0]!);
const packageName = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

/** The folder of an installed package, found as Node finds it: node_modules/ up from `from`. */
function packageDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Node's type stripper, without its one-time "experimental feature" warning in every build log (the
 * same stripper runs every .ts file of the build; the warning says nothing to an editor).
 */
function stripTypes(source: string): string {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (!String(warning).includes('stripTypeScriptTypes')) (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emit;
  }
}

/** Specifiers a (TypeScript-stripped) module imports: static, dynamic with a literal, and `….resolve('pkg')`. */
function specifiers(code: string): string[] {
  const [imports] = parse(code);
  const found = imports.map((i) => i.n).filter((n): n is string => typeof n === 'string');
  // Comments (documentation that names a call) are no imports.
  const uncommented = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const match of uncommented.matchAll(/\.resolve\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

/** Walks the import graph of `entry` (a .ts or .js file) inside `root`. */
export function codeInputs(entry: string, root: string): CodeInputs {
  initSync();
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const addPackage = (name: string, from: string) => {
    if (packages.has(name)) return;
    const dir = packageDir(name, from);
    if (!dir)
      throw new Error(`[tongbao] render-cache key: package "${name}" (imported under ${relative(root, from) || '.'}) is not installed; run npm ci`);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string; dependencies?: Record<string, string> };
    packages.set(name, pkg.version ?? '0.0.0');
    // What the package runs is its own code and its dependencies': their versions count too.
    for (const dependency of Object.keys(pkg.dependencies ?? {})) addPackage(dependency, dir);
  };
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    if (!/\.[cm]?[jt]s$/.test(file)) return;
    const code = /\.[cm]?ts$/.test(file) ? stripTypes(source) : source;
    for (const spec of specifiers(code)) {
      if (isBuiltin(spec)) continue;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = resolve(dirname(file), spec);
        if (!existsSync(target)) throw new Error(`[tongbao] render-cache key: ${relative(root, file)} imports ${spec}, which does not exist`);
        visit(target);
      } else {
        addPackage(packageName(spec), dirname(file));
      }
    }
  };
  visit(resolve(entry));
  return { files: [...files].map((f) => relative(root, f)).sort(), packages: new Map([...packages].sort(([a], [b]) => a.localeCompare(b))) };
}

/** A digest of the code `entry` runs: the bytes of its modules and the versions of its packages. */
export function codeDigest(entry: string, root: string): string {
  const { files, packages } = codeInputs(entry, root);
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(root, file)));
  for (const [name, version] of packages) hash.update(`${name}@${version}\n`);
  return hash.digest('hex');
}

/** Reads an output folder into the digests src/lib/notify/changes.ts compares. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { kindOf, type OutputFile } from './changes.ts';

/** `<meta name="robots" content="…noindex…">`, as the layout writes it (either attribute order). */
const NOINDEX = /<meta\s+(?:name=["']?robots["']?\s+content=["'][^"']*noindex|content=["'][^"']*noindex[^"']*["']\s+name=["']?robots)/i;

export function outputFiles(dir: string): OutputFile[] {
  const files: OutputFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const name = entry.name;
    if (!name.endsWith('.html') && !name.endsWith('.xml') && !name.endsWith('.json')) continue;
    const file = relative(dir, join(entry.parentPath, name)).split(sep).join('/');
    const bytes = readFileSync(join(dir, file));
    const noindex = name.endsWith('.html') && NOINDEX.test(bytes.toString('utf8'));
    const kind = kindOf(file, noindex);
    if (kind) files.push({ file, kind, digest: createHash('sha256').update(bytes).digest('hex') });
  }
  return files;
}

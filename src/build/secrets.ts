/**
 * No secret from the environment may be published. Pure over the output folder and an environment
 * map: every variable whose name looks like a credential (TOKEN, SECRET, KEY, PASSWORD…) and whose
 * value is long enough to be one is searched for in every output file, as written and in the
 * encodings a page or feed could carry it (URL, HTML, JSON escaping).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const SECRET_NAME = /TOKEN|SECRET|KEY|PASSWORD|PASSWD|CREDENTIAL|AUTH/i;
/** Shorter values ("1", "true", "dev") would match by accident and are no credential. */
export const MIN_SECRET_LENGTH = 8;

export interface SecretLeak {
  /** The variable's name; its value is never printed. */
  variable: string;
  /** The output file, relative, with `/`. */
  file: string;
}

/** The variables worth searching for. */
export function secretCandidates(env: Record<string, string | undefined>): { name: string; value: string }[] {
  return Object.entries(env)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .filter(([name, value]) => SECRET_NAME.test(name) && value.trim().length >= MIN_SECRET_LENGTH)
    .map(([name, value]) => ({ name, value: value.trim() }));
}

const htmlEscape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The forms a value takes in HTML, XML, URLs and JSON. */
export function encodings(value: string): Buffer[] {
  const forms = new Set([value, encodeURIComponent(value), encodeURI(value), htmlEscape(value), JSON.stringify(value).slice(1, -1)]);
  return [...forms].map((f) => Buffer.from(f, 'utf8'));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

export function findSecretLeaks(outDir: string, env: Record<string, string | undefined>): { files: number; variables: number; leaks: SecretLeak[] } {
  const candidates = secretCandidates(env).map((c) => ({ name: c.name, forms: encodings(c.value) }));
  const files = walk(outDir);
  const leaks: SecretLeak[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const c of candidates) {
      if (c.forms.some((form) => bytes.includes(form))) {
        leaks.push({ variable: c.name, file: relative(outDir, file).split(sep).join('/') });
      }
    }
  }
  return { files: files.length, variables: candidates.length, leaks };
}

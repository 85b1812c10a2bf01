/**
 * Atomic output: a build writes into a staging folder beside the target, and only a build that
 * succeeded (and passed its checks) replaces the target. A failed build leaves the last good site
 * as it was. Generic: whatever Astro and its integrations write into the staging folder is published.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const STAGING = '.staging-';
const RETIRED = '.retired-';

/** A fresh staging folder path beside `target` (same file system, so the swap is a rename). */
export function stagingPath(target: string, id = `${process.pid}-${Date.now()}`): string {
  return join(dirname(target), `.${basename(target)}${STAGING}${id}`);
}

/** Leftovers of interrupted builds of `target` (staging and retired folders). */
export function leftovers(target: string): string[] {
  const dir = dirname(target);
  if (!existsSync(dir)) return [];
  const prefix = `.${basename(target)}`;
  return readdirSync(dir)
    .filter((n) => n.startsWith(prefix + STAGING) || n.startsWith(prefix + RETIRED))
    .map((n) => join(dir, n));
}

export function discard(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/**
 * Replaces `target` with `staging`: the old site is renamed away, the new one renamed into place,
 * then the old one deleted. Between the two renames (microseconds) the target does not exist;
 * it never holds a half-written site.
 */
export function publish(staging: string, target: string): void {
  if (!existsSync(staging)) throw new Error(`[tongbao] nothing to publish: ${staging} does not exist`);
  const retired = join(dirname(target), `.${basename(target)}${RETIRED}${process.pid}-${Date.now()}`);
  const hadSite = existsSync(target);
  if (hadSite) renameSync(target, retired);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadSite) renameSync(retired, target);
    throw error;
  }
  if (hadSite) discard(retired);
}

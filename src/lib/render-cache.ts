/**
 * The render cache: an article's body HTML in every locale, one JSON file per article, named by a
 * digest of everything the output depends on — the article itself, the pipeline version, the
 * opencc-js release (its dictionaries), the site configuration and the locales. Kept between builds
 * in TONGBAO_CACHE_DIR, so a rebuild re-renders only what changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { env } from '../config/env.ts';
import { locales, localeOrder, site } from '../config/site.ts';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import { PIPELINE_VERSION } from '../pipeline/processor.ts';
import { OPENCC_VERSION } from '../zh/convert.ts';
import { contentDir } from '../zh/article-overrides.ts';
import { siteGlossaryText } from '../zh/glossary.ts';

/** Builds and scripts run from the project root (npm run …); paths below are relative to it. */
export const projectRoot = process.cwd();
export const cacheDir = resolve(projectRoot, env.TONGBAO_CACHE_DIR, 'render');

/**
 * The code that renders bodies, hashed: a change to the pipeline, the conversion, the config or a
 * dependency invalidates the cache even if nobody bumps PIPELINE_VERSION.
 */
const RENDER_CODE = ['src/pipeline', 'src/zh', 'src/config', 'src/model', 'src/lib/localize.ts', 'src/lib/render-cache.ts', 'package-lock.json'];

function codeDigest(): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    const full = join(projectRoot, path);
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) add(join(path, name));
    } else {
      hash.update(path).update(readFileSync(full));
    }
  };
  try {
    for (const path of RENDER_CODE) add(path);
  } catch (error) {
    throw new Error(`[tongbao] cannot read the rendering code (${(error as Error).message}); run builds from the project root (npm run build).`);
  }
  return hash.digest('hex');
}

/** Everything besides the article that changes the rendered HTML. */
export const configDigest = createHash('sha256')
  .update(JSON.stringify([PIPELINE_VERSION, OPENCC_VERSION, site, localeOrder.map((l) => locales[l])]))
  .update(codeDigest())
  // The site glossary (content/glossary.yaml) changes conversions of every article.
  .update(siteGlossaryText(contentDir()))
  .digest('hex');

const keys = new WeakMap<Article, string>();

export function cacheKey(article: Article): string {
  let key = keys.get(article);
  if (!key) {
    key = createHash('sha256').update(configDigest).update(JSON.stringify(article)).digest('hex').slice(0, 40);
    keys.set(article, key);
  }
  return key;
}

const fileOf = (key: string) => join(cacheDir, `${key}.json`);

export function readRendered(article: Article): Partial<Record<Locale, string>> | undefined {
  try {
    return JSON.parse(readFileSync(fileOf(cacheKey(article)), 'utf8')) as Partial<Record<Locale, string>>;
  } catch {
    return undefined;
  }
}

export function writeRendered(article: Article, rendered: Record<Locale, string>): void {
  const file = fileOf(cacheKey(article));
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a reader never sees half a file (workers and pages read concurrently).
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, JSON.stringify(rendered));
  renameSync(temp, file);
}

/** Keys present in the cache. */
export function cachedKeys(): Set<string> {
  try {
    return new Set(readdirSync(cacheDir).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)));
  } catch {
    return new Set();
  }
}

/** Removes entries no article of this build uses any more (edited or deleted articles, old config). */
export function pruneCache(keep: ReadonlySet<string>): number {
  let removed = 0;
  for (const key of cachedKeys()) {
    if (!keep.has(key)) {
      rmSync(fileOf(key), { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * Everything in the environment that can change how a page looks (preview mode, the clock, the
 * source…), without paths and secrets. Part of every page's incremental-build key.
 */
const PAGE_NEUTRAL = new Set(['TONGBAO_OUT_DIR', 'TONGBAO_CACHE_DIR', 'TONGBAO_STATS_FILE', 'SANITY_READ_TOKEN']);
export const pageEnvDigest = createHash('sha256')
  .update(JSON.stringify(Object.entries(env).filter(([name]) => !PAGE_NEUTRAL.has(name))))
  .digest('hex')
  .slice(0, 16);

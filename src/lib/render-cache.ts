/**
 * The render cache: an article's body HTML in every locale, one JSON file per article, named by a
 * digest of everything the output depends on — the article itself, the code that renders it (every
 * module the render worker loads and the versions of the packages they reach: src/lib/code-digest.ts),
 * the pipeline version, the site configuration and the locales. The entries of the site glossary that can apply
 * to an article are part of the article (src/zh/article-overrides.ts `withSiteGlossary`). Kept between
 * builds in TONGBAO_CACHE_DIR, so a rebuild re-renders only what changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { env } from '../config/env.ts';
import { projectDirs } from '../config/paths.ts';
import { locales, localeOrder, site } from '../config/site.ts';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import { PIPELINE_VERSION } from '../pipeline/processor.ts';
import { OPENCC_VERSION } from '../zh/convert.ts';
import { codeDigest } from './code-digest.ts';

/** The project root, for the modules that still ask here (src/lib/zh-review.ts); src/config/paths.ts has every path. */
export const projectRoot = projectDirs.root;
export const cacheDir = projectDirs.renderCache;

/** What a render worker is started with (src/lib/prerender.ts): the digest its parent computed, so no thread walks the code again. */
export interface RenderWorkerData {
  configDigest: string;
}

/**
 * Everything besides the article that changes the rendered HTML: the rendering code (walked from the
 * render worker's entry, so a change to any module it loads, or to a package it reaches, re-renders
 * even if nobody bumps PIPELINE_VERSION) and the configuration. Not the site glossary: each article carries
 * the entries that can apply to it, so an edited entry re-renders only the articles that contain it.
 */
function computeConfigDigest(): string {
  let code: string;
  try {
    code = codeDigest(projectDirs.renderWorker, projectDirs.root);
  } catch (error) {
    throw new Error(`[tongbao] cannot read the rendering code (${(error as Error).message}); run builds from the project root (npm run build).`, {
      cause: error,
    });
  }
  return createHash('sha256')
    .update(JSON.stringify([PIPELINE_VERSION, OPENCC_VERSION, site, localeOrder.map((l) => locales[l])]))
    .update(code)
    .digest('hex');
}

let digest: string | undefined;

/** The digest of the renderer's code and configuration, computed once per process (the workers get their parent's). */
export function configDigest(): string {
  return (digest ??= computeConfigDigest());
}

/** In a render worker: the digest the parent computed (RenderWorkerData). */
export function useConfigDigest(parent: string): void {
  digest = parent;
}

const keys = new WeakMap<Article, string>();

export function cacheKey(article: Article): string {
  let key = keys.get(article);
  if (!key) {
    key = createHash('sha256').update(configDigest()).update(JSON.stringify(article)).digest('hex').slice(0, 40);
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
    return new Set(
      readdirSync(cacheDir)
        .filter((n) => n.endsWith('.json'))
        .map((n) => n.slice(0, -5)),
    );
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

/**
 * The one module that knows filesystem paths, as src/lib/urls.ts knows URLs: the content folder
 * (articles, images, glossary, taxonomy), public/, the output, the caches and the render worker.
 * Everything else asks here instead of joining folder names itself.
 *
 * The project root is the working directory: `npm run …` (and `npx`) always run from the folder that
 * holds package.json. It is read here and nowhere else. TONGBAO_CONTENT_DIR moves everything under
 * it: articles, images (the lead-image pipeline), the glossary and the taxonomy.
 */
import { join, resolve } from 'node:path';
import { env, type Env } from './env.ts';

export interface ProjectPaths {
  /** The project root (package.json, src/, public/). */
  root: string;
  /** The project's package.json: packages are resolved from it (also from Astro's bundled build, whose modules live elsewhere). */
  packageJson: string;
  /** TONGBAO_CONTENT_DIR, absolute. */
  content: string;
  /** Markdown articles: <content>/articles. */
  articles: string;
  /** Lead images that go through Astro's image pipeline, published at /images/<file>: <content>/images. */
  images: string;
  /** Files served as they are: public/. */
  public: string;
  /** Where `astro build` writes the site (TONGBAO_OUT_DIR, absolute). */
  out: string;
  /** Everything kept between builds (TONGBAO_CACHE_DIR, absolute). */
  cache: string;
  /** Rendered bodies, one JSON file per article (src/lib/render-cache.ts). */
  renderCache: string;
  /** Conversion review reports (src/lib/zh-review.ts). */
  reviewCache: string;
  /** Pagefind shards of earlier builds (src/integrations/search.ts). */
  searchCache: string;
  /** Astro's own caches (content store, incremental build). */
  astroCache: string;
  /** Where the build writes its figures (TONGBAO_STATS_FILE, absolute), when set. */
  statsFile: string | undefined;
  /** The entry module of the render worker threads (src/lib/prerender.ts starts them). */
  renderWorker: string;
  /** Held by `astro build` while it syncs content into the project's `.astro/` (src/integrations/content-sync-lock.ts). */
  contentSyncLock: string;
}

/** The folders of a content folder (`contentDir` relative to `root`, or absolute). Pure. */
export function contentPaths(root: string, contentDir: string): Pick<ProjectPaths, 'content' | 'articles' | 'images'> {
  const content = resolve(root, contentDir);
  return { content, articles: join(content, 'articles'), images: join(content, 'images') };
}

/** The folder of files served as they are, in a project at `root`. */
export const publicDirOf = (root: string): string => join(root, 'public');

/** Every path of a project at `root` with the environment `e`. Pure. */
export function projectPaths(
  e: Pick<Env, 'TONGBAO_CONTENT_DIR' | 'TONGBAO_OUT_DIR' | 'TONGBAO_CACHE_DIR' | 'TONGBAO_STATS_FILE'>,
  root: string,
): ProjectPaths {
  const cache = resolve(root, e.TONGBAO_CACHE_DIR);
  return {
    root,
    packageJson: join(root, 'package.json'),
    ...contentPaths(root, e.TONGBAO_CONTENT_DIR),
    public: publicDirOf(root),
    out: resolve(root, e.TONGBAO_OUT_DIR),
    cache,
    renderCache: join(cache, 'render'),
    reviewCache: join(cache, 'zh-review'),
    searchCache: join(cache, 'pagefind'),
    astroCache: join(cache, 'astro'),
    statsFile: e.TONGBAO_STATS_FILE === undefined ? undefined : resolve(root, e.TONGBAO_STATS_FILE),
    renderWorker: join(root, 'src', 'lib', 'render-worker.ts'),
    contentSyncLock: join(root, '.astro', 'tongbao-content-sync.lock'),
  };
}

/** The paths of this process's project. */
export const projectDirs: ProjectPaths = projectPaths(env, process.cwd());

/** The file of a site path under `dir` (`/images/x.png` → <dir>/x.png below /images/), or undefined when it escapes `dir`. */
export function fileUnder(dir: string, relativePath: string): string | undefined {
  const file = resolve(dir, `.${relativePath.startsWith('/') ? '' : '/'}${relativePath}`);
  return file === dir || file.startsWith(`${dir}/`) ? file : undefined;
}

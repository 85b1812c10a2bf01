/**
 * The build context: everything a page, an endpoint, a render worker or an integration needs to know
 * about one build of one body of content — configuration, paths, the clock, the published articles,
 * the indexes over them, which articles have a share image of their own, and the figures the build
 * collects. Made by `createBuildContext` from its inputs and nothing else (pure, no I/O), frozen,
 * and handed on explicitly; nothing about a build is kept in process-wide globals.
 *
 * src/lib/collection.ts makes the context of the content Astro loaded (one memo keyed by the
 * collection's content digest): a static build gets one; a server that renders many requests gets
 * the context of the content each request renders, and a new one when that content changes.
 */
import type { ProjectPaths } from '../config/paths.ts';
import type { SiteConfig } from '../config/site.ts';
import type { Article } from '../model/article.ts';
import { selectPublished } from './articles.ts';
import { buildIndexes, type Indexes } from './indexes.ts';
import { chooseShareImages, type ShareImageChoice } from './share-image/selection.ts';
import { createStats, type BuildStats } from './stats.ts';

/** What of the configuration a build reads besides the site configuration. */
export interface BuildOptions {
  /** Articles per listing page (TONGBAO_PAGE_SIZE). */
  pageSize: number;
  /** Articles per search shard (TONGBAO_SEARCH_SHARD_SIZE). */
  searchShardSize: number;
  /** A preview shows scheduled articles too: editors check them before they go out. */
  preview: boolean;
}

export interface BuildContextInput {
  site: SiteConfig;
  options: BuildOptions;
  paths: ProjectPaths;
  /** The build's clock: what is published at this moment (TONGBAO_NOW, or when the build started). */
  now: Date;
  /** Every article of the source, drafts and scheduled ones included. */
  articles: readonly Article[];
}

export interface BuildContext {
  readonly site: SiteConfig;
  readonly options: Readonly<BuildOptions>;
  readonly paths: Readonly<ProjectPaths>;
  readonly now: Date;
  /** What readers see, newest first. */
  readonly published: readonly Article[];
  readonly indexes: Indexes;
  /** The newest site.shareImagesNewest articles: they get a share image of their own. */
  readonly shareImages: ShareImageChoice;
  /** Figures of this build (time converting, rendering, reused from the caches) for the benchmark. */
  readonly stats: BuildStats;
}

/** A preview's clock: far in the future, so scheduled articles are shown. */
const END_OF_TIME = new Date(8.64e15);

export function createBuildContext({ site, options, paths, now, articles }: BuildContextInput): BuildContext {
  const published = Object.freeze(selectPublished(articles, options.preview ? END_OF_TIME : now));
  return Object.freeze({
    site,
    options: Object.freeze({ ...options }),
    paths: Object.freeze({ ...paths }),
    now: new Date(now.getTime()),
    published,
    indexes: buildIndexes(published, site.timeZone),
    shareImages: chooseShareImages(published, site.shareImagesNewest),
    stats: createStats(),
  });
}

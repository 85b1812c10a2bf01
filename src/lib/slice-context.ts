/**
 * The inputs of a build context from the validated configuration, and the context of a slice of the source:
 * the articles one request's page shows (server output from Sanity, src/server/sanity-request.ts). No memo and no
 * prerender (which would render the slice's bodies, then prune the render cache down to them): the page renders
 * the one body it shows through the render cache. src/lib/collection.ts makes the whole content's contexts from
 * the same inputs.
 */
import { env } from '../config/env.ts';
import { projectDirs } from '../config/paths.ts';
import { site } from '../config/site.ts';
import { isPreview } from '../config/source.ts';
import type { Article } from '../model/article.ts';
import { createBuildContext, type BuildContext, type BuildContextInput } from './build-context.ts';

export const contextInput = (articles: readonly Article[], now: Date): BuildContextInput => ({
  site,
  options: { pageSize: env.TONGBAO_PAGE_SIZE, searchShardSize: env.TONGBAO_SEARCH_SHARD_SIZE, preview: isPreview },
  paths: projectDirs,
  now,
  articles,
});

export function sliceContext(articles: readonly Article[], now: Date): BuildContext {
  return createBuildContext(contextInput(articles, now));
}

/**
 * The article route on demand (src/server/on-demand.ts): the same props getStaticPaths gives the static
 * page (the article, its locale, related and neighbouring articles, its tags), found by slug in the
 * live content's context (one map per context, not a scan per request), and the tags of every article
 * the page shows.
 */
import { localeOrder } from '../config/site.ts';
import { articleContext, type ArticleContext } from '../lib/article-page.ts';
import type { BuildContext } from '../lib/build-context.ts';
import type { RouteParams, RoutePath } from '../lib/route-paths.ts';
import { localeFromSegment, localeParams } from '../lib/urls.ts';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import { articlePageTags } from './cache-tags.ts';
import type { OnDemandRoute } from './on-demand.ts';

export interface ArticleProps {
  article: Article;
  locale: Locale;
  context: ArticleContext;
  tagKeys: string[];
}

/** Published articles by slug, per context (built at its first request, not a scan per request). */
const bySlug = new WeakMap<BuildContext, ReadonlyMap<string, Article>>();
function slugMap(build: BuildContext): ReadonlyMap<string, Article> {
  let map = bySlug.get(build);
  if (!map) bySlug.set(build, (map = new Map(build.indexes.list.map((a) => [a.slug, a]))));
  return map;
}

const props = (build: BuildContext, article: Article, locale: Locale): ArticleProps => ({
  article,
  locale,
  context: articleContext(build.indexes, article),
  tagKeys: build.indexes.tagKeys.get(article) ?? [],
});

export const articleRoute: OnDemandRoute<ArticleProps> = {
  kind: 'article',
  paths: (build): RoutePath<ArticleProps>[] =>
    build.indexes.list.flatMap((article) =>
      localeOrder.map((locale) => ({ params: localeParams(locale, { slug: article.slug }), props: props(build, article, locale) })),
    ),
  find: (build: BuildContext, params: RouteParams) => {
    const locale = localeFromSegment(params.locale);
    if (!locale || !localeOrder.includes(locale) || params.slug === undefined) return undefined;
    const article = slugMap(build).get(params.slug);
    return article && props(build, article, locale);
  },
  tags: (p) => articlePageTags(p.article, p.context),
};

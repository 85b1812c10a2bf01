/**
 * One description of a route's pages, used twice: `getStaticPaths` of a static build (over the build's
 * context, `buildContext()`) and the match of a request rendered on demand in server output (over the
 * context of the live source at the request's time, src/server/on-demand.ts; `staticPaths` in
 * src/lib/collection.ts is the first use). A route file states its
 * pages once, as a pure function of a BuildContext; nothing is written twice.
 *
 * Pagination is ours, not Astro's `paginate`, so the same function runs on demand (where Astro offers
 * none): the same params (`[...page]` is absent on page 1, `"2"`, `"3"`… after) and the page's articles,
 * number and count, which is all the listings read.
 */
import type { BuildContext } from './build-context.ts';

export type RouteParams = Record<string, string | undefined>;

export interface RoutePath<P> {
  params: RouteParams;
  props: P;
}

/** Every page of a route in a build context. */
export type RoutePaths<P> = (build: BuildContext) => readonly RoutePath<P>[];

/** One page of a paginated list (the fields of Astro's `Page` that the listings read). */
export interface ListPage<T> {
  data: T[];
  currentPage: number;
  lastPage: number;
}

/** Pure: the pages of a list, `pageSize` a page; an empty list still has its first page (as Astro's paginate). */
export function paginate<T, P extends object>(
  list: readonly T[],
  options: { params: RouteParams; props: P; pageSize: number; param?: string },
): RoutePath<P & { page: ListPage<T> }>[] {
  const lastPage = Math.max(1, Math.ceil(list.length / options.pageSize));
  const param = options.param ?? 'page';
  return Array.from({ length: lastPage }, (_, i) => {
    const currentPage = i + 1;
    return {
      params: { ...options.params, [param]: currentPage > 1 ? String(currentPage) : undefined },
      props: { ...options.props, page: { data: list.slice(i * options.pageSize, currentPage * options.pageSize), currentPage, lastPage } },
    };
  });
}

/** Pure: the key of a page's params, the same for the params a route listed and those of a request. */
export function paramsKey(params: RouteParams): string {
  return JSON.stringify(
    Object.keys(params)
      .sort()
      .map((name) => [name, params[name] ?? '']),
  );
}

/**
 * Indexes over the published articles, built once per build in one pass (linear in the number of
 * articles): by category, author, tag (zh-Hans key) and month, plus each article's position in the
 * newest-first list. Pages look things up here instead of scanning every article. Pure.
 */
import type { Article } from '../model/article.ts';
import { articleTagKeys } from './tags.ts';

export interface YearMonth {
  year: number;
  month: number;
}

/** What the indexes read of an article: also the sitemaps' slim articles (src/lib/sitemaps.ts), not only Articles. */
export type IndexedArticle = Pick<Article, 'publishedAt' | 'tags' | 'sourceLocale'> & {
  category: Pick<Article['category'], 'slug'>;
  authors: readonly Pick<Article['authors'][number], 'slug'>[];
};

export interface Indexes<A = Article> {
  /** Newest first. */
  list: readonly A[];
  position: ReadonlyMap<A, number>;
  byCategory: ReadonlyMap<string, A[]>;
  byAuthor: ReadonlyMap<string, A[]>;
  byTag: ReadonlyMap<string, A[]>;
  /** `2026-11` → articles of that month in the site's time zone. */
  byMonth: ReadonlyMap<string, A[]>;
  byYear: ReadonlyMap<number, A[]>;
  tagKeys: ReadonlyMap<A, string[]>;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** Year and month of an instant in `timeZone`. */
export function yearMonth(date: Date, timeZone: string): YearMonth {
  let f = monthFormats.get(timeZone);
  if (!f) monthFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' })));
  const parts = f.formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month') };
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at an instant, in ms (whole seconds). */
function offsetAt(ms: number, timeZone: string): number {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    const numeric = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;
    offsetFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', ...numeric })));
  }
  const part = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) - Math.floor(ms / 1000) * 1000;
}

/**
 * The first instant of a month in `timeZone` (month 13: January of the next year), where `yearMonth` turns to it: an
 * archive period is [monthStart(y, m), monthStart(y, m + 1)). The offset is read at the guess and read again there,
 * which settles it for any zone whose midnight exists on the 1st.
 */
export function monthStart(year: number, month: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, 1);
  return new Date(wall - offsetAt(wall - offsetAt(wall, timeZone), timeZone));
}

/** The key of a month in `byMonth`: `2026-11`. */
export const monthKey = ({ year, month }: YearMonth) => `${year}-${String(month).padStart(2, '0')}`;

/** The year and month of a `byMonth` key (`2026-11`): the one place that reads the key back. */
export function parseMonthKey(key: string): YearMonth {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) throw new Error(`[tongbao] "${key}" is not a month key (YYYY-MM)`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The months of `ix`, newest first; only those of `year` when given. */
export function monthsOf(ix: Pick<Indexes<unknown>, 'byMonth'>, year?: number): YearMonth[] {
  return [...ix.byMonth.keys()]
    .map(parseMonthKey)
    .filter((ym) => year === undefined || ym.year === year)
    .sort((a, b) => b.year - a.year || b.month - a.month);
}

function push<K, A>(map: Map<K, A[]>, key: K, article: A) {
  const list = map.get(key);
  if (list) list.push(article);
  else map.set(key, [article]);
}

/** `articles` must be newest first (selectPublished); every list in the result is too. */
export function buildIndexes<A extends IndexedArticle>(articles: readonly A[], timeZone: string): Indexes<A> {
  const position = new Map<A, number>();
  const byCategory = new Map<string, A[]>();
  const byAuthor = new Map<string, A[]>();
  const byTag = new Map<string, A[]>();
  const byMonth = new Map<string, A[]>();
  const byYear = new Map<number, A[]>();
  const tagKeys = new Map<A, string[]>();
  articles.forEach((a, i) => {
    position.set(a, i);
    push(byCategory, a.category.slug, a);
    for (const au of a.authors) push(byAuthor, au.slug, a);
    const keys = articleTagKeys(a);
    tagKeys.set(a, keys);
    for (const k of keys) push(byTag, k, a);
    const ym = yearMonth(a.publishedAt, timeZone);
    push(byMonth, monthKey(ym), a);
    push(byYear, ym.year, a);
  });
  return { list: articles, position, byCategory, byAuthor, byTag, byMonth, byYear, tagKeys };
}

/** How many candidates of each tag and of the category are considered (their newest). */
const CANDIDATES_PER_LIST = 50;

/**
 * Related articles (相關推薦): those sharing tags or the category, ranked by what they share (a shared
 * tag counts 2, the category 1), then newest first; never the article itself. Bounded work per
 * article: only the newest CANDIDATES_PER_LIST of each list are looked at.
 */
export function related(ix: Indexes, article: Article, limit = 4): Article[] {
  const score = new Map<Article, number>();
  const add = (list: readonly Article[] | undefined, weight: number) => {
    for (const other of (list ?? []).slice(0, CANDIDATES_PER_LIST)) {
      if (other !== article && other.slug !== article.slug) score.set(other, (score.get(other) ?? 0) + weight);
    }
  };
  for (const key of ix.tagKeys.get(article) ?? []) add(ix.byTag.get(key), 2);
  add(ix.byCategory.get(article.category.slug), 1);
  const pos = (a: Article) => ix.position.get(a) ?? Number.MAX_SAFE_INTEGER;
  return [...score.entries()]
    .sort(([a, sa], [b, sb]) => sb - sa || pos(a) - pos(b))
    .slice(0, limit)
    .map(([a]) => a);
}

/** "More from this author": the newest other articles of the article's first author, at most `limit`. */
export function moreByAuthor(ix: Indexes, article: Article, limit = 4): Article[] {
  const first = article.authors[0];
  if (!first) return [];
  return (ix.byAuthor.get(first.slug) ?? []).filter((other) => other !== article && other.slug !== article.slug).slice(0, limit);
}

/** The next newer and next older article in the whole list. */
export function neighbours(ix: Indexes, article: Article): { newer?: Article | undefined; older?: Article | undefined } {
  const i = ix.position.get(article);
  if (i === undefined) return {};
  return { newer: ix.list[i - 1], older: ix.list[i + 1] };
}

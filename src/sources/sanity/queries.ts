/**
 * Every GROQ query the site runs, with explicit projections: the site depends on these fields and
 * no others. Authors and categories are resolved here (`->`), so a document arrives in the shape the
 * local source produces. Sanity TypeGen reads this file (sanity/sanity.cli.ts) and writes the result
 * types to ./sanity.types.ts.
 */
import { defineQuery } from 'groq';

/** The fields of an article the site reads, with its references resolved: every article query projects these. */
const ARTICLE_PROJECTION = `{
  _id,
  _originalId,
  title,
  "slug": slug.current,
  summary,
  body[] {
    ...,
    _type == "image" => { _type, _key, alt, caption, hotspot, crop, "assetRef": asset._ref, "asset": asset->{ _id, metadata { dimensions { width, height } } } }
  },
  publishedAt,
  updatedAt,
  corrections[] { _key, date, text },
  "authorRefs": authors[]._ref,
  "authors": authors[]->{
    "slug": slug.current, name, nameLocale, "names": names { "zh-Hans": zhHans, "zh-Hant": zhHant, "zh-Hant-HK": zhHantHK }, url, bio,
    photo { alt, hotspot, crop, "assetRef": asset._ref, "asset": asset->{ _id, metadata { dimensions { width, height } } } }
  },
  "categoryRef": category._ref,
  "category": category->{ "slug": slug.current, name, nameLocale, "names": names { "zh-Hans": zhHans, "zh-Hant": zhHant, "zh-Hant-HK": zhHantHK }, riskNotice, description },
  tags,
  sourceLocale,
  origin,
  source { name, url, author },
  riskNotice,
  glossary[] { zhHans, zhHant },
  mainImage { alt, caption, hotspot, crop, "assetRef": asset._ref, "asset": asset->{ _id, metadata { dimensions { width, height } } } }
}`;

/**
 * Every article the perspective shows, with references resolved. Scheduling is decided by the site's clock, not here.
 * `_originalId` is the draft's id (drafts.…) in the drafts perspective and `assetRef` the image's reference even when
 * its asset is gone: both only for error messages.
 */
export const ARTICLES_QUERY = defineQuery(`*[_type == "article"] | order(publishedAt desc, _id asc) ${ARTICLE_PROJECTION}`);

/** How many article documents the perspective holds: a cross-check that nothing went missing on the way. */
export const ARTICLE_COUNT_QUERY = defineQuery(`count(*[_type == "article"])`);

/**
 * The site glossary: one document, `siteGlossary` (sanity/schemaTypes/documents/siteGlossary.ts). Its entries
 * as the Studio stores them; src/sources/sanity/to-glossary.ts checks them with the file's rules.
 */
export const SITE_GLOSSARY_QUERY = defineQuery(`*[_type == "siteGlossary" && _id == "siteGlossary"][0] {
  _id,
  _originalId,
  _type,
  entries[] { _key, _type, term, zhHans, zhHant, zhHantHK, note }
}`);

/*
 * Server output from Sanity (src/server/sanity-request.ts): per-request queries, each for what one page shows, in the
 * order selectPublished (src/lib/articles.ts) gives: publishedAt newest first, then slug. `$now` is the request's
 * clock (ISO 8601): what is published at it, as the site decides scheduling. None asks for every article.
 */

/** The article of an article page (its slug), if published at $now. */
export const ARTICLE_BY_SLUG_QUERY = defineQuery(
  `*[_type == "article" && slug.current == $slug && dateTime(publishedAt) <= dateTime($now)] | order(_id asc) [0] ${ARTICLE_PROJECTION}`,
);

/** The next newer published article than ($at, $slug). */
export const NEWER_ARTICLE_QUERY = defineQuery(
  `*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && (dateTime(publishedAt) > dateTime($at) || (dateTime(publishedAt) == dateTime($at) && slug.current < $slug))] | order(dateTime(publishedAt) asc, slug.current desc) [0] ${ARTICLE_PROJECTION}`,
);

/** The next older published article than ($at, $slug). */
export const OLDER_ARTICLE_QUERY = defineQuery(
  `*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && (dateTime(publishedAt) < dateTime($at) || (dateTime(publishedAt) == dateTime($at) && slug.current > $slug))] | order(dateTime(publishedAt) desc, slug.current asc) [0] ${ARTICLE_PROJECTION}`,
);

/** How many published articles are newer than ($at, $slug): its rank, for the share-image choice. */
export const NEWER_COUNT_QUERY = defineQuery(
  `count(*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && (dateTime(publishedAt) > dateTime($at) || (dateTime(publishedAt) == dateTime($at) && slug.current < $slug))])`,
);

/** The newest published articles with a tag in any of its written forms ($forms), from $from to $to. */
export const TAG_ARTICLES_QUERY = defineQuery(
  `*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && count(tags[@ in $forms]) > 0] | order(dateTime(publishedAt) desc, slug.current asc) [$from...$to] ${ARTICLE_PROJECTION}`,
);

/** How many published articles carry a tag in any of its forms. */
export const TAG_COUNT_QUERY = defineQuery(`count(*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && count(tags[@ in $forms]) > 0])`);

/** The newest published articles of a category (by its document id, $ref), from $from to $to. */
export const CATEGORY_ARTICLES_QUERY = defineQuery(
  `*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && category._ref == $ref] | order(dateTime(publishedAt) desc, slug.current asc) [$from...$to] ${ARTICLE_PROJECTION}`,
);

/** How many published articles a category has. */
export const CATEGORY_COUNT_QUERY = defineQuery(`count(*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && category._ref == $ref])`);

/** The newest published articles of an author (by document id, $ref), from $from to $to. */
export const AUTHOR_ARTICLES_QUERY = defineQuery(
  `*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && $ref in authors[]._ref] | order(dateTime(publishedAt) desc, slug.current asc) [$from...$to] ${ARTICLE_PROJECTION}`,
);

/** How many published articles an author has. */
export const AUTHOR_COUNT_QUERY = defineQuery(`count(*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && $ref in authors[]._ref])`);

/**
 * Every page's header (the sections, in the order of their newest article) and the home page's blocks: the newest
 * $perSection published articles of each category, read as one CATEGORY_ARTICLES_QUERY per id of this query (a
 * window by a constant reference is answered from indexes; a subquery on `^._id` per category is not, in the lake).
 */
export const CATEGORY_IDS_QUERY = defineQuery(`*[_type == "category"] | order(_id asc)._id`);

/** When the next scheduled article comes out (no cache lifetime may run past it). */
export const NEXT_SCHEDULED_QUERY = defineQuery(
  `*[_type == "article" && dateTime(publishedAt) > dateTime($now)] | order(dateTime(publishedAt) asc) [0].publishedAt`,
);

/** The newest published articles, from $from to $to (the locale feeds). */
export const LATEST_ARTICLES_QUERY = defineQuery(
  `*[_type == "article" && dateTime(publishedAt) <= dateTime($now)] | order(dateTime(publishedAt) desc, slug.current asc) [$from...$to] ${ARTICLE_PROJECTION}`,
);

/** The published article at rank $rank (0: the newest): the oldest one with a share image of its own when $rank = site.shareImagesNewest - 1. */
export const ARTICLE_AT_RANK_QUERY = defineQuery(
  `*[_type == "article" && dateTime(publishedAt) <= dateTime($now)] | order(dateTime(publishedAt) desc, slug.current asc) [$rank] { publishedAt, "slug": slug.current }`,
);

/** How many articles are published (the home page's number of pages). */
export const LATEST_COUNT_QUERY = defineQuery(`count(*[_type == "article" && dateTime(publishedAt) <= dateTime($now)])`);

/** When each published article came out, and nothing else: the archive's months on the home page (no bodies). */
export const PUBLISHED_DATES_QUERY = defineQuery(`*[_type == "article" && dateTime(publishedAt) <= dateTime($now)].publishedAt`);

/**
 * The document id of a category or author by its slug (a page's URL names the slug; articles reference the id, and a
 * filter by `_ref == $ref` is not a subquery per article).
 */
export const TAXONOMY_ID_QUERY = defineQuery(`*[_type == $type && slug.current == $slug] | order(_id asc) [0]._id`);

/*
 * The rest of the server's routes from Sanity (src/server/sanity-request.ts): `/`, the archives, corrections, the
 * sitemaps and search. Each is a window ([$from...$to]), a filter narrower than "published" (a date range, the
 * corrected articles), a count, or — the sitemaps, which list every published article by nature — a slim projection
 * without bodies.
 */

/** The published articles of an archive period ([$start, $end): instants of the site's time zone), from $from to $to. */
export const ARCHIVE_ARTICLES_QUERY = defineQuery(
  `*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && dateTime(publishedAt) >= dateTime($start) && dateTime(publishedAt) < dateTime($end)] | order(dateTime(publishedAt) desc, slug.current asc) [$from...$to] ${ARTICLE_PROJECTION}`,
);

/** How many published articles an archive period has. */
export const ARCHIVE_COUNT_QUERY = defineQuery(
  `count(*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && dateTime(publishedAt) >= dateTime($start) && dateTime(publishedAt) < dateTime($end)])`,
);

/** When each published article of an archive period came out, and nothing else: a year's months (no bodies). */
export const ARCHIVE_DATES_QUERY = defineQuery(
  `*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && dateTime(publishedAt) >= dateTime($start) && dateTime(publishedAt) < dateTime($end)].publishedAt`,
);

/** The published articles with a correction, newest first: the corrections page lists every correction (as the static page does). */
export const CORRECTED_ARTICLES_QUERY = defineQuery(
  `*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && defined(corrections) && count(corrections) > 0] | order(dateTime(publishedAt) desc, slug.current asc) ${ARTICLE_PROJECTION}`,
);

/** The published articles in the site's order, and the slim row the sitemaps read of each (never a body). */
const SITEMAP_ORDER = `*[_type == "article" && dateTime(publishedAt) <= dateTime($now)] | order(dateTime(publishedAt) desc, slug.current asc)`;
const SITEMAP_ROW = `{ "slug": slug.current, publishedAt, updatedAt, "corrections": corrections[].date, "category": category->slug.current, "authors": authors[]->slug.current, tags, sourceLocale }`;

/**
 * Every published article, newest first, as the index, pages and articles sitemaps read it (src/lib/sitemaps.ts
 * SitemapArticle): its slug, dates, corrections' dates, category and authors' slugs, tags and script. Never a body.
 */
export const SITEMAP_ARTICLES_QUERY = defineQuery(`${SITEMAP_ORDER} ${SITEMAP_ROW}`);

/** SITEMAP_ARTICLES_QUERY's rows from $from to $to of the same order: one article sitemap (src/lib/sitemaps.ts articleSitemapWindow). */
export const SITEMAP_ARTICLES_WINDOW_QUERY = defineQuery(`${SITEMAP_ORDER} [$from...$to] ${SITEMAP_ROW}`);

/** The published articles after $since (the news sitemap's 48 hours), newest first, at most $limit. */
export const RECENT_ARTICLES_QUERY = defineQuery(
  `*[_type == "article" && dateTime(publishedAt) <= dateTime($now) && dateTime(publishedAt) > dateTime($since)] | order(dateTime(publishedAt) desc, slug.current asc) [0...$limit] ${ARTICLE_PROJECTION}`,
);

/**
 * The revisions a search shard's index is made of, from $from to $to of the published order: each article's and its
 * category's (the index holds the category's name). A shard is indexed again when any of them changes.
 */
export const SHARD_REVISIONS_QUERY = defineQuery(
  `*[_type == "article" && dateTime(publishedAt) <= dateTime($now)] | order(dateTime(publishedAt) desc, slug.current asc) [$from...$to] { _id, _rev, "categoryRev": category->_rev }`,
);

/** The site glossary's revision (it converts every article's text). */
export const SITE_GLOSSARY_REV_QUERY = defineQuery(`*[_type == "siteGlossary" && _id == "siteGlossary"][0]._rev`);

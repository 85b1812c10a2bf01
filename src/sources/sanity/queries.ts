/**
 * Every GROQ query the site runs, with explicit projections: the site depends on these fields and
 * no others. Authors and categories are resolved here (`->`), so a document arrives in the shape the
 * local source produces. Sanity TypeGen reads this file (sanity/sanity.cli.ts) and writes the result
 * types to ./sanity.types.ts.
 */
import { defineQuery } from 'groq';

/**
 * Every article the perspective shows, with references resolved. Scheduling is decided by the site's clock, not here.
 * `_originalId` is the draft's id (drafts.…) in the drafts perspective and `assetRef` the image's reference even when
 * its asset is gone: both only for error messages.
 */
export const ARTICLES_QUERY = defineQuery(`*[_type == "article"] | order(publishedAt desc, _id asc) {
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
}`);

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

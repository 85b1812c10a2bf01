/**
 * The one Article model. Every source (Markdown files, Sanity) maps its documents to this shape,
 * and everything downstream (pipeline, pages, feeds) reads only this shape.
 */
import { z } from 'zod';
import { AnyLocaleSchema, LocaleSchema } from './locale.ts';
import { AuthorSchema, CategorySchema, Slug, SLUG_PATTERN, Text, type Taxonomy } from './taxonomy.ts';
import { fieldIssues, type FieldIssue } from './issues.ts';
import { describeMojibake, findMojibake } from './mojibake.ts';
import { forbiddenCharacterIssues } from './text-rules.ts';

export const ORIGINS = ['original', 'reprint', 'press-release'] as const;
const CANONICALS = ['self', 'source'] as const;
export { SLUG_PATTERN };

/** Portable Text blocks; each names its type and key. Their content is checked by the pipeline's checkPortableText. */
const PortableTextSchema = z
  .array(z.looseObject({ _type: z.string(), _key: z.string() }), { error: 'body must be a list of Portable Text blocks' })
  .min(1, 'body must not be empty');

/** An instant with its offset, as editors and CMSs write it: 2023-03-25T18:00:00+08:00. */
const INSTANT_HINT = 'expected an ISO 8601 date-time with its offset, such as 2023-03-25T18:00:00+08:00';
const IsoInstant = z.iso.datetime({ offset: true });
const Instant = z.union([z.date(), z.string()], { error: INSTANT_HINT }).transform((value, ctx) => {
  if (value instanceof Date) return value;
  if (!IsoInstant.safeParse(value).success) {
    ctx.addIssue({ code: 'custom', message: `${INSTANT_HINT} (got "${value}")` });
    return z.NEVER;
  }
  return new Date(value);
});

/** The fields every source gives in the same form. */
const articleFields = {
  /** The URL segment of the article, the same in every locale. */
  slug: Slug('slug'),
  /** Headline, in the source script. */
  title: Text('title').max(120, 'title is longer than 120 characters; shorten the headline'),
  /** One or two sentences shown under the headline, in lists and as the feed description. */
  summary: Text('summary').max(400, 'summary is longer than 400 characters'),
  /**
   * The article body: Markdown (GFM) text from files, or Portable Text blocks from Sanity (images
   * already resolved to URLs by the source). Raw HTML is sanitized. Both render through src/pipeline.
   */
  body: z.union([Text('body'), PortableTextSchema], { error: 'body must be Markdown text or Portable Text blocks' }),
  /** When the article was (or will be) published; articles dated in the future are not built. */
  publishedAt: Instant,
  /** When the article was last substantially corrected. */
  updatedAt: Instant.optional(),
  /**
   * Corrections published with the article (更正): when each was made and what it says, in the source
   * script. Shown on the page, in the structured data and in the feeds; the newest one dates the article's
   * last change (dateModified).
   */
  corrections: z
    .array(
      z
        .object(
          {
            date: Instant,
            text: Text('corrections.text').max(1000, 'a correction is longer than 1000 characters; say what was wrong and what is right'),
          },
          { error: 'each correction must be a mapping with date and text' },
        )
        .strict(),
      { error: 'corrections must be a list of { date, text }' },
    )
    .default([]),
  /** Free keywords, in the source script. */
  // A tag names a page (/tags/<tag>/): a longer one is not a keyword, and its page's file name would be too long to write.
  tags: z
    .array(Text('tag').max(60, 'a tag is longer than 60 characters; tags are keywords, e.g. 简繁转换'), {
      error: 'tags must be a list of words, e.g. [简繁转换, 开源软件]',
    })
    .default([]),
  /** The script the editor wrote in; the other script is generated from it. */
  sourceLocale: LocaleSchema,
  /** original: written by us; reprint: copied from another outlet; press-release: issued by an organisation. */
  origin: z.enum(ORIGINS, { error: `origin must be one of: ${ORIGINS.join(', ')}` }),
  /** Where a reprint (or a press release) was taken from. Required for reprints. */
  source: z
    .object(
      {
        name: Text('source.name'),
        url: z.url({ protocol: /^https?$/, error: 'source.url must be an http(s) URL' }),
        author: Text('source.author').optional(),
      },
      { error: 'source must be a mapping with name, url and an optional author' },
    )
    .strict()
    .optional(),
  /** Adds the market-risk notice whatever the category. */
  riskNotice: z.boolean({ error: 'riskNotice must be true or false' }).default(false),
  /** Lead image. `alt` describes it for readers who cannot see it. */
  image: z
    .object(
      {
        src: Text('image.src').refine((src) => /^\/(?!\/)/.test(src) || /^https?:\/\//i.test(src), {
          error:
            'image.src must be a site path starting with "/" (e.g. /images/photo.jpg: a file in content/images/ or public/images/) or an http(s) URL',
        }),
        alt: Text('image.alt'),
        caption: Text('image.caption').optional(),
        /** Set by a source that serves resized copies (Sanity's image CDN): `srcset` candidates, and `src`'s size. */
        srcset: z.string({ error: 'image.srcset must be text' }).optional(),
        width: z.number({ error: 'image.width must be a number' }).int().positive().optional(),
        height: z.number({ error: 'image.height must be a number' }).int().positive().optional(),
        /** Set by a source that serves resized copies: the 16:9, 4:3 and 1:1 crops for structured data (src/lib/seo.ts). */
        crops: z
          .array(z.object({ src: z.string(), width: z.number().int().positive(), height: z.number().int().positive() }).strict(), {
            error: 'image.crops must be a list of { src, width, height }',
          })
          .optional(),
      },
      { error: 'image must be a mapping with src, alt and an optional caption' },
    )
    .strict()
    .optional(),
  /** Drafts are never built. */
  draft: z.boolean({ error: 'draft must be true or false' }).default(false),
  /**
   * Which URL search engines should treat as the original: `self` (our page, the default) or
   * `source` (the outlet a reprint was taken from; needs `source`). Pages marked `source` point their
   * canonical link there, declare `isBasedOn`, and stay out of the sitemaps.
   */
  canonical: z.enum(CANONICALS, { error: `canonical must be one of: ${CANONICALS.join(', ')}` }).default('self'),
  /**
   * Terms whose form per locale the editor fixes over OpenCC: `{ 云岭基金: { zh-Hant: 雲嶺基金 } }`. A term
   * without a form for a locale is converted there on its own (src/zh/overrides.ts).
   */
  glossary: z.record(Text('glossary term'), z.partialRecord(AnyLocaleSchema, Text('glossary form'))).optional(),
};

type Rules = {
  draft?: boolean;
  origin: string;
  source?: unknown;
  publishedAt: Date;
  updatedAt?: Date | undefined;
  corrections?: readonly { date: Date; text?: unknown }[];
  canonical?: string;
};

/** The reader-facing fields of an article as the schema has parsed them so far (types not narrowed yet). */
interface ReaderFields {
  title?: unknown;
  summary?: unknown;
  body?: unknown;
  tags?: unknown;
  source?: unknown;
  image?: unknown;
  corrections?: unknown;
  authors?: unknown;
}

/** A field of an object not narrowed yet (`undefined` when it is not an object). */
const fieldOf = (value: unknown, name: string): unknown =>
  value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;

/** Reader-facing texts checked for mojibake (src/model/mojibake.ts): [path, text, multiline]. */
function readerTexts(a: ReaderFields): [(string | number)[], unknown, boolean][] {
  return [
    [['title'], a.title, false],
    [['summary'], a.summary, false],
    [['body'], a.body, true],
    ...(Array.isArray(a.tags) ? (a.tags as unknown[]) : []).map((t, i): [(string | number)[], unknown, boolean] => [['tags', i], t, false]),
    [['source', 'name'], fieldOf(a.source, 'name'), false],
    [['source', 'author'], fieldOf(a.source, 'author'), false],
    [['image', 'alt'], fieldOf(a.image, 'alt'), false],
    [['image', 'caption'], fieldOf(a.image, 'caption'), false],
    ...(Array.isArray(a.corrections) ? (a.corrections as unknown[]) : []).map((c, i): [(string | number)[], unknown, boolean] => [
      ['corrections', i, 'text'],
      fieldOf(c, 'text'),
      false,
    ]),
    // An author's bio and photo are read on the author page: checked with each article that names the author.
    ...(Array.isArray(a.authors) ? (a.authors as unknown[]) : []).flatMap((au, i): [(string | number)[], unknown, boolean][] => [
      [['authors', i, 'bio'], fieldOf(au, 'bio'), false],
      [['authors', i, 'photo', 'alt'], fieldOf(fieldOf(au, 'photo'), 'alt'), false],
    ]),
  ];
}

function mojibakeRules(a: ReaderFields, ctx: z.RefinementCtx) {
  for (const [path, text, multiline] of readerTexts(a)) {
    if (typeof text !== 'string') continue;
    const hits = findMojibake(text);
    if (hits.length) ctx.addIssue({ code: 'custom', path, message: describeMojibake(hits, multiline) });
  }
}

function articleRules(a: Rules, ctx: z.RefinementCtx) {
  // A draft may keep a flagged run for the editor to fix (the importer's --allow-flags); drafts are never built.
  if (!a.draft) mojibakeRules(a, ctx);
  // Control characters, noncharacters and lone surrogates in any string of the article (src/model/text-rules.ts).
  if (!a.draft) for (const issue of forbiddenCharacterIssues(a)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  if (a.origin === 'reprint' && !a.source) {
    ctx.addIssue({
      code: 'custom',
      path: ['source'],
      message: 'a reprint needs source: { name, url } naming the outlet it was taken from',
    });
  }
  if (a.canonical === 'source' && !a.source) {
    ctx.addIssue({
      code: 'custom',
      path: ['canonical'],
      message: 'canonical: source needs source: { name, url } to point search engines at',
    });
  }
  if (a.updatedAt && a.updatedAt < a.publishedAt) {
    ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'updatedAt is earlier than publishedAt' });
  }
  (a.corrections ?? []).forEach((c, i) => {
    if (c.date < a.publishedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['corrections', i, 'date'],
        message: 'a correction cannot be dated before publishedAt; give the time the correction was made',
      });
    }
  });
}

/** An article with its authors and category resolved: what every source produces, what the site reads. */
export const ArticleSchema = z
  .object({
    ...articleFields,
    authors: z.array(AuthorSchema).min(1, 'at least one author is required'),
    category: CategorySchema,
    /**
     * The entries of the site glossary (content/glossary.yaml, or the Sanity document siteGlossary) that can apply
     * to this article, set by the source (src/zh/article-overrides.ts `withSiteGlossary`). Part of the article, so
     * the render cache's key holds them: editing an entry re-renders exactly the articles that contain it.
     */
    siteGlossary: z.array(z.object({ term: z.string(), forms: z.partialRecord(AnyLocaleSchema, z.string()) }).strict()).optional(),
  })
  .strict()
  .superRefine(articleRules);

/** A reference by slug to an entry of the taxonomy, resolved to the entry. */
function reference<T>(what: string, entries: ReadonlyMap<string, T>, where: string) {
  return z.string({ error: `${what} must be a slug` }).transform((slug, ctx) => {
    const entry = entries.get(slug);
    if (!entry) {
      const known = [...entries.keys()].join(', ') || '(none)';
      ctx.addIssue({ code: 'custom', message: `unknown ${what} "${slug}"; add it to ${where} or use one of: ${known}` });
      return z.NEVER;
    }
    return entry;
  });
}

/**
 * The schema of an article that names its authors and category by slug (Markdown front matter),
 * resolving them against a taxonomy. Its output is an Article.
 */
export function createArticleInputSchema(taxonomy: Taxonomy, where: { authors: string; categories: string }) {
  return z
    .object({
      ...articleFields,
      authors: z
        .array(reference('author', taxonomy.authors, where.authors), { error: 'authors must be a list of author slugs' })
        .min(1, 'at least one author is required'),
      category: reference('category', taxonomy.categories, where.categories),
    })
    .strict()
    .superRefine(articleRules);
}

export type Article = z.output<typeof ArticleSchema>;
/** Any schema whose output is an Article. */
export type ArticleSchemaLike = z.ZodType<Article>;
export type Origin = (typeof ORIGINS)[number];

/** A bad article: names where it came from (file path or document id) and each bad field. */
export class ArticleError extends Error {
  override name = 'ArticleError';
  // Plain fields, not parameter properties: scripts run this file under Node's type stripping.
  readonly where: string;
  readonly issues: readonly FieldIssue[];
  constructor(where: string, issues: readonly FieldIssue[]) {
    super(
      `[tongbao] ${where}: invalid article\n` + issues.map((i) => `  - ${i.field}: ${i.message}`).join('\n') + `\n  Fix ${where} and build again.`,
    );
    this.where = where;
    this.issues = issues;
  }
}

export function parseArticle(schema: ArticleSchemaLike, input: unknown, where: string): Article {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ArticleError(where, fieldIssues(result.error, '(article)'));
}

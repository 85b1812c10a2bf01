/**
 * The one Article model. Every source (Markdown files, Sanity) maps its documents to this shape,
 * and everything downstream (pipeline, pages, feeds) reads only this shape.
 */
import { z } from 'zod';
import { LocaleSchema } from './locale.ts';

export const ORIGINS = ['original', 'reprint', 'press-release'] as const;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An instant with its offset, as editors and CMSs write it: 2023-03-25T18:00:00+08:00. */
const INSTANT_HINT = 'expected an ISO 8601 date-time with its offset, such as 2023-03-25T18:00:00+08:00';
const IsoInstant = z.iso.datetime({ offset: true });
const Instant = z
  .union([z.date(), z.string()], { error: INSTANT_HINT })
  .transform((value, ctx) => {
    if (value instanceof Date) return value;
    if (!IsoInstant.safeParse(value).success) {
      ctx.addIssue({ code: 'custom', message: `${INSTANT_HINT} (got "${value}")` });
      return z.NEVER;
    }
    return new Date(value);
  });

const Text = (what: string) =>
  z
    .string({ error: `${what} is required and must be text` })
    .trim()
    .min(1, `${what} must not be empty`);

export function createArticleSchema(categorySlugs: readonly string[]) {
  return z
    .object({
      /** The URL segment of the article, the same in every locale: lower-case latin letters, digits and hyphens. */
      slug: z
        .string({ error: 'slug is required' })
        .regex(SLUG_PATTERN, 'slug must be lower-case latin letters, digits and single hyphens, e.g. "tech-fair-2023"'),
      /** Headline, in the source script. */
      title: Text('title').max(120, 'title is longer than 120 characters; shorten the headline'),
      /** One or two sentences shown under the headline, in lists and as the feed description. */
      summary: Text('summary').max(400, 'summary is longer than 400 characters'),
      /** The article body in Markdown (GFM). Raw HTML is sanitized. */
      body: Text('body'),
      /** When the article was (or will be) published; articles dated in the future are not built. */
      publishedAt: Instant,
      /** When the article was last substantially corrected. */
      updatedAt: Instant.optional(),
      /** Author or authors, by name, in the source script. */
      authors: z.array(Text('author name'), { error: 'authors must be a list of names' }).min(1, 'at least one author is required'),
      /** Category slug from the site's taxonomy (src/config/site.ts). */
      category: z.string({ error: 'category is required' }).refine((c) => categorySlugs.includes(c), {
        error: (issue) => `unknown category "${String(issue.input)}"; use one of: ${categorySlugs.join(', ')}`,
      }),
      /** Free keywords, in the source script. */
      tags: z.array(Text('tag')).default([]),
      /** The script the editor wrote in; the other script is generated from it. */
      sourceLocale: LocaleSchema,
      /** original: written by us; reprint: copied from another outlet; press-release: issued by an organisation. */
      origin: z.enum(ORIGINS, { error: `origin must be one of: ${ORIGINS.join(', ')}` }),
      /** Where a reprint (or a press release) was taken from. Required for reprints. */
      source: z
        .object({
          name: Text('source.name'),
          url: z.url({ protocol: /^https?$/, error: 'source.url must be an http(s) URL' }),
          author: Text('source.author').optional(),
        })
        .optional(),
      /** Adds the market-risk notice whatever the category. */
      riskNotice: z.boolean().default(false),
      /** Lead image. `alt` describes it for readers who cannot see it. */
      image: z
        .object({
          src: Text('image.src'),
          alt: Text('image.alt'),
          caption: Text('image.caption').optional(),
        })
        .optional(),
      /** Drafts are never built. */
      draft: z.boolean().default(false),
    })
    .strict()
    .superRefine((a, ctx) => {
      if (a.origin === 'reprint' && !a.source) {
        ctx.addIssue({
          code: 'custom',
          path: ['source'],
          message: 'a reprint needs source: { name, url } naming the outlet it was taken from',
        });
      }
      if (a.updatedAt && a.updatedAt < a.publishedAt) {
        ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'updatedAt is earlier than publishedAt' });
      }
    });
}

export type ArticleSchema = ReturnType<typeof createArticleSchema>;
export type Article = z.output<ArticleSchema>;
export type ArticleInput = z.input<ArticleSchema>;
export type Origin = (typeof ORIGINS)[number];

/** A bad article: names where it came from (file path or document id) and each bad field. */
export class ArticleError extends Error {
  override name = 'ArticleError';
  constructor(
    readonly where: string,
    readonly issues: readonly { field: string; message: string }[],
  ) {
    super(
      `[tongbao] ${where}: invalid article\n` +
        issues.map((i) => `  - ${i.field}: ${i.message}`).join('\n') +
        `\n  Fix ${where} and build again.`,
    );
  }
}

export function parseArticle(schema: ArticleSchema, input: unknown, where: string): Article {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ArticleError(
    where,
    result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ field: key, message: 'unknown field; check its spelling or remove it' }))
        : [{ field: issue.path.length ? issue.path.map(String).join('.') : '(article)', message: issue.message }],
    ),
  );
}

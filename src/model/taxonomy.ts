/**
 * Authors and categories: entries an article refers to by slug. Names are written once, in their
 * own script; other locales get them converted unless `names` gives a locale its own form.
 */
import { z } from 'zod';
import { AnyLocaleSchema, LocaleSchema } from './locale.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const Slug = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .regex(SLUG_PATTERN, `${what} must be lower-case latin letters, digits and single hyphens, e.g. "tech-fair-2023"`);

export const Text = (what: string) =>
  z
    .string({ error: `${what} is required and must be text` })
    .trim()
    .min(1, `${what} must not be empty`);

/** A name in its own script, with optional per-locale forms that win over conversion. */
const NameFields = {
  name: Text('name'),
  /** The script `name` is written in. */
  nameLocale: LocaleSchema.default('zh-Hans'),
  /** A locale's own form of the name, where conversion would be wrong (personal names, brands). */
  names: z.partialRecord(AnyLocaleSchema, Text('names')).optional(),
};

export const AuthorSchema = z
  .object({
    slug: Slug('slug'),
    ...NameFields,
    /** A page about the author elsewhere (profile, homepage). */
    url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }).optional(),
    bio: Text('bio').optional(),
  })
  .strict();

export const CategorySchema = z
  .object({
    slug: Slug('slug'),
    ...NameFields,
    /** Articles in this category always carry the market-risk notice. */
    riskNotice: z.boolean().default(false),
    description: Text('description').optional(),
  })
  .strict();

export type Author = z.output<typeof AuthorSchema>;
export type Category = z.output<typeof CategorySchema>;

export interface Taxonomy {
  authors: ReadonlyMap<string, Author>;
  categories: ReadonlyMap<string, Category>;
}

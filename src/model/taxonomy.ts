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
    /** A few sentences about the author, in `nameLocale`'s script: the author page shows it, converted like the name. */
    bio: Text('bio').max(600, 'bio is longer than 600 characters; keep it to a few sentences').optional(),
    /**
     * A portrait: a file in the content folder's images/ (`/images/authors/<slug>.png`, through the image
     * pipeline like lead images), or, from a source that resizes images (Sanity), its URL with srcset and size.
     */
    photo: z
      .object(
        {
          src: Text('photo.src').refine((src) => /^\/(?!\/)/.test(src) || /^https?:\/\//i.test(src), {
            error:
              'photo.src must be a site path starting with "/" (e.g. /images/authors/chen-chen.png: a file in content/images/) or an http(s) URL',
          }),
          alt: Text('photo.alt'),
          srcset: z.string({ error: 'photo.srcset must be text' }).optional(),
          width: z.number({ error: 'photo.width must be a number' }).int().positive().optional(),
          height: z.number({ error: 'photo.height must be a number' }).int().positive().optional(),
        },
        { error: 'photo must be a mapping with src and alt' },
      )
      .strict()
      .optional(),
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

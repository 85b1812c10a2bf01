import { defineField, type SlugValidationContext } from 'sanity';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug unique among documents of its type, drafts included (the URL segment). */
export async function isUniqueSlug(slug: string, context: SlugValidationContext): Promise<boolean> {
  const { document, getClient } = context;
  const id = (document?._id ?? '').replace(/^drafts\./, '');
  const client = getClient({ apiVersion: '2025-02-19' });
  const count = await client.fetch<number>('count(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published])])', {
    type: document?._type ?? '',
    slug,
    draft: `drafts.${id}`,
    published: id,
  });
  return count === 0;
}

export function slugField(source: string, type: string) {
  return defineField({
    name: 'slug',
    title: 'Slug (URL)',
    type: 'slug',
    description: 'The last part of the address: lower-case latin letters, digits and hyphens, e.g. tech-fair-2023.',
    options: { source, maxLength: 96, isUnique: isUniqueSlug },
    // One custom rule (it also runs on an empty value), so the editor reads our words, not "Required".
    validation: (r) =>
      r
        .custom((value) => {
          const current = (value as { current?: string } | undefined)?.current?.trim();
          if (!current) return `A ${type} needs a slug: it is the address of its page. Type one or press "Generate".`;
          return SLUG_PATTERN.test(current) || 'Use only lower-case latin letters, digits and single hyphens, e.g. tech-fair-2023.';
        })
        .error(),
  });
}

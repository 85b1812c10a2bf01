import { defineField, defineType } from 'sanity';

/** A block of program code or commands: published as written, never converted. */
export const code = defineType({
  name: 'code',
  title: 'Code',
  type: 'object',
  fields: [
    defineField({ name: 'language', title: 'Language', type: 'string', description: 'e.g. sh, js, python (optional)' }),
    defineField({
      name: 'code',
      title: 'Code',
      type: 'text',
      rows: 6,
      validation: (r) => r.required().error('A code block needs code; remove the block if it is empty.'),
    }),
  ],
  preview: { select: { title: 'code', subtitle: 'language' } },
});

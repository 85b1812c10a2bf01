import { defineArrayMember, defineField, defineType } from 'sanity';

/** A simple table of text; the first row is the header row. */
export const table = defineType({
  name: 'table',
  title: 'Table',
  type: 'object',
  fields: [
    defineField({
      name: 'rows',
      title: 'Rows (the first is the header)',
      type: 'array',
      of: [
        defineArrayMember({
          name: 'tableRow',
          type: 'object',
          fields: [defineField({ name: 'cells', title: 'Cells', type: 'array', of: [defineArrayMember({ type: 'string' })] })],
          preview: { select: { cells: 'cells' }, prepare: ({ cells }: { cells?: string[] }) => ({ title: (cells ?? []).join(' | ') }) },
        }),
      ],
      validation: (r) => r.required().min(1).error('A table needs at least its header row.'),
    }),
  ],
});

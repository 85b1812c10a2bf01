import { defineField, defineType } from 'sanity';
import { LOCALE_OPTIONS } from '../objects/localeChoice.ts';
import { slugField } from './slugField.ts';

export const category = defineType({
  name: 'category',
  title: 'Category',
  type: 'document',
  fields: [
    defineField({ name: 'name', title: 'Name', type: 'string', validation: (r) => r.required().error('Give the category a name.') }),
    slugField('name', 'category'),
    defineField({
      name: 'nameLocale',
      title: 'Script of the name',
      type: 'string',
      options: { list: LOCALE_OPTIONS, layout: 'radio' },
      initialValue: 'zh-Hans',
      validation: (r) => r.required(),
    }),
    defineField({ name: 'names', title: 'Own forms per script', type: 'localizedNames' }),
    defineField({
      name: 'riskNotice',
      title: 'Market-risk notice',
      type: 'boolean',
      description: 'Every article in this category carries the market-risk notice (finance, funds, securities).',
      initialValue: false,
    }),
    defineField({ name: 'description', title: 'Description', type: 'text', rows: 2 }),
  ],
  preview: { select: { title: 'name', subtitle: 'slug.current' } },
});

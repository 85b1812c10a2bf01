import { defineField, defineType } from 'sanity';
import { LOCALE_OPTIONS } from '../objects/localeChoice.ts';
import { slugField } from './slugField.ts';
import { imageFields } from '../objects/imageFields.ts';
import { textErrorsOf } from '../rules/text-rules.ts';

export const author = defineType({
  name: 'author',
  title: 'Author',
  type: 'document',
  fields: [
    defineField({ name: 'name', title: 'Name', type: 'string', validation: (r) => r.required().error('Give the author a name.') }),
    slugField('name', 'author'),
    defineField({
      name: 'nameLocale',
      title: 'Script of the name',
      type: 'string',
      options: { list: LOCALE_OPTIONS, layout: 'radio' },
      initialValue: 'zh-Hans',
      validation: (r) => r.required().error('Say which script the name is written in.'),
    }),
    defineField({ name: 'names', title: 'Own forms per script', type: 'localizedNames' }),
    defineField({
      name: 'url',
      title: 'Profile page',
      type: 'url',
      validation: (r) => r.uri({ scheme: ['http', 'https'] }).error('Use an http(s) address.'),
    }),
    defineField({
      name: 'bio',
      title: 'Short bio',
      type: 'text',
      rows: 3,
      description: 'A few sentences for the author page, in the script of the name (the other is generated).',
      validation: (r) => [r.max(600).error('Keep the bio under 600 characters.'), r.custom((value) => textErrorsOf(value, true)).error()],
    }),
    defineField({
      name: 'photo',
      title: 'Photo',
      type: 'image',
      description: 'A square portrait for the author page.',
      options: { hotspot: true },
      fields: [imageFields[0]!],
    }),
  ],
  preview: { select: { title: 'name', subtitle: 'slug.current', media: 'photo' } },
});

import { defineArrayMember, defineField, defineType } from 'sanity';
import { imageFields } from '../objects/imageFields.ts';
import { LOCALE_OPTIONS } from '../objects/localeChoice.ts';
import { slugField } from './slugField.ts';
import { ambiguityWarningsOf, bodyErrorsOf, bodyScriptWarningsOf, scriptWarningsOf, textErrorsOf } from '../rules/text-rules.ts';

export const ORIGINS = [
  { title: 'Original (written by us)', value: 'original' },
  { title: 'Reprint (from another outlet)', value: 'reprint' },
  { title: 'Press release', value: 'press-release' },
];

export const article = defineType({
  name: 'article',
  title: 'Article',
  type: 'document',
  fields: [
    defineField({
      name: 'title',
      title: 'Headline',
      type: 'string',
      validation: (r) => [
        r.required().error('Every article needs a headline.'),
        r.max(120).error('Keep the headline under 120 characters.'),
        r.custom((value) => textErrorsOf(value)).error(),
        r.custom((value, context) => (typeof value === 'string' ? scriptWarningsOf(value, context) : true)).warning(),
        r.custom((value, context) => ambiguityWarningsOf(value, context)).warning(),
      ],
    }),
    slugField('title', 'article'),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      description: 'One or two sentences under the headline, in lists and in the feed.',
      validation: (r) => [
        r.required().error('Write a summary of one or two sentences.'),
        r.max(400).error('Keep the summary under 400 characters.'),
        r.custom((value) => textErrorsOf(value, true)).error(),
        r.custom((value, context) => (typeof value === 'string' ? scriptWarningsOf(value, context) : true)).warning(),
        r.custom((value, context) => ambiguityWarningsOf(value, context)).warning(),
      ],
    }),
    defineField({
      name: 'body',
      title: 'Body',
      type: 'blockContent',
      validation: (r) => [
        r.required().min(1).error('The article has no body yet.'),
        r.custom((value) => bodyErrorsOf(value)).error(),
        r.custom((value, context) => bodyScriptWarningsOf(value, context)).warning(),
      ],
    }),
    defineField({
      name: 'mainImage',
      title: 'Main image',
      type: 'image',
      options: { hotspot: true },
      fields: imageFields,
    }),
    defineField({
      name: 'publishedAt',
      title: 'Published at',
      type: 'datetime',
      description: 'A time in the future schedules the article: it appears with the first build after that time.',
      validation: (r) => r.required().error('Set the publication time (a future time schedules the article).'),
    }),
    defineField({
      name: 'updatedAt',
      title: 'Updated at',
      type: 'datetime',
      description: 'Only for a substantial correction.',
      validation: (r) =>
        r
          .custom((value, context) => {
            const published = (context.document as { publishedAt?: string } | undefined)?.publishedAt;
            if (!value || !published) return true;
            return new Date(value as string) >= new Date(published) || 'The update cannot be earlier than the publication time.';
          })
          .error(),
    }),
    defineField({
      name: 'corrections',
      title: 'Corrections',
      type: 'array',
      description: 'A correction (更正) is shown at the end of the article with its date, listed on the corrections page and sent in the feeds.',
      of: [defineArrayMember({ type: 'correction' })],
    }),
    defineField({
      name: 'authors',
      title: 'Authors',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'author' }] })],
      validation: (r) => r.required().min(1).unique().error('Name at least one author (each once).'),
    }),
    defineField({
      name: 'category',
      title: 'Category',
      type: 'reference',
      to: [{ type: 'category' }],
      validation: (r) => r.required().error('Choose a category.'),
    }),
    defineField({ name: 'tags', title: 'Tags', type: 'array', of: [defineArrayMember({ type: 'string' })], options: { layout: 'tags' } }),
    defineField({
      name: 'sourceLocale',
      title: 'Written in',
      type: 'string',
      description: 'The script you wrote in; the other is generated.',
      options: { list: LOCALE_OPTIONS, layout: 'radio' },
      initialValue: 'zh-Hans',
      validation: (r) => r.required().error('Say which script the article is written in.'),
    }),
    defineField({
      name: 'origin',
      title: 'Origin',
      type: 'string',
      options: { list: ORIGINS, layout: 'radio' },
      initialValue: 'original',
      validation: (r) => r.required().error('Say where the article comes from: it decides the notice under it.'),
    }),
    defineField({
      name: 'source',
      title: 'Source',
      type: 'object',
      description: 'The outlet a reprint or press release was taken from. Required for reprints.',
      fields: [
        defineField({ name: 'name', title: 'Outlet', type: 'string' }),
        defineField({
          name: 'url',
          title: 'Address of the original',
          type: 'url',
          validation: (r) => r.uri({ scheme: ['http', 'https'] }).error('Use an http(s) address.'),
        }),
        defineField({ name: 'author', title: 'Original author', type: 'string' }),
      ],
      validation: (r) =>
        r
          .custom((value, context) => {
            const origin = (context.document as { origin?: string } | undefined)?.origin;
            const source = value as { name?: string; url?: string } | undefined;
            if (origin !== 'reprint') return true;
            if (!source?.name || !source.url) return 'A reprint needs its source: the outlet and the address of the original.';
            return true;
          })
          .error(),
    }),
    defineField({
      name: 'riskNotice',
      title: 'Market-risk notice',
      type: 'boolean',
      description: 'Adds the market-risk notice, whatever the category.',
      initialValue: false,
    }),
    defineField({
      name: 'glossary',
      title: 'Glossary for this article',
      type: 'array',
      description: 'Terms the conversion must write a particular way in this article.',
      of: [defineArrayMember({ type: 'glossaryEntry' })],
    }),
  ],
  orderings: [{ title: 'Published, newest first', name: 'publishedAtDesc', by: [{ field: 'publishedAt', direction: 'desc' }] }],
  preview: { select: { title: 'title', subtitle: 'publishedAt', media: 'mainImage' } },
});

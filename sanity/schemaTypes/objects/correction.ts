import { defineField, defineType } from 'sanity';
import { scriptWarningsOf, textErrorsOf } from '../rules/text-rules.ts';

/** A correction published with an article (更正): when it was made and what it says, in the article's script. */
export const correction = defineType({
  name: 'correction',
  title: 'Correction',
  type: 'object',
  fields: [
    defineField({
      name: 'date',
      title: 'Corrected at',
      type: 'datetime',
      description: 'When the correction was made; it dates the article’s last change.',
      validation: (r) => [
        r.required().error('Give the time the correction was made.'),
        r
          .custom((value, context) => {
            const published = (context.document as { publishedAt?: string } | undefined)?.publishedAt;
            if (!value || !published) return true;
            return new Date(value as string) >= new Date(published) || 'A correction cannot be dated before the publication time.';
          })
          .error(),
      ],
    }),
    defineField({
      name: 'text',
      title: 'Correction',
      type: 'text',
      rows: 3,
      description: 'What was wrong and what is right, in the script the article is written in (the other is generated).',
      validation: (r) => [
        r.required().error('Say what the correction is.'),
        r.max(1000).error('Keep a correction under 1000 characters.'),
        r.custom((value) => textErrorsOf(value, true)).error(),
        r.custom((value, context) => (typeof value === 'string' ? scriptWarningsOf(value, context) : true)).warning(),
      ],
    }),
  ],
  preview: { select: { title: 'text', subtitle: 'date' } },
});

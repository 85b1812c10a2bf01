import { defineField } from 'sanity';
import { textErrorsOf } from '../rules/text-rules.ts';

/** Fields of every image: the alt text readers who cannot see it get (required), and a caption. */
export const imageFields = [
  defineField({
    name: 'alt',
    title: 'Alternative text',
    type: 'string',
    description: 'What the image shows, for readers who cannot see it. Required.',
    validation: (r) => [
      r.required().error('Describe the image in the alternative text: readers using screen readers rely on it.'),
      r.custom((value) => textErrorsOf(value)).error(),
    ],
  }),
  defineField({ name: 'caption', title: 'Caption', type: 'string', validation: (r) => r.custom((value) => textErrorsOf(value)).error() }),
];

import { defineArrayMember, defineType } from 'sanity';
import { imageFields } from './imageFields.ts';

/**
 * The article body. What the site renders (src/pipeline/portable-text.ts) and nothing more:
 * paragraphs, h2–h4, block quotes, bullet and numbered lists, bold, italic, code, strike-through,
 * links, images with captions, code blocks and tables.
 */
export const blockContent = defineType({
  name: 'blockContent',
  title: 'Body',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: 'Normal', value: 'normal' },
        { title: 'Heading 2', value: 'h2' },
        { title: 'Heading 3', value: 'h3' },
        { title: 'Heading 4', value: 'h4' },
        { title: 'Quote', value: 'blockquote' },
      ],
      lists: [
        { title: 'Bullet', value: 'bullet' },
        { title: 'Numbered', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Strong', value: 'strong' },
          { title: 'Emphasis', value: 'em' },
          { title: 'Code', value: 'code' },
          { title: 'Strike', value: 'strike-through' },
        ],
        annotations: [
          {
            name: 'link',
            type: 'object',
            title: 'Link',
            fields: [
              {
                name: 'href',
                type: 'url',
                title: 'URL',
                validation: (r) =>
                  r
                    .required()
                    .uri({ scheme: ['http', 'https', 'mailto'], allowRelative: true })
                    .error('A link needs an http(s) or mailto: address.'),
              },
            ],
          },
        ],
      },
    }),
    defineArrayMember({ type: 'image', options: { hotspot: true }, fields: imageFields }),
    defineArrayMember({ type: 'code' }),
    defineArrayMember({ type: 'table' }),
  ],
});

/**
 * What an article body may contain: GitHub's rules (hast-util-sanitize's default schema) plus
 * figures with captions and the conversion opt-out class. Everything else is removed.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import { OPT_OUT_CLASS } from './plugins/rehype-opencc.ts';

const base = defaultSchema;
const baseAttributes = base.attributes ?? {};

export const articleSchema: Schema = {
  ...base,
  tagNames: [...(base.tagNames ?? []), 'figure', 'figcaption', 'caption', 'mark', 'small', 'cite', 'abbr'],
  attributes: {
    ...baseAttributes,
    span: [...(baseAttributes.span ?? []), ['className', OPT_OUT_CLASS]],
    p: [...(baseAttributes.p ?? []), ['className', OPT_OUT_CLASS]],
    div: [...(baseAttributes.div ?? []), ['className', OPT_OUT_CLASS]],
    figure: [...(baseAttributes.figure ?? []), ['className', OPT_OUT_CLASS]],
    // Responsive images from Portable Text (srcset built by the Sanity source).
    img: [...(baseAttributes.img ?? []), 'srcSet', 'sizes', 'loading', 'decoding'],
  },
  // Every attribute that holds a URL is checked against the allowed protocols; GitHub's schema checks
  // href, cite, src and longDesc only, and allows `action` (on every element) and `itemtype` unchecked.
  // `srcset` holds several URLs in one string, which this check cannot read: each of its candidates is
  // checked by sanitizeSrcsets (sanitize-urls.ts), run right after the sanitizer.
  protocols: {
    ...base.protocols,
    action: ['http', 'https'],
    itemType: ['http', 'https'],
  },
  // Elements whose content must go with them, not be unwrapped into text.
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'textarea', 'select', 'title'],
};

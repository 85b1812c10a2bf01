/**
 * The article body pipeline:
 * Markdown → mdast (remark-parse + GFM) → hast (remark-rehype, raw HTML parsed by rehype-raw)
 * → rehype-sanitize → OpenCC on text, alt and title → disclaimers → HTML.
 * Pure: everything it needs comes in as arguments.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import rehypeOpencc from './plugins/rehype-opencc.ts';
import rehypeDisclaimers from './plugins/rehype-disclaimers.ts';
import { articleSchema } from './sanitize-schema.ts';
import type { Disclaimer } from './disclaimers.ts';
import type { Convert } from '../zh/convert.ts';
import { portableTextToMdast, type PortableTextBody } from './portable-text.ts';

/** Bump when a change to the pipeline changes its output (part of the render cache key). */
export const PIPELINE_VERSION = 1;

export interface RenderBodyOptions {
  convert: Convert;
  disclaimers: readonly Disclaimer[];
  disclaimerLabel: string;
}

export function renderBody(body: string | PortableTextBody, options: RenderBodyOptions): string {
  if (typeof body !== 'string') return renderPortableText(body, options);
  const markdown = body;
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, articleSchema)
    .use(rehypeOpencc, { convert: options.convert })
    .use(rehypeDisclaimers, { disclaimers: options.disclaimers, label: options.disclaimerLabel })
    .use(rehypeStringify);
  return String(processor.processSync(markdown));
}

/**
 * A Portable Text body (from Sanity) through the same chain: it becomes the mdast a Markdown body
 * becomes, then remark-rehype → sanitize → OpenCC → disclaimers, so equal content gives equal HTML.
 */
export function renderPortableText(body: PortableTextBody, options: RenderBodyOptions): string {
  const processor = unified()
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, articleSchema)
    .use(rehypeOpencc, { convert: options.convert })
    .use(rehypeDisclaimers, { disclaimers: options.disclaimers, label: options.disclaimerLabel })
    .use(rehypeStringify);
  const tree = processor.runSync(portableTextToMdast(body));
  return processor.stringify(tree);
}

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
import rehypeExternalLinks from './plugins/rehype-external-links.ts';
import { articleSchema } from './sanitize-schema.ts';
import type { Disclaimer } from './disclaimers.ts';
import type { Convert } from '../zh/convert.ts';

/** Bump when a change to the pipeline changes its output (part of the render cache key). */
export const PIPELINE_VERSION = 2;

export interface RenderBodyOptions {
  convert: Convert;
  disclaimers: readonly Disclaimer[];
  disclaimerLabel: string;
}

export function renderBody(markdown: string, options: RenderBodyOptions): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, articleSchema)
    .use(rehypeOpencc, { convert: options.convert })
    .use(rehypeDisclaimers, { disclaimers: options.disclaimers, label: options.disclaimerLabel })
    .use(rehypeExternalLinks)
    .use(rehypeStringify);
  return String(processor.processSync(markdown));
}

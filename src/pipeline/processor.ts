/**
 * The article body pipeline:
 * Markdown → mdast (remark-parse + GFM) → hast (remark-rehype, raw HTML parsed by rehype-raw)
 * → rehype-sanitize → OpenCC on text, alt and title → disclaimers → HTML.
 * Split in two so an article is parsed and sanitized once and then rendered for each locale:
 * parseBody (source script, sanitized) and renderTree (per locale). The rehype plugins are thin
 * adapters over the same pure functions, for use in other processors.
 * Pure: everything it needs comes in as arguments.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { convertTree } from './plugins/rehype-opencc.ts';
import { disclaimerBlock } from './plugins/rehype-disclaimers.ts';
import { articleSchema } from './sanitize-schema.ts';
import { rehypeSafeSrcset } from './sanitize-urls.ts';
import type { Disclaimer } from './disclaimers.ts';
import type { Convert } from '../zh/convert.ts';
import { portableTextToMdast, type PortableTextBody } from './portable-text.ts';
import { markExternalLinks } from './external-links.ts';

/** Bump when a change to the pipeline changes its output (part of the render cache key). */
export const PIPELINE_VERSION = 4;

export interface RenderBodyOptions {
  convert: Convert;
  disclaimers: readonly Disclaimer[];
  disclaimerLabel: string;
}

/** Raw HTML anywhere in the Markdown? Only then is the (costly) HTML re-parse needed. */
const MAY_HAVE_HTML = /<[a-zA-Z!/?]/;

const withRawHtml = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, articleSchema)
  .use(rehypeSafeSrcset)
  .freeze();
const withoutRawHtml = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, articleSchema).use(rehypeSafeSrcset).freeze();

/**
 * A body (Markdown, or Portable Text from Sanity) → sanitized hast, in the source script. Done once
 * per article; every locale is then rendered from this tree. Portable Text becomes the mdast a
 * Markdown body becomes, so equal content gives equal HTML.
 */
export function parseBody(body: string | PortableTextBody): Root {
  if (typeof body !== 'string') return withRawHtml.runSync(portableTextToMdast(body)) as Root;
  const processor = MAY_HAVE_HTML.test(body) ? withRawHtml : withoutRawHtml;
  return processor.runSync(processor.parse(body)) as Root;
}

/** Sanitized hast → one locale's hast: converted, with its disclaimers. Leaves `tree` untouched. */
export function renderHast(tree: Root, options: RenderBodyOptions): Root {
  const copy = structuredClone(tree);
  convertTree(copy, options.convert);
  const block = disclaimerBlock(options.disclaimers, options.disclaimerLabel);
  if (block) copy.children.push(block);
  markExternalLinks(copy);
  return copy;
}

/** Sanitized hast → one locale's HTML: converted, with its disclaimers. Leaves `tree` untouched. */
export function renderTree(tree: Root, options: RenderBodyOptions): string {
  return toHtml(renderHast(tree, options));
}

/** A Markdown or Portable Text body through the whole chain, for one locale. */
export function renderBody(body: string | PortableTextBody, options: RenderBodyOptions): string {
  return renderTree(parseBody(body), options);
}

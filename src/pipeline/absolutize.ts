/**
 * The article HTML of a page, for use away from the page (feeds): the same HTML with every URL
 * absolute. Pure: a transform of the HTML string; the page's own HTML is not touched.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import rehypeAbsoluteUrls from './plugins/rehype-absolute-urls.ts';

export function absolutizeHtml(html: string, base: string): string {
  return String(unified().use(rehypeParse, { fragment: true }).use(rehypeAbsoluteUrls, { base }).use(rehypeStringify).processSync(html));
}

/**
 * rehype plugin: every URL inside the tree (links, images, media, citations) made absolute against a
 * base, so that HTML read away from its page (in a feed reader) still points at the right place.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** hast property names that hold one URL. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'cite', 'longDesc', 'data'] as const;

/** One URL made absolute; a value that is not a URL is left as written. */
function absolute(value: string, base: string): string {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return value;
  }
}

/** `srcset` candidates ("a.png 1x, b.png 2x") with each URL made absolute. */
function absoluteSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((candidate) => candidate.trim())
    .filter(Boolean)
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.split(/\s+/);
      return [absolute(url, base), ...descriptor].join(' ');
    })
    .join(', ');
}

/** Pure: rewrites the URL properties of every element in place. */
function absolutizeTree(tree: Root, base: string): void {
  visit(tree, 'element', (node: Element) => {
    const props = node.properties;
    for (const name of URL_PROPERTIES) {
      const value = props[name];
      if (typeof value === 'string' && value !== '') props[name] = absolute(value, base);
    }
    const srcset = props.srcSet;
    // hast keeps srcset as a list of candidates; written back as one string, which serializes the same.
    if (Array.isArray(srcset) || typeof srcset === 'string') {
      props.srcSet = absoluteSrcset(Array.isArray(srcset) ? srcset.join(', ') : srcset, base);
    }
  });
}

export interface RehypeAbsoluteUrlsOptions {
  /** The absolute URL the HTML was written for (the article's page). */
  base: string;
}

export default function rehypeAbsoluteUrls(options: RehypeAbsoluteUrlsOptions) {
  return (tree: Root) => absolutizeTree(tree, options.base);
}

/**
 * rehype plugin: converts the script of every text node and of `alt`/`title` attributes.
 * Code (`code`, `pre`), `script`, `style` and anything inside an element with the opt-out class
 * stay as written.
 */
import type { Element, Root, RootContent } from 'hast';
import type { Convert } from '../../zh/convert.ts';

export const OPT_OUT_CLASS = 'no-convert';
const SKIP_TAGS = new Set(['code', 'pre', 'script', 'style', 'kbd', 'samp']);
const CONVERTED_ATTRIBUTES = ['alt', 'title'] as const;

export interface RehypeOpenccOptions {
  convert: Convert;
}

function isOptedOut(node: Element): boolean {
  const cls = node.properties.className;
  return SKIP_TAGS.has(node.tagName) || (Array.isArray(cls) && cls.includes(OPT_OUT_CLASS)) || node.properties.translate === 'no';
}

/** Pure: converts a hast tree in place. */
export function convertTree(tree: Root | Element, convert: Convert): void {
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        node.value = convert(node.value);
      } else if (node.type === 'element') {
        if (isOptedOut(node)) continue;
        for (const name of CONVERTED_ATTRIBUTES) {
          const value = node.properties[name];
          if (typeof value === 'string') node.properties[name] = convert(value);
        }
        walk(node.children);
      }
    }
  };
  walk(tree.children);
}

export default function rehypeOpencc(options: RehypeOpenccOptions) {
  return (tree: Root) => convertTree(tree, options.convert);
}

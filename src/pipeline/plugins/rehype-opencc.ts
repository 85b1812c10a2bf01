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

/** Never produced by the Markdown or HTML parsers (both turn NUL into U+FFFD), so it can join texts. */
const SEPARATOR = '\u0000';

/**
 * Pure: converts a hast tree in place. All convertible texts are joined and converted in one call
 * (OpenCC's phrases never span the separator), which is several times faster than a call per node.
 */
export function convertTree(tree: Root | Element, convert: Convert): void {
  const texts: string[] = [];
  const setters: ((value: string) => void)[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        texts.push(node.value);
        setters.push((value) => (node.value = value));
      } else if (node.type === 'element') {
        if (isOptedOut(node)) continue;
        for (const name of CONVERTED_ATTRIBUTES) {
          const value = node.properties[name];
          if (typeof value === 'string') {
            texts.push(value);
            setters.push((converted) => (node.properties[name] = converted));
          }
        }
        walk(node.children);
      }
    }
  };
  walk(tree.children);
  if (texts.length === 0) return;
  const converted = convert(texts.join(SEPARATOR)).split(SEPARATOR);
  if (converted.length === texts.length) {
    converted.forEach((value, i) => setters[i]?.(value));
  } else {
    // A converter that touched the separator: fall back to one call per text.
    texts.forEach((value, i) => setters[i]?.(convert(value)));
  }
}

export default function rehypeOpencc(options: RehypeOpenccOptions) {
  return (tree: Root) => convertTree(tree, options.convert);
}

/**
 * Script conversion of a hast tree (the pipeline's OpenCC step): converts the script of every text node and of `alt`/`title` attributes.
 * Code (`code`, `pre`), `script`, `style` and anything inside an element with the opt-out class
 * stay as written.
 */
import type { Element, Root, RootContent } from 'hast';
import type { Convert } from '../../zh/convert.ts';

export const OPT_OUT_CLASS = 'no-convert';
const SKIP_TAGS = new Set(['code', 'pre', 'script', 'style', 'kbd', 'samp']);
const CONVERTED_ATTRIBUTES = ['alt', 'title'] as const;

function isOptedOut(node: Element): boolean {
  const cls = node.properties.className;
  return SKIP_TAGS.has(node.tagName) || (Array.isArray(cls) && cls.includes(OPT_OUT_CLASS)) || node.properties.translate === 'no';
}

/** A text conversion touches: its value and how to write the converted value back. */
export interface ConvertibleText {
  value: string;
  set: (value: string) => void;
}

/**
 * Pure: every text of a hast tree that conversion touches, in document order: text nodes and `alt`/`title`
 * attributes, outside code, `script`, `style` and opted-out elements. The conversion review reads the same.
 */
export function convertibleTexts(tree: Root | Element): ConvertibleText[] {
  const texts: ConvertibleText[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        texts.push({ value: node.value, set: (value) => (node.value = value) });
      } else if (node.type === 'element') {
        if (isOptedOut(node)) continue;
        for (const name of CONVERTED_ATTRIBUTES) {
          const value = node.properties[name];
          if (typeof value === 'string') texts.push({ value, set: (converted) => (node.properties[name] = converted) });
        }
        walk(node.children);
      }
    }
  };
  walk(tree.children);
  return texts;
}

/** Never produced by the Markdown or HTML parsers (both turn NUL into U+FFFD), so it can join texts. */
const SEPARATOR = '\u0000';

/**
 * Pure: converts a hast tree in place. All convertible texts are joined and converted in one call
 * (OpenCC's phrases never span the separator), which is several times faster than a call per node.
 */
export function convertTree(tree: Root | Element, convert: Convert): void {
  const texts = convertibleTexts(tree);
  if (texts.length === 0) return;
  const converted = convert(texts.map((t) => t.value).join(SEPARATOR)).split(SEPARATOR);
  if (converted.length === texts.length) {
    converted.forEach((value, i) => texts[i]!.set(value));
  } else {
    // A converter that touched the separator: fall back to one call per text.
    for (const text of texts) text.set(convert(text.value));
  }
}

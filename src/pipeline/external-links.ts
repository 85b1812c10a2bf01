/**
 * External links (absolute http/https/protocol-relative hrefs) in a body get rel="noopener noreferrer":
 * the page they open cannot reach back through window.opener, and is not told where the reader came
 * from. Pure: changes the tree it is given, reads nothing else.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const EXTERNAL_REL = ['noopener', 'noreferrer'] as const;

export function isExternalHref(href: string): boolean {
  return /^(?:https?:)?\/\//i.test(href.trim());
}

export function markExternalLinks(tree: Root): Root {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a') return;
    const href = node.properties.href;
    if (typeof href !== 'string' || !isExternalHref(href)) return;
    const rel = Array.isArray(node.properties.rel) ? node.properties.rel.map(String) : [];
    node.properties.rel = [...rel, ...EXTERNAL_REL.filter((r) => !rel.includes(r))];
  });
  return tree;
}

/**
 * rehype plugin: links that leave the site carry rel="noopener noreferrer", so the page opened
 * gets no handle on ours (window.opener) and no referrer. Body links and disclaimer links alike.
 */
import type { Element, Root, RootContent } from 'hast';

export const EXTERNAL_REL = ['noopener', 'noreferrer'] as const;

/** True for absolute http(s) and protocol-relative URLs: everything that is not a path on this site. */
export function isExternalHref(href: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(href.trim());
}

/** Pure: adds the rel values to every external link of a tree, keeping rel values it already has. */
export function markExternalLinks(tree: Root | Element): void {
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const href = node.properties.href;
      if (node.tagName === 'a' && typeof href === 'string' && isExternalHref(href)) {
        const rel = Array.isArray(node.properties.rel) ? node.properties.rel.map(String) : [];
        node.properties.rel = [...rel, ...EXTERNAL_REL.filter((r) => !rel.includes(r))];
      }
      walk(node.children);
    }
  };
  walk(tree.children);
}

export default function rehypeExternalLinks() {
  return (tree: Root) => markExternalLinks(tree);
}

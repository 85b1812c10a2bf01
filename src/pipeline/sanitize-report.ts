/**
 * What rehype-sanitize will remove from a body, said before the build: raw HTML is not an error
 * (editors paste it), but it is unsafe, so the build warns with the line. Pure.
 */
import type { Element, Root, RootContent } from 'hast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { articleSchema } from './sanitize-schema.ts';

export interface Removed {
  /** 1-based line in the body. */
  line: number;
  /** `<script> element`, `onerror attribute on <img>`, `href="javascript:…" on <a>`. */
  what: string;
}

const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
const sanitizer = unified().use(rehypeSanitize, articleSchema);
const allowedTags = new Set(articleSchema.tagNames ?? []);

/** The element as it comes out of the sanitizer alone (children dropped), or undefined when it is removed. */
function sanitizeShallow(node: Element): Element | undefined {
  const bare: Element = { ...node, children: [] };
  const needs = articleSchema.ancestors?.[node.tagName]?.[0];
  const wrapped: Element = needs ? { type: 'element', tagName: needs, properties: {}, children: [bare] } : bare;
  const out = sanitizer.runSync({ type: 'root', children: [wrapped] } as Root) as Root;
  const first = out.children.find((c): c is Element => c.type === 'element');
  if (!first) return undefined;
  return needs ? first.children.find((c): c is Element => c.type === 'element') : first;
}

/** A value for a one-line message: cut, control characters and quotes escaped. */
const short = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

export function sanitizeReport(markdown: string): Removed[] {
  const tree = toHast.runSync(toHast.parse(markdown)) as Root;
  const removed: Removed[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const line = node.position?.start.line ?? 0;
      if (!allowedTags.has(node.tagName)) {
        removed.push({ line, what: `<${node.tagName}> element` });
        if ((articleSchema.strip ?? []).includes(node.tagName)) continue;
      } else {
        const after = sanitizeShallow(node);
        for (const [name, value] of Object.entries(node.properties)) {
          if (value === undefined || value === null || value === false) continue;
          const kept = after?.properties[name];
          if (kept === undefined || kept === null) {
            const shown = typeof value === 'string' && /^(href|src|action|formAction|cite|poster|xLinkHref)$/.test(name) ? `${name}=${short(value)}` : `${name} attribute`;
            removed.push({ line, what: `${shown} on <${node.tagName}>` });
          }
        }
      }
      walk(node.children);
    }
  };
  walk(tree.children);
  return removed;
}

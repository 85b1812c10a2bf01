/**
 * Markdown (as the local source holds it) → Portable Text in the Studio's shape. Used to write
 * content/dataset.ndjson from content/; the parity test then proves both give the same HTML.
 * Honest about what it cannot carry: raw HTML, footnotes, task lists and the like are errors.
 */
import type { List, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

type Span = { _type: 'span'; _key: string; text: string; marks: string[] };
type MarkDef = { _type: 'link'; _key: string; href: string };
export type Block = Record<string, unknown> & { _type: string; _key: string };

const DECORATOR: Record<string, string> = { strong: 'strong', emphasis: 'em', delete: 'strike-through' };

export class ConversionError extends Error {
  override name = 'ConversionError';
}

export function markdownToPortableText(markdown: string, where: string): Block[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const blocks: Block[] = [];
  const key = () => `b${blocks.length}`;
  const fail = (node: { type: string; position?: { start: { line: number } } | undefined }): never => {
    throw new ConversionError(`[tongbao] ${where}:${node.position?.start.line ?? '?'}: ${node.type} has no Portable Text form; rewrite it`);
  };

  const textBlock = (children: PhrasingContent[], extra: Record<string, unknown>): Block => {
    const k = key();
    const spans: Span[] = [];
    const markDefs: MarkDef[] = [];
    const walk = (nodes: PhrasingContent[], marks: string[]) => {
      for (const node of nodes) {
        if (node.type === 'text') spans.push({ _type: 'span', _key: `${k}s${spans.length}`, text: node.value, marks });
        else if (node.type === 'break') spans.push({ _type: 'span', _key: `${k}s${spans.length}`, text: '\n', marks });
        else if (node.type === 'inlineCode') spans.push({ _type: 'span', _key: `${k}s${spans.length}`, text: node.value, marks: [...marks, 'code'] });
        else if (node.type === 'link') {
          const def: MarkDef = { _type: 'link', _key: `${k}l${markDefs.length}`, href: node.url };
          markDefs.push(def);
          walk(node.children, [...marks, def._key]);
        } else if (node.type in DECORATOR && 'children' in node) walk(node.children as PhrasingContent[], [...marks, DECORATOR[node.type]!]);
        else fail(node);
      }
    };
    walk(children, []);
    // Adjacent spans with the same marks are one span, as the Studio stores them.
    const merged = spans.reduce<Span[]>((out, span) => {
      const last = out.at(-1);
      if (last && last.marks.join() === span.marks.join() && span.text !== '\n' && !last.text.endsWith('\n')) last.text += span.text;
      else out.push({ ...span, _key: `${k}s${out.length}` });
      return out;
    }, []);
    return { _type: 'block', _key: k, style: 'normal', ...extra, markDefs, children: merged };
  };

  const list = (node: List, level: number) => {
    for (const item of node.children) {
      for (const child of item.children) {
        if (child.type === 'paragraph') blocks.push(textBlock(child.children, { listItem: node.ordered ? 'number' : 'bullet', level }));
        else if (child.type === 'list') list(child, level + 1);
        else fail(child);
      }
    }
  };

  const block = (node: RootContent) => {
    switch (node.type) {
      case 'paragraph':
        if (node.children.length === 1 && node.children[0]!.type === 'image') {
          fail(node.children[0]!); // Body images come from the Studio's asset library, not from Markdown paths.
        }
        blocks.push(textBlock(node.children, {}));
        break;
      case 'heading':
        if (node.depth < 2 || node.depth > 4) fail(node);
        blocks.push(textBlock(node.children, { style: `h${node.depth}` }));
        break;
      case 'blockquote':
        for (const child of node.children) {
          if (child.type !== 'paragraph') fail(child);
          else blocks.push(textBlock(child.children, { style: 'blockquote' }));
        }
        break;
      case 'list':
        list(node, 1);
        break;
      case 'code':
        blocks.push({ _type: 'code', _key: key(), language: node.lang ?? undefined, code: node.value });
        break;
      case 'table':
        blocks.push({
          _type: 'table',
          _key: key(),
          rows: node.children.map((row, i) => ({ _type: 'tableRow', _key: `r${i}`, cells: row.children.map((cell) => toString(cell)) })),
        });
        break;
      default:
        fail(node);
    }
  };
  tree.children.forEach(block);
  return blocks;
}

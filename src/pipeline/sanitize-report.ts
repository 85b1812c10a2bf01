/**
 * What rehype-sanitize will remove from a body, said before the build: raw HTML is not an error
 * (editors paste it), but it is unsafe, so the build warns with the line. Text the sanitizer would
 * remove is an error (lostText): an unclosed `<svg>` or `<math>` takes everything after it into
 * foreign content, which is removed with its element, and readers would get half an article. Pure.
 */
import type { Element, Root, RootContent } from 'hast';
import type { Html, Root as MdRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { articleSchema } from './sanitize-schema.ts';
import { rehypeSafeSrcset, safeSrcset } from './sanitize-urls.ts';
import { portableTextToMdast, type PortableTextBody } from './portable-text.ts';

export interface Removed {
  /** 1-based line in the body. */
  line: number;
  /** `<script> element`, `onerror attribute on <img>`, `href="javascript:…" on <a>`. */
  what: string;
}

const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
const sanitizer = unified().use(rehypeSanitize, articleSchema).use(rehypeSafeSrcset);
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
            const shown =
              typeof value === 'string' && /^(href|src|action|formAction|cite|poster|xLinkHref)$/.test(name)
                ? `${name}=${short(value)}`
                : `${name} attribute`;
            removed.push({ line, what: `${shown} on <${node.tagName}>` });
          }
        }
        const srcset = node.properties.srcSet;
        if ((typeof srcset === 'string' || Array.isArray(srcset)) && after?.properties.srcSet !== undefined) {
          for (const url of safeSrcset(Array.isArray(srcset) ? srcset.join(', ') : srcset).dropped) {
            removed.push({ line, what: `srcset candidate ${short(url)} on <${node.tagName}>` });
          }
        }
      }
      walk(node.children);
    }
  };
  walk(tree.children);
  return removed;
}

/** Elements whose content is code or markup for other readers, never the article's text. */
const NOT_TEXT = new Set(['script', 'style', 'noscript']);

/** The text of a tree as a reader gets it: text nodes outside script, style and noscript, white space removed. */
function textOf(nodes: readonly RootContent[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element' && !NOT_TEXT.has(node.tagName)) text += textOf(node.children);
  }
  return text.replace(/\s+/g, '');
}

export interface LostText {
  /** 1-based line in the body where the element that takes the text starts (0 when unknown). */
  line: number;
  /** The element removed with its text: `<svg>`. */
  element: string;
  /** The start of the text lost, for the message. */
  text: string;
  /** How many characters (white space aside) are lost. */
  characters: number;
}

/** The elements removed with their content (in the strip list, or inside one) that hold text, outermost first. */
function removedWithText(nodes: readonly RootContent[], found: LostText[]) {
  for (const node of nodes) {
    if (node.type !== 'element' || NOT_TEXT.has(node.tagName)) continue;
    const removed = !allowedTags.has(node.tagName) && (articleSchema.strip ?? []).includes(node.tagName);
    const text = removed ? textOf(node.children) : '';
    if (text) {
      found.push({ line: node.position?.start.line ?? 0, element: `<${node.tagName}>`, text: text.slice(0, 30), characters: text.length });
    } else {
      removedWithText(node.children, found);
    }
  }
}

/** Elements whose content the HTML parser reads as raw text: left open, they take every block after them. */
const RAW_TEXT = new Set(['plaintext', 'xmp', 'noembed', 'noframes', 'iframe', 'textarea', 'title', 'style', 'script', 'noscript']);
/** The blocks Markdown makes: each must reach the reader. */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'table']);

function countBlocks(nodes: readonly RootContent[]): number {
  let n = 0;
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (BLOCKS.has(node.tagName)) n++;
    n += countBlocks(node.children);
  }
  return n;
}

/** The first element left open in raw-text mode (it ends where the body ends), for the message. */
function openRawText(nodes: readonly RootContent[], end: number): Element | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (RAW_TEXT.has(node.tagName) && (node.position?.end.offset ?? 0) >= end) return node;
    const inner = openRawText(node.children, end);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Text that sanitizing a raw (unsanitized) tree removes, and Markdown blocks that raw HTML swallows
 * (an unclosed <plaintext>, <xmp> or <script> turns every block after it into its raw text); [] when
 * every word and every block survives. `markdownBlocks` is how many blocks the Markdown alone makes.
 */
function lostIn(raw: Root, markdownBlocks?: number, end = Infinity): LostText[] {
  const sanitized = sanitizer.runSync(structuredClone(raw)) as Root;
  const before = textOf(raw.children);
  const after = textOf(sanitized.children);
  const found: LostText[] = [];
  if (before !== after) {
    removedWithText(raw.children, found);
    // Lost some other way: said without an element rather than not at all.
    if (found.length === 0) found.push({ line: 0, element: '(markup)', text: before.slice(0, 30), characters: before.length - after.length });
  }
  if (found.length === 0 && markdownBlocks !== undefined && countBlocks(sanitized.children) < markdownBlocks) {
    const open = openRawText(raw.children, end);
    const text = textOf(open?.children ?? []);
    found.push({
      line: open?.position?.start.line ?? 0,
      element: open ? `<${open.tagName}>` : '(markup)',
      text: text.slice(0, 30),
      characters: text.length,
    });
  }
  return found;
}

const markdownOnly = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);

/**
 * A raw-text element (script, style, title, plaintext…) opened in the body's raw HTML more often than
 * it is closed: the HTML parser reads everything after it, the editor's next paragraphs included, as
 * its raw text. Counted over the raw HTML only (code spans and blocks are text, not markup).
 */
function unclosedRawText(mdast: MdRoot, markdown: string): LostText | undefined {
  const html: { value: string; line: number }[] = [];
  visit(mdast, 'html', (node: Html) => {
    html.push({ value: node.value, line: node.position?.start.line ?? 0 });
  });
  for (const tag of RAW_TEXT) {
    const open = new RegExp(`<${tag}(?=[\\s/>])`, 'gi');
    const close = new RegExp(`</${tag}(?=[\\s/>])`, 'gi');
    let balance = 0;
    let line = 0;
    for (const h of html) {
      const opens = [...h.value.matchAll(open)].length;
      const closes = [...h.value.matchAll(close)].length;
      if (opens > closes && balance + opens - closes > 0) line = h.line;
      balance = Math.max(0, balance + opens - closes);
    }
    if (balance > 0) {
      const rest = markdown.split('\n').slice(line).join('').replace(/\s+/g, '');
      return { line, element: `<${tag}>`, text: rest.slice(0, 30), characters: rest.length };
    }
  }
  return undefined;
}

/** Text of a Markdown body that sanitizing would remove, with the line of the element that takes it. */
export function lostText(markdown: string): LostText[] {
  if (!/<[a-zA-Z!/?]/.test(markdown)) return [];
  const mdast = toHast.parse(markdown);
  const blocks = countBlocks((markdownOnly.runSync(structuredClone(mdast)) as Root).children);
  const lost = lostIn(toHast.runSync(mdast) as Root, blocks, markdown.length);
  if (lost.length) return lost;
  const open = unclosedRawText(mdast, markdown);
  return open ? [open] : [];
}

// Portable Text makes no raw HTML nodes (portable-text.ts): mdast → hast is all there is to it.
const ptToHast = unified().use(remarkRehype);

/** Text of a Portable Text body that sanitizing would remove, by the key of the block that holds it. */
export function lostTextPortableText(body: PortableTextBody): { key: string; lost: LostText }[] {
  const whole = lostIn(ptToHast.runSync(portableTextToMdast(body)) as Root);
  if (whole.length === 0) return [];
  return (body as unknown as { _key: string }[]).flatMap((block, i) =>
    lostIn(ptToHast.runSync(portableTextToMdast(body.slice(i, i + 1) as PortableTextBody)) as Root).map((lost) => ({ key: block._key, lost })),
  );
}

/** The message for lost text: what takes it, what is lost, what to do. */
export function describeLostText(lost: LostText): string {
  return (
    `${lost.element} would take ${lost.characters} character(s) of text${RAW_TEXT.has(lost.element.slice(1, -1)) ? ' and the blocks after it' : ''} with it when sanitized ("${lost.text}…"): ` +
    `close the tag, or write the markup as text (in \`code\`) or remove it; the article is not published with text missing`
  );
}

/**
 * Portable Text → mdast. A Portable Text body becomes the same syntax tree a Markdown body becomes,
 * so both go through the same remark-rehype → sanitize → OpenCC → disclaimers chain and give the same
 * HTML for the same content. Pure; it never imports Sanity: image blocks arrive with their URLs
 * already resolved by the source.
 *
 * Supported (the Studio's schema, sanity/schemaTypes/objects/blockContent.ts): `block` with styles
 * normal, h2–h4, blockquote; lists bullet/number (nested by `level`, with @portabletext/toolkit's nestLists);
 * marks strong, em, code, strike-through and `link` annotations (one node per mark run: its buildMarksTree); `image` (figure with caption), `code` and `table` objects.
 * Anything else is an error naming the block's `_key`.
 */
import type { BlockContent, Code, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { z } from 'zod';
import {
  buildMarksTree,
  isPortableTextToolkitList,
  isPortableTextToolkitSpan,
  isPortableTextToolkitTextNode,
  LIST_NEST_MODE_HTML,
  nestLists,
  spanToPlainText,
} from '@portabletext/toolkit';

export interface PtSpan {
  _type: 'span';
  _key?: string;
  text: string;
  marks?: string[];
}
export interface PtMarkDef {
  _type: string;
  _key: string;
  href?: string;
  [field: string]: unknown;
}
export interface PtTextBlock {
  _type: 'block';
  _key: string;
  style?: string;
  listItem?: string;
  level?: number;
  children: PtSpan[];
  markDefs?: PtMarkDef[];
}
/** An image block with its URLs resolved by the source. */
export interface PtResolvedImage {
  _type: 'image';
  _key: string;
  src: string;
  srcset?: string | undefined;
  sizes?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
  alt: string;
  caption?: string | undefined;
}
export interface PtCode {
  _type: 'code';
  _key: string;
  language?: string;
  code: string;
}
export interface PtTable {
  _type: 'table';
  _key: string;
  /** The first row is the header row. */
  rows: { _key: string; cells: string[] }[];
}
export type PtBlock = PtTextBlock | PtResolvedImage | PtCode | PtTable;
/** What the pipeline receives: blocks as the source resolved them (not yet checked). */
export type PortableTextBody = readonly { _type: string; _key: string; [field: string]: unknown }[];

const BLOCK_STYLES = ['normal', 'h2', 'h3', 'h4', 'blockquote'] as const;
const LIST_TYPES = ['bullet', 'number'] as const;
const DECORATORS = ['strong', 'em', 'code', 'strike-through'] as const;
const BLOCK_TYPES = ['block', 'image', 'code', 'table'] as const;

/** A block the pipeline cannot render: names the block by `_key` so an editor finds it. */
export class PortableTextError extends Error {
  override name = 'PortableTextError';
  readonly key: string;
  readonly field: string;
  readonly reason: string;
  // No parameter properties: the render workers load src/ with Node's type stripping.
  constructor(key: string, field: string, reason: string) {
    super(`block _key "${key}": ${reason}`);
    this.key = key;
    this.field = field;
    this.reason = reason;
  }
}

const listOf = (values: readonly string[]) => values.join(', ');
const HREF = /^(https?:|mailto:|\/)/;

const MarkDefSchema = z
  .looseObject({ _type: z.unknown().optional(), _key: z.unknown().optional(), href: z.unknown().optional() })
  .superRefine((def, ctx) => {
    if (def._type !== 'link') ctx.addIssue({ code: 'custom', message: `unknown annotation "${String(def._type)}"; only link is supported` });
    else if (typeof def.href !== 'string' || !HREF.test(def.href)) {
      ctx.addIssue({ code: 'custom', path: ['href'], message: 'a link needs an http(s), mailto: or site-relative href' });
    }
  });

const SpanSchema = z.looseObject({
  _type: z.literal('span', {
    error: (issue) => `unknown inline type "${String((issue.input as unknown) ?? 'undefined')}"; only text spans are supported`,
  }),
  _key: z.unknown().optional(),
  text: z.string({ error: 'a span needs text' }),
  marks: z.array(z.string()).optional(),
});

const TextBlockSchema = z.looseObject({
  style: z.enum(BLOCK_STYLES, { error: (issue) => `unknown block style "${String(issue.input)}"; use one of: ${listOf(BLOCK_STYLES)}` }).optional(),
  listItem: z.enum(LIST_TYPES, { error: (issue) => `unknown list type "${String(issue.input)}"; use one of: ${listOf(LIST_TYPES)}` }).optional(),
  markDefs: z.array(MarkDefSchema).optional(),
  children: z.array(z.unknown(), { error: 'a text block needs children (spans)' }),
});

/** The spans of a text block, each against SpanSchema and its marks against the block's decorators and markDefs. */
function spanIssues(block: Record<string, unknown>): { path: PropertyKey[]; message: string }[] {
  if (!Array.isArray(block.children)) return [];
  const defs = new Set((Array.isArray(block.markDefs) ? (block.markDefs as { _key?: unknown }[]) : []).map((d) => d?._key));
  return block.children.flatMap((child: unknown, i) => {
    const span = SpanSchema.safeParse(child);
    if (!span.success) {
      // An unknown inline type says it all: its other fields are not a span's.
      const typeIssue = span.error.issues.find((issue) => issue.path[0] === '_type');
      return (typeIssue ? [{ ...typeIssue, path: [] }] : span.error.issues).map((issue) => ({
        path: ['children', i, ...issue.path],
        message: issue.message,
      }));
    }
    return (span.data.marks ?? [])
      .filter((mark) => !(DECORATORS as readonly string[]).includes(mark) && !defs.has(mark))
      .map((mark) => ({ path: ['children', i, 'marks'], message: `unknown mark "${mark}"` }));
  });
}

const ImageBlockSchema = z.looseObject({ src: z.unknown().optional(), alt: z.unknown().optional() }).superRefine((image, ctx) => {
  // `asset`: the field an editor sets in the Studio (the source resolved it to `src`).
  if (typeof image.src !== 'string' || !image.src) ctx.addIssue({ code: 'custom', path: ['asset'], message: 'an image needs an uploaded asset' });
  if (typeof image.alt !== 'string' || !image.alt.trim())
    ctx.addIssue({ code: 'custom', path: ['alt'], message: 'an image needs alt text describing it' });
});

const TableRowsSchema = z.array(z.looseObject({ cells: z.array(z.string()) }));

const BLOCK_SCHEMAS: Record<Exclude<(typeof BLOCK_TYPES)[number], 'table'>, z.ZodType> = {
  block: TextBlockSchema,
  image: ImageBlockSchema,
  code: z.looseObject({ code: z.string({ error: 'a code block needs code' }) }),
};

/** A table's one problem, in the wording editors know: no rows → add a header row; bad cells → text cells. */
function tableProblem(block: Record<string, unknown>): string | undefined {
  if (!Array.isArray(block.rows) || block.rows.length === 0) return 'a table needs at least a header row';
  return TableRowsSchema.safeParse(block.rows).success ? undefined : 'every table row needs cells of text';
}

/** A zod path inside one block, written GROQ-like: array items by `_key` when they have one. */
function groqPath(value: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node = value;
  for (const segment of path) {
    if (typeof segment === 'number') {
      const item = Array.isArray(node) ? (node[segment] as Record<string, unknown> | undefined) : undefined;
      out += item && typeof item === 'object' && '_key' in item ? `[_key=="${String(item._key)}"]` : `[${segment}]`;
      node = item;
    } else {
      out += `${out ? '.' : ''}${String(segment)}`;
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment as string] : undefined;
    }
  }
  return out;
}

/**
 * Pure: every problem of a body, so an editor fixes them in one pass (each block checked with zod).
 * `field` is a GROQ-like path: body[_key=="k1"].style.
 */
export function checkPortableText(body: readonly unknown[]): { key: string; field: string; message: string }[] {
  const problems: { key: string; field: string; message: string }[] = [];
  body.forEach((raw, index) => {
    const block = (raw ?? {}) as Record<string, unknown>;
    const key = typeof block._key === 'string' ? block._key : `#${index}`;
    const at = typeof block._key === 'string' ? `body[_key=="${key}"]` : `body[${index}]`;
    const add = (field: string, message: string) =>
      problems.push({ key, field: field ? `${at}${field.startsWith('[') ? '' : '.'}${field}` : at, message });
    if (typeof block._key !== 'string') add('_key', 'block has no _key');
    const type = block._type as string;
    if (!(BLOCK_TYPES as readonly unknown[]).includes(type)) {
      add('_type', `unknown block type "${String(block._type)}"; the site renders: ${listOf(BLOCK_TYPES)}`);
      return;
    }
    if (type === 'table') {
      const problem = tableProblem(block);
      if (problem) add('rows', problem);
      return;
    }
    const result = BLOCK_SCHEMAS[type as keyof typeof BLOCK_SCHEMAS].safeParse(block);
    const issues = [...(result.success ? [] : result.error.issues), ...(type === 'block' ? spanIssues(block) : [])];
    for (const issue of issues) add(groqPath(block, issue.path), issue.message);
  });
  return problems;
}

const DECORATOR_NODE: Record<string, 'strong' | 'emphasis' | 'delete'> = { strong: 'strong', em: 'emphasis', 'strike-through': 'delete' };

/** Text with Portable Text's soft line breaks ("\n" in a span) as mdast breaks. */
function textNodes(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  text.split('\n').forEach((part, i) => {
    if (i > 0) out.push({ type: 'break' });
    if (part) out.push({ type: 'text', value: part });
  });
  return out;
}

type MarksNode = ReturnType<typeof buildMarksTree<PtMarkDef>>[number];

/** One node of the toolkit's marks tree (a mark spanning several spans is one node) → mdast. */
function phrasing(node: MarksNode): PhrasingContent[] {
  if (isPortableTextToolkitTextNode(node)) return textNodes(node.text);
  if (!isPortableTextToolkitSpan(node)) return []; // no inline objects: checkPortableText refused them
  // Inline code holds text only: the marks inside it (rare) are dropped, as Markdown cannot write them either.
  if (node.markType === 'code') return [{ type: 'inlineCode', value: spanToPlainText(node) }];
  const children = node.children.flatMap((child) => phrasing(child as MarksNode));
  if (node.markType === 'link') return [{ type: 'link', url: typeof node.markDef?.href === 'string' ? node.markDef.href : '', children }];
  return [{ type: DECORATOR_NODE[node.markType]!, children } as PhrasingContent];
}

function inline(block: PtTextBlock): PhrasingContent[] {
  return buildMarksTree<PtMarkDef>(block as never).flatMap(phrasing);
}

function blockNode(block: PtTextBlock): BlockContent {
  const children = inline(block);
  const style = block.style ?? 'normal';
  const heading = /^h([1-6])$/.exec(style);
  if (heading) return { type: 'heading', depth: Number(heading[1]) as Heading['depth'], children };
  const paragraph: Paragraph = { type: 'paragraph', children };
  if (style === 'blockquote') return { type: 'blockquote', children: [paragraph] };
  return paragraph;
}

function figure(image: PtResolvedImage): Paragraph {
  const img: PhrasingContent = {
    type: 'image',
    url: image.src,
    alt: image.alt,
    data: {
      hProperties: {
        ...(image.srcset ? { srcSet: image.srcset, sizes: image.sizes ?? '100vw' } : {}),
        ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
        loading: 'lazy',
        decoding: 'async',
      },
    },
  };
  const caption: Paragraph | undefined = image.caption
    ? { type: 'paragraph', children: [{ type: 'text', value: image.caption }], data: { hName: 'figcaption' } }
    : undefined;
  // A paragraph node rendered as <figure>: mdast has no figure, remark-rehype honours hName.
  return { type: 'paragraph', children: caption ? [img, caption as unknown as PhrasingContent] : [img], data: { hName: 'figure' } };
}

function table(block: PtTable): Table {
  const width = Math.max(...block.rows.map((r) => r.cells.length));
  const row = (cells: string[]): TableRow => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, i): TableCell => ({ type: 'tableCell', children: textNodes(cells[i] ?? '') })),
  });
  return { type: 'table', align: Array.from({ length: width }, () => null), children: block.rows.map((r) => row(r.cells)) };
}

type NestedList = Extract<ReturnType<typeof nestLists<PtBlock>>[number], { _type: '@list' }>;
type NestedItem = NestedList['children'][number];

/** A list from the toolkit's nesting (deeper lists inside the last item, levels never skipped) → mdast. */
function list(nested: NestedList): List {
  const ordered = nested.listItem === 'number';
  const item = (block: NestedItem): ListItem => {
    const spans = block.children.filter((c) => !isPortableTextToolkitList(c));
    const deeper = block.children.filter(isPortableTextToolkitList) as unknown as NestedList[];
    const text: Paragraph[] = spans.length
      ? [{ type: 'paragraph', children: inline({ ...(block as unknown as PtTextBlock), children: spans as PtSpan[] }) }]
      : [];
    return { type: 'listItem', spread: false, children: [...text, ...deeper.map(list)] };
  };
  return { type: 'list', ordered, ...(ordered && nested.level === 1 ? { start: 1 } : {}), spread: false, children: nested.children.map(item) };
}

/** Pure: a checked Portable Text body → mdast. Throws PortableTextError naming the first bad block. */
export function portableTextToMdast(body: PortableTextBody): Root {
  const problems = checkPortableText(body);
  if (problems.length) {
    const first = problems[0]!;
    throw new PortableTextError(first.key, first.field, problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  }
  const children: RootContent[] = [];
  for (const block of nestLists(body as unknown as PtBlock[], LIST_NEST_MODE_HTML)) {
    if (block._type === '@list') children.push(list(block as NestedList));
    else if (block._type === 'block') children.push(blockNode(block as PtTextBlock));
    else if (block._type === 'image') children.push(figure(block as PtResolvedImage));
    else if (block._type === 'code')
      children.push({ type: 'code', lang: (block as PtCode).language || null, value: (block as PtCode).code } satisfies Code);
    else children.push(table(block as PtTable));
  }
  return { type: 'root', children };
}

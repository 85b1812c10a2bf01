/**
 * The lake's indexes, so a query answers like Sanity's at 50,000 documents instead of scanning them all:
 *
 * - `IndexedDocs` is the lake's document map (a Map, so existing callers keep working, even those that
 *   `set` or `delete` directly) that keeps an index by `_type` and by `slug.current` and the insertion
 *   order of every id up to date on every change.
 * - `narrowQuery` (pure) finds, in a parsed GROQ tree, each `*[…]` whose filter pins `_id`, `_type` or
 *   `slug.current` with `==` or `in` against a constant (at the top level of `&&`), and replaces that `*`
 *   with the (few) documents the constraint allows, in dataset order. The filter itself is kept and
 *   evaluated as before over those documents, so the result is the same as over the whole dataset.
 * - `dereference` makes `->` a map lookup instead of a scan.
 *
 * Constraints against anything that is not a constant (`^._id`, a function call, a field) and constants
 * that are not strings, numbers or booleans (`null` matches missing fields) do not narrow.
 */
import { evaluate, parse, type ExprNode } from 'groq-js';

export type Doc = Record<string, unknown> & { _id: string; _type: string };
export type Perspective = 'published' | 'drafts' | 'raw';

const DRAFT = 'drafts.';
const isDraft = (id: string) => id.startsWith(DRAFT);
const isVersion = (id: string) => id.startsWith('versions.');
const publishedId = (id: string) => (isDraft(id) ? id.slice(DRAFT.length) : id);

type Primitive = string | number | boolean;
/** A key that keeps `"1"` and `1` apart, as GROQ's `==` does. */
const keyOf = (value: Primitive) => `${typeof value}:${String(value)}`;
const isPrimitive = (value: unknown): value is Primitive =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';

function slugOf(doc: Doc): Primitive | undefined {
  const slug = doc.slug as { current?: unknown } | undefined;
  const current = slug && typeof slug === 'object' ? slug.current : undefined;
  return isPrimitive(current) ? current : undefined;
}

function add(index: Map<string, Set<string>>, key: string, id: string) {
  let ids = index.get(key);
  if (!ids) index.set(key, (ids = new Set()));
  ids.add(id);
}
function remove(index: Map<string, Set<string>>, key: string, id: string) {
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (!ids.size) index.delete(key);
}

export type Field = '_id' | '_type' | 'slug.current';
export interface Constraint {
  field: Field;
  /** The document must have one of these values. */
  values: Primitive[];
}

/** The documents' map, indexed. Keys are document ids. */
export class IndexedDocs extends Map<string, Doc> {
  private readonly byType = new Map<string, Set<string>>();
  private readonly bySlug = new Map<string, Set<string>>();
  /** Insertion order of each id (a Map iterates in insertion order: this is the same order, as numbers). */
  private readonly order = new Map<string, number>();
  private counter = 0;
  private readonly views = new Map<Perspective, Doc[]>();
  private viewMaps = new Map<Perspective, Map<string, Doc>>();

  override set(id: string, doc: Doc): this {
    const old = super.get(id);
    if (old) this.unindex(id, old);
    else this.order.set(id, this.counter++);
    super.set(id, doc);
    this.index(id, doc);
    this.changed();
    return this;
  }

  override delete(id: string): boolean {
    const old = super.get(id);
    if (!old) return false;
    this.unindex(id, old);
    this.order.delete(id);
    super.delete(id);
    this.changed();
    return true;
  }

  override clear(): void {
    super.clear();
    this.byType.clear();
    this.bySlug.clear();
    this.order.clear();
    this.changed();
  }

  private index(id: string, doc: Doc) {
    if (typeof doc._type === 'string') add(this.byType, doc._type, id);
    const slug = slugOf(doc);
    if (slug !== undefined) add(this.bySlug, keyOf(slug), id);
  }

  private unindex(id: string, doc: Doc) {
    if (typeof doc._type === 'string') remove(this.byType, doc._type, id);
    const slug = slugOf(doc);
    if (slug !== undefined) remove(this.bySlug, keyOf(slug), id);
  }

  private changed() {
    this.views.clear();
    this.viewMaps.clear();
  }

  /** Raw ids that satisfy one constraint (for `_id` in a drafts view, the draft ids as well). Read only. */
  private idsFor(c: Constraint, perspective: Perspective): ReadonlySet<string> {
    const lookup = (value: Primitive): ReadonlySet<string> | undefined => {
      if (c.field === '_type') return typeof value === 'string' ? this.byType.get(value) : undefined;
      if (c.field === 'slug.current') return this.bySlug.get(keyOf(value));
      if (typeof value !== 'string') return undefined;
      const ids = [value, ...(perspective === 'drafts' ? [DRAFT + value] : [])].filter((id) => super.has(id));
      return new Set(ids);
    };
    if (c.values.length === 1) return lookup(c.values[0]!) ?? new Set();
    const out = new Set<string>();
    for (const value of c.values) for (const id of lookup(value) ?? []) out.add(id);
    return out;
  }

  /** All documents a perspective sees, in the order `viewOf` gives (cached until the next change). */
  view(perspective: Perspective): Doc[] {
    let docs = this.views.get(perspective);
    if (!docs) {
      docs = viewOf(this.values(), perspective);
      this.views.set(perspective, docs);
    }
    return docs;
  }

  /** The document a perspective sees under an id (what `->` finds). */
  lookup(id: string, perspective: Perspective): Doc | undefined {
    if (perspective === 'raw') return super.get(id);
    if (isDraft(id) || isVersion(id)) return undefined;
    if (perspective === 'published') return super.get(id);
    const draft = super.get(DRAFT + id);
    if (draft) return overlay(draft);
    return super.get(id);
  }

  /**
   * The documents of a perspective that can satisfy all the constraints, in the perspective's order: a
   * superset of the matching ones (the query's filter still runs over them).
   */
  candidates(constraints: readonly Constraint[], perspective: Perspective): Doc[] {
    if (!constraints.length) return this.view(perspective);
    // Walk the smallest set and keep the ids every other set has.
    const sets = constraints.map((c) => this.idsFor(c, perspective)).sort((a, b) => a.size - b.size);
    const [smallest, ...others] = sets as [ReadonlySet<string>, ...ReadonlySet<string>[]];
    const ids = [...smallest].filter((id) => others.every((set) => set.has(id)));
    const picked = new Map<string, { doc: Doc; rank: number }>();
    for (const id of ids) {
      const raw = super.get(id);
      if (!raw) continue;
      if (perspective === 'raw') picked.set(id, { doc: raw, rank: this.order.get(id)! });
      else if (perspective === 'published') {
        if (!isDraft(id) && !isVersion(id)) picked.set(id, { doc: raw, rank: this.order.get(id)! });
      } else {
        // drafts: what the view shows under the published id (the draft when there is one), placed as viewOf
        // places it: published ids in their order, then drafts without a published document in theirs.
        if (isVersion(id)) continue;
        const pub = publishedId(id);
        if (picked.has(pub)) continue;
        const doc = this.lookup(pub, 'drafts')!;
        const rank = super.has(pub) ? this.order.get(pub)! : this.counter + this.order.get(DRAFT + pub)!;
        picked.set(pub, { doc, rank });
      }
    }
    return [...picked.values()].sort((a, b) => a.rank - b.rank).map((p) => p.doc);
  }
}

const overlay = (draft: Doc): Doc => ({ ...draft, _id: publishedId(draft._id), _originalId: draft._id });

/** Pure: the documents a perspective sees. `drafts` overlays drafts on published documents, as Sanity does. */
export function viewOf(docs: Iterable<Doc>, perspective: Perspective): Doc[] {
  const all = [...docs];
  if (perspective === 'raw') return all;
  if (perspective === 'published') return all.filter((d) => !isDraft(d._id) && !isVersion(d._id));
  const byId = new Map<string, Doc>();
  for (const d of all) if (!isDraft(d._id) && !isVersion(d._id)) byId.set(d._id, d);
  for (const d of all) if (isDraft(d._id)) byId.set(publishedId(d._id), overlay(d));
  return [...byId.values()];
}

// ---- the query side (pure) ----

function fieldOf(node: ExprNode): Field | undefined {
  if (node.type !== 'AccessAttribute') return undefined;
  if (!node.base) return node.name === '_id' || node.name === '_type' ? node.name : undefined;
  if (node.name === 'current' && node.base.type === 'AccessAttribute' && !node.base.base && node.base.name === 'slug') return 'slug.current';
  return undefined;
}

/** The constant a node stands for (parameters are already values after `parse(query, {params})`). */
function constantOf(node: ExprNode): { value: unknown } | undefined {
  if (node.type === 'Value') return { value: node.value };
  if (node.type === 'Group') return constantOf(node.base);
  if (node.type === 'Array') {
    const values: unknown[] = [];
    for (const element of node.elements) {
      if (element.isSplat) return undefined;
      const c = constantOf(element.value);
      if (!c) return undefined;
      values.push(c.value);
    }
    return { value: values };
  }
  return undefined;
}

/** The `&&`-joined constraints on indexed fields at the top level of a filter expression. */
export function constraintsOf(expr: ExprNode): Constraint[] {
  if (expr.type === 'And') return [...constraintsOf(expr.left), ...constraintsOf(expr.right)];
  if (expr.type === 'Group') return constraintsOf(expr.base);
  if (expr.type !== 'OpCall') return [];
  if (expr.op === '==') {
    for (const [a, b] of [
      [expr.left, expr.right],
      [expr.right, expr.left],
    ] as const) {
      const field = fieldOf(a);
      const c = field && constantOf(b);
      if (field && c && isPrimitive(c.value)) return [{ field, values: [c.value] }];
    }
    return [];
  }
  if (expr.op === 'in') {
    const field = fieldOf(expr.left);
    const c = field && constantOf(expr.right);
    if (field && c && Array.isArray(c.value) && c.value.every(isPrimitive)) return [{ field, values: c.value }];
  }
  return [];
}

/**
 * Pure: the same query with each narrowable `*[filter]` reading only `pick(constraints)` instead of the
 * whole dataset. Returns the new tree and how many `*` were narrowed. The input tree is not changed.
 */
export function narrowQuery(tree: ExprNode, pick: (constraints: Constraint[]) => Doc[]): { tree: ExprNode; narrowed: number } {
  let narrowed = 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const n = node as ExprNode;
    if (n.type === 'Value') return n; // a constant: its value is data, not a tree
    if (n.type === 'Filter' && n.base.type === 'Everything') {
      const constraints = constraintsOf(n.expr);
      const expr = walk(n.expr) as ExprNode;
      if (constraints.length) {
        narrowed++;
        return { ...n, base: { type: 'Value', value: pick(constraints) }, expr };
      }
      return { ...n, expr };
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) out[k] = walk(v);
    return out;
  };
  return { tree: walk(tree) as ExprNode, narrowed };
}

export interface QueryOptions {
  /** Narrow `*[…]` by the indexes (default true); false evaluates over the whole view, as before the indexes. */
  narrow?: boolean | undefined;
}

/**
 * Parses and evaluates a GROQ query over what a perspective sees. `->` is a map lookup in both modes;
 * without narrowing it is the plain groq-js evaluation (the reference the tests compare with).
 * A string is parsed first (groq-js's GroqSyntaxError when it does not parse).
 */
export async function runQuery(
  docs: IndexedDocs,
  query: string | ExprNode,
  params: Record<string, unknown>,
  perspective: Perspective,
  options: QueryOptions = {},
): Promise<{ result: unknown; narrowed: number }> {
  const parsed = typeof query === 'string' ? parse(query, { params }) : query;
  const { tree, narrowed } = options.narrow === false ? { tree: parsed, narrowed: 0 } : narrowQuery(parsed, (c) => docs.candidates(c, perspective));
  const value = await evaluate(tree, {
    dataset: docs.view(perspective),
    params,
    ...(options.narrow === false ? {} : { dereference: ({ _ref }: { _ref: string }) => docs.lookup(_ref, perspective) ?? null }),
  });
  return { result: await value.get(), narrowed };
}

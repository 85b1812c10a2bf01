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

/**
 * `_id`, `_type`, `slug.current`, or a reference/array path: `<field>._ref` (a single reference),
 * `<field>[]._ref` (an array of references), `<field>[]` (an array of strings, numbers or booleans).
 */
const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const pathKey = (path: string, value: Primitive) => `${path}\u0000${keyOf(value)}`;

/** The `byPath` keys of a document: its top-level single references, arrays of references and arrays of primitives. */
function pathKeys(doc: Doc): Set<string> {
  const keys = new Set<string>();
  for (const [k, v] of Object.entries(doc)) {
    if (isPlainObject(v) && isPrimitive(v._ref)) keys.add(pathKey(`${k}._ref`, v._ref));
    else if (Array.isArray(v))
      for (const e of v) {
        if (isPrimitive(e)) keys.add(pathKey(`${k}[]`, e));
        else if (isPlainObject(e) && isPrimitive(e._ref)) keys.add(pathKey(`${k}[]._ref`, e._ref));
      }
  }
  return keys;
}

export type Field = '_id' | '_type' | 'slug.current' | `${string}._ref` | `${string}[]._ref` | `${string}[]`;
export interface Constraint {
  field: Field;
  /** The document must have one of these values. */
  values: Primitive[];
}

/** The documents' map, indexed. Keys are document ids. */
export class IndexedDocs extends Map<string, Doc> {
  private readonly byType = new Map<string, Set<string>>();
  private readonly bySlug = new Map<string, Set<string>>();
  /** By reference and array member paths (`category._ref`, `authors[]._ref`, `tags[]`) and value. */
  private readonly byPath = new Map<string, Set<string>>();
  /** Each perspective's documents in a recognised order (see `ordered`), until the next change. */
  private readonly sorted = new Map<string, Doc[] | null>();
  /** The first order key's values of each ordered view (ms; +Infinity for none), for the range search of window(). */
  private readonly firstKeys = new Map<string, Float64Array>();
  /** Documents handed to groq-js by ordered windows, and documents a native predicate was checked on (for tests). */
  readonly stats = { windowDocs: 0, checked: 0 };
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
    this.byPath.clear();
    this.order.clear();
    this.changed();
  }

  private index(id: string, doc: Doc) {
    if (typeof doc._type === 'string') add(this.byType, doc._type, id);
    const slug = slugOf(doc);
    if (slug !== undefined) add(this.bySlug, keyOf(slug), id);
    for (const key of pathKeys(doc)) add(this.byPath, key, id);
  }

  private unindex(id: string, doc: Doc) {
    if (typeof doc._type === 'string') remove(this.byType, doc._type, id);
    const slug = slugOf(doc);
    if (slug !== undefined) remove(this.bySlug, keyOf(slug), id);
    for (const key of pathKeys(doc)) remove(this.byPath, key, id);
  }

  private changed() {
    this.views.clear();
    this.viewMaps.clear();
    this.sorted.clear();
    this.firstKeys.clear();
  }

  /** Raw ids that satisfy one constraint (for `_id` in a drafts view, the draft ids as well). Read only. */
  private idsFor(c: Constraint, perspective: Perspective): ReadonlySet<string> {
    const lookup = (value: Primitive): ReadonlySet<string> | undefined => {
      if (c.field === '_type') return typeof value === 'string' ? this.byType.get(value) : undefined;
      if (c.field === 'slug.current') return this.bySlug.get(keyOf(value));
      if (c.field !== '_id') return this.byPath.get(pathKey(c.field, value));
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
  /** An upper bound on how many documents satisfy all the constraints (the smallest index set). */
  private bound(constraints: readonly Constraint[], perspective: Perspective): number {
    return Math.min(...constraints.map((c) => this.idsFor(c, perspective).size));
  }

  /** A perspective's documents in groq-js's order for these keys (cached until the next change); null when not modelled. */
  private ordered(perspective: Perspective, keys: readonly OrderKey[]): Doc[] | null {
    const signature = `${perspective} ${JSON.stringify(keys)}`;
    let docs = this.sorted.get(signature);
    if (docs === undefined) {
      try {
        docs = sortLikeGroq(this.view(perspective), keys);
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
        docs = null;
      }
      this.sorted.set(signature, docs);
    }
    return docs;
  }

  /**
   * The first `limit` documents, in groq-js's order for `keys`, for which `filter` is true: what
   * `*[filter] | order(keys) [0...limit]` reads, found by walking the ordered view with the filter as a JS
   * predicate. Undefined when the filter or the data is not modelled, or when the indexes already leave few candidates.
   */
  window(filter: ExprNode, keys: readonly OrderKey[], limit: number, perspective: Perspective): Doc[] | undefined {
    const constraints = constraintsOf(filter);
    if (constraints.length && this.bound(constraints, perspective) <= FEW) return undefined;
    const test = predicateOf(filter);
    const all = test && this.ordered(perspective, keys);
    if (!test || !all) return undefined;
    // Only the stretch of the view where the first key can satisfy the filter (`publishedAt` after or before $at…).
    const { start, stop } = this.stretch(filter, keys, perspective, all);
    const out: Doc[] = [];
    try {
      for (let i = start; i < stop; i++) {
        if (out.length >= limit) break;
        this.stats.checked++;
        const doc = all[i]!;
        if (test(doc)) out.push(doc);
      }
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
    this.stats.windowDocs += out.length;
    return out;
  }

  /**
   * The indexes [start, stop) of the ordered view `all` outside of which no document can satisfy `filter`: from the
   * range its first order key must be in (rangeOf; a `dateTime(path)` key only), by binary search over the view's
   * values of that key, which are sorted (a document without a date sorts as +Infinity: last ascending, first
   * descending; no range holds it).
   */
  private stretch(filter: ExprNode, keys: readonly OrderKey[], perspective: Perspective, all: readonly Doc[]): { start: number; stop: number } {
    const first = keys[0]!;
    const range = first.dateTime ? rangeOf(filter, first.path) : undefined;
    if (!range) return { start: 0, stop: all.length };
    const signature = `${perspective} ${JSON.stringify(keys)}`;
    let values = this.firstKeys.get(signature);
    if (!values) {
      values = Float64Array.from(all, (doc) => dateTimeOf(valueAt(doc, first.path)) ?? Number.POSITIVE_INFINITY);
      this.firstKeys.set(signature, values);
    }
    const v = values;
    // The first index from which `after` holds (it holds from some index on: the values are sorted).
    const firstWhere = (after: (x: number) => boolean) => {
      let [lo, hi] = [0, v.length];
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (after(v[mid]!)) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const { lo, loOpen, hi, hiOpen } = range;
    return first.desc
      ? // Newest first: from the first at or below hi, to the first below lo.
        { start: firstWhere((x) => (hiOpen ? x < hi : x <= hi)), stop: firstWhere((x) => (loOpen ? x <= lo : x < lo)) }
      : // Oldest first: from the first at or above lo, to the first above hi.
        { start: firstWhere((x) => (loOpen ? x > lo : x >= lo)), stop: firstWhere((x) => (hiOpen ? x >= hi : x > hi)) };
  }

  /** `count(*[filter])` without groq-js, when the filter is modelled: over the candidates, or the view. */
  count(filter: ExprNode, perspective: Perspective): number | undefined {
    const test = predicateOf(filter);
    if (!test) return undefined;
    const constraints = constraintsOf(filter);
    const docs =
      constraints.length && this.bound(constraints, perspective) <= MANY ? this.candidates(constraints, perspective) : this.view(perspective);
    let n = 0;
    try {
      for (const doc of docs) {
        this.stats.checked++;
        if (test(doc)) n++;
      }
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
    return n;
  }
}

/** Below this many candidates the plain narrowing is cheaper than an ordered walk; below MANY, counting walks the candidates. */
const FEW = 256;
const MANY = 5000;

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

const topField = (node: ExprNode | undefined): string | undefined => (node && node.type === 'AccessAttribute' && !node.base ? node.name : undefined);

function fieldOf(node: ExprNode): Field | undefined {
  if (node.type !== 'AccessAttribute') return undefined;
  if (!node.base) return node.name === '_id' || node.name === '_type' ? node.name : undefined;
  if (node.name === 'current' && node.base.type === 'AccessAttribute' && !node.base.base && node.base.name === 'slug') return 'slug.current';
  const base = topField(node.base);
  if (node.name === '_ref' && base) return `${base}._ref`;
  return undefined;
}

/** `X[]._ref` (an array of references' ids) or `X` (an array's members): the `byPath` path, for `<const> in …`. */
function memberPathOf(node: ExprNode): Field | undefined {
  if (
    node.type === 'Map' &&
    node.base.type === 'ArrayCoerce' &&
    node.expr.type === 'AccessAttribute' &&
    node.expr.name === '_ref' &&
    node.expr.base?.type === 'This'
  ) {
    const base = topField(node.base.base);
    return base ? `${base}[]._ref` : undefined;
  }
  return undefined;
}

/** `count(X[@ in <const array>]) > 0`: the array field X and the constants. */
function countInOf(expr: ExprNode): { field: Field; values: Primitive[] } | undefined {
  if (expr.type !== 'OpCall' || expr.op !== '>' || expr.right.type !== 'Value' || expr.right.value !== 0) return undefined;
  const call = expr.left;
  if (call.type !== 'FuncCall' || call.name !== 'count' || call.namespace !== 'global' || call.args.length !== 1) return undefined;
  const filter = call.args[0]!;
  if (filter.type !== 'Filter') return undefined;
  const base = topField(filter.base);
  const f = filter.expr;
  if (!base || f.type !== 'OpCall' || f.op !== 'in' || f.left.type !== 'This') return undefined;
  const c = constantOf(f.right);
  if (!c || !Array.isArray(c.value) || !c.value.every(isPrimitive)) return undefined;
  return { field: `${base}[]`, values: c.value };
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
  const countIn = countInOf(expr);
  if (countIn) return [countIn];
  if (expr.op === 'in') {
    const member = memberPathOf(expr.right);
    const one = member && constantOf(expr.left);
    if (member && one && isPrimitive(one.value)) return [{ field: member, values: [one.value] }];
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
export function narrowQuery(tree: ExprNode, pick: (constraints: Constraint[]) => Doc[], fast?: Shortcuts): { tree: ExprNode; narrowed: number } {
  let narrowed = 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const n = node as ExprNode;
    if (n.type === 'Value') return n; // a constant: its value is data, not a tree
    // `*[filter] | order(keys) [a...b]` or `[n]`: the filter and the order stay, over the first matches only.
    if (fast && (n.type === 'Slice' || n.type === 'AccessElement') && n.base.type === 'PipeFuncCall' && n.base.name === 'order') {
      const pipe = n.base;
      const limit =
        n.type === 'AccessElement'
          ? n.index >= 0
            ? n.index + 1
            : undefined
          : n.left >= 0 && n.right >= 0
            ? n.right + (n.isInclusive ? 1 : 0)
            : undefined;
      const keys = orderKeysOf(pipe.args);
      if (pipe.base.type === 'Filter' && pipe.base.base.type === 'Everything' && limit !== undefined && keys) {
        const docs = fast.window(pipe.base.expr, keys, limit);
        if (docs) {
          narrowed++;
          return { ...n, base: { ...pipe, base: { ...pipe.base, base: { type: 'Value', value: docs } } } };
        }
      }
    }
    // `count(*[filter])`: the number itself, when the filter is modelled.
    if (fast && n.type === 'FuncCall' && n.namespace === 'global' && n.name === 'count' && n.args.length === 1) {
      const arg = n.args[0]!;
      if (arg.type === 'Filter' && arg.base.type === 'Everything') {
        const counted = fast.count(arg.expr);
        if (counted !== undefined) {
          narrowed++;
          return { type: 'Value', value: counted };
        }
      }
    }
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

// ---- ordered windows and counts: GROQ's "is true" for a few filter shapes, in plain JS ----

/** A path of attribute names from the document (`publishedAt`, `slug.current`), or undefined. */
function pathOf(node: ExprNode): string[] | undefined {
  if (node.type !== 'AccessAttribute') return undefined;
  if (!node.base) return [node.name];
  const base = pathOf(node.base);
  return base && [...base, node.name];
}
/** What groq-js's attribute access gives: null unless every step is an object (not an array). */
function valueAt(doc: unknown, path: readonly string[]): unknown {
  let v: unknown = doc;
  for (const name of path) v = isPlainObject(v) ? v[name] : undefined;
  return v ?? null;
}
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|([-+]\d{2}:\d{2}))$/;
/** Parsed date strings: every window and count reads each article's publishedAt again (bounded; strings repeat). */
const parsedDates = new Map<string, number | null>();
/** groq-js's `dateTime(x)` as milliseconds: null when x is not an RFC 3339 string; NaN for one `Date` cannot read. */
function dateTimeOf(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  let ms = parsedDates.get(v);
  if (ms === undefined) {
    if (parsedDates.size >= 500_000) parsedDates.clear();
    parsedDates.set(v, (ms = RFC3339.test(v) ? new Date(v).getTime() : null));
  }
  return ms;
}

/** A scalar operand: a document path, `dateTime(path)`, a constant, `dateTime(constant)`; tagged as groq-js types it. */
type Scalar = { kind: 'datetime' | 'number' | 'string' | 'boolean'; v: number | string | boolean } | null;
const scalarOfValue = (v: unknown): Scalar =>
  typeof v === 'number' && Number.isFinite(v)
    ? { kind: 'number', v }
    : typeof v === 'string'
      ? { kind: 'string', v }
      : typeof v === 'boolean'
        ? { kind: 'boolean', v }
        : null;
type Operand = (doc: Doc) => Scalar;
function operandOf(node: ExprNode): Operand | undefined {
  if (node.type === 'Group') return operandOf(node.base);
  if (node.type === 'FuncCall' && node.namespace === 'global' && node.name === 'dateTime' && node.args.length === 1) {
    const inner = node.args[0]!;
    const path = pathOf(inner);
    const c = path ? undefined : constantOf(inner);
    if (!path && !c) return undefined;
    if (c) {
      const ms = dateTimeOf(c.value);
      if (ms !== null && Number.isNaN(ms)) return undefined;
      const value: Scalar = ms === null ? null : { kind: 'datetime', v: ms };
      return () => value;
    }
    return (doc) => {
      const ms = dateTimeOf(valueAt(doc, path!));
      if (ms !== null && Number.isNaN(ms)) throw new Unsupported();
      return ms === null ? null : { kind: 'datetime', v: ms };
    };
  }
  const path = pathOf(node);
  if (path)
    return (doc) => {
      const v = valueAt(doc, path);
      if (v !== null && typeof v === 'object') throw new Unsupported(); // groq-js compares objects and arrays as themselves
      return scalarOfValue(v);
    };
  const c = constantOf(node);
  if (c && (c.value === null || isPrimitive(c.value))) {
    const value = scalarOfValue(c.value);
    return () => value;
  }
  return undefined;
}
/** Thrown when a document holds what the JS predicate does not model (the caller falls back to groq-js). */
class Unsupported extends Error {}

type Predicate = (doc: Doc) => boolean;
/**
 * A JS function that is true exactly when groq-js's filter is `true` for a document, for: `&&`, `||`, groups,
 * the comparisons `== != < <= > >=` of paths, `dateTime(…)` and constants, and the narrowing shapes
 * (`<const> in X[]._ref`, `count(X[@ in <const array>]) > 0`, `<path> in <const array>`). Undefined for anything else.
 */
export function predicateOf(expr: ExprNode): Predicate | undefined {
  if (expr.type === 'Group') return predicateOf(expr.base);
  if (expr.type === 'And' || expr.type === 'Or') {
    const l = predicateOf(expr.left);
    const r = l && predicateOf(expr.right);
    if (!l || !r) return undefined;
    return expr.type === 'And' ? (d) => l(d) && r(d) : (d) => l(d) || r(d);
  }
  if (expr.type !== 'OpCall') return undefined;
  const countIn = countInOf(expr);
  if (countIn) {
    const path = [countIn.field.slice(0, -2)];
    const keys = new Set(countIn.values.map(keyOf));
    return (d) => {
      const v = valueAt(d, path);
      return Array.isArray(v) && v.some((e) => isPrimitive(e) && keys.has(keyOf(e)));
    };
  }
  if (expr.op === 'in') {
    const member = memberPathOf(expr.right);
    const one = member && constantOf(expr.left);
    if (member && one && isPrimitive(one.value)) {
      const path = [member.slice(0, -'[]._ref'.length)];
      const key = keyOf(one.value);
      return (d) => {
        const v = valueAt(d, path);
        return Array.isArray(v) && v.some((e) => isPlainObject(e) && isPrimitive(e._ref) && keyOf(e._ref) === key);
      };
    }
    const path = pathOf(expr.left);
    const c = path && constantOf(expr.right);
    if (path && c && Array.isArray(c.value) && c.value.every(isPrimitive)) {
      const keys = new Set(c.value.map(keyOf));
      return (d) => {
        const v = valueAt(d, path);
        return isPrimitive(v) && keys.has(keyOf(v));
      };
    }
    return undefined;
  }
  const ops: Record<string, (c: number) => boolean> = {
    '<': (c) => c < 0,
    '<=': (c) => c <= 0,
    '>': (c) => c > 0,
    '>=': (c) => c >= 0,
  };
  if (expr.op !== '==' && expr.op !== '!=' && !ops[expr.op]) return undefined;
  const l = operandOf(expr.left);
  const r = l && operandOf(expr.right);
  if (!l || !r) return undefined;
  if (expr.op === '==' || expr.op === '!=') {
    // GROQ: == of two nulls is true, of different types false; != is its negation.
    const eq = (d: Doc) => {
      const a = l(d);
      const b = r(d);
      return a === null || b === null ? a === b : a.kind === b.kind && a.v === b.v;
    };
    return expr.op === '==' ? eq : (d) => !eq(d);
  }
  const test = ops[expr.op]!;
  return (d) => {
    const a = l(d);
    const b = r(d);
    if (!a || !b || a.kind !== b.kind) return false;
    if (a.kind === 'boolean') return test(Number(a.v) - Number(b.v));
    return test(a.v < b.v ? -1 : a.v > b.v ? 1 : 0);
  };
}

/** Where a `dateTime(path)` must be for a filter to be true (ms; bounds open or closed), or undefined: anywhere. */
interface Range {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}
const ANYWHERE: Range = { lo: Number.NEGATIVE_INFINITY, loOpen: false, hi: Number.POSITIVE_INFINITY, hiOpen: false };

/** `dateTime(<path>)` of exactly this path. */
const isDateTimeOf = (node: ExprNode, path: readonly string[]): boolean => {
  if (node.type === 'Group') return isDateTimeOf(node.base, path);
  if (node.type !== 'FuncCall' || node.namespace !== 'global' || node.name !== 'dateTime' || node.args.length !== 1) return false;
  const p = pathOf(node.args[0]!);
  return p !== undefined && p.length === path.length && p.every((name, i) => name === path[i]);
};
/** `dateTime(<constant>)` as ms, if it is one groq-js reads. */
const dateTimeConstant = (node: ExprNode): number | undefined => {
  if (node.type === 'Group') return dateTimeConstant(node.base);
  if (node.type !== 'FuncCall' || node.namespace !== 'global' || node.name !== 'dateTime' || node.args.length !== 1) return undefined;
  const c = constantOf(node.args[0]!);
  const ms = c && dateTimeOf(c.value);
  return typeof ms === 'number' && Number.isFinite(ms) ? ms : undefined;
};

/**
 * Pure: a range `dateTime(path)` must be in whenever `expr` is true, from its comparisons of `dateTime(path)` with
 * a `dateTime(constant)`: `&&` intersects, `||` takes the span of both sides; anything else says nothing (undefined).
 * Necessary, not sufficient: window() still tests every document in the range.
 */
export function rangeOf(expr: ExprNode, path: readonly string[]): Range | undefined {
  if (expr.type === 'Group') return rangeOf(expr.base, path);
  if (expr.type === 'And' || expr.type === 'Or') {
    const l = rangeOf(expr.left, path);
    const r = rangeOf(expr.right, path);
    if (expr.type === 'Or') {
      if (!l || !r) return undefined;
      const lo = l.lo < r.lo || (l.lo === r.lo && !l.loOpen) ? l : r;
      const hi = l.hi > r.hi || (l.hi === r.hi && !l.hiOpen) ? l : r;
      return { lo: lo.lo, loOpen: lo.loOpen, hi: hi.hi, hiOpen: hi.hiOpen };
    }
    if (!l || !r) return l ?? r;
    const lo = l.lo > r.lo || (l.lo === r.lo && l.loOpen) ? l : r;
    const hi = l.hi < r.hi || (l.hi === r.hi && l.hiOpen) ? l : r;
    return { lo: lo.lo, loOpen: lo.loOpen, hi: hi.hi, hiOpen: hi.hiOpen };
  }
  if (expr.type !== 'OpCall' || !['==', '<', '<=', '>', '>='].includes(expr.op)) return undefined;
  // `dateTime(path) op c`, or `c op dateTime(path)` read the other way round.
  const flip: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==' };
  const [op, c] = isDateTimeOf(expr.left, path)
    ? [expr.op, dateTimeConstant(expr.right)]
    : isDateTimeOf(expr.right, path)
      ? [flip[expr.op]!, dateTimeConstant(expr.left)]
      : [expr.op, undefined];
  if (c === undefined) return undefined;
  if (op === '==') return { lo: c, loOpen: false, hi: c, hiOpen: false };
  if (op === '>' || op === '>=') return { ...ANYWHERE, lo: c, loOpen: op === '>' };
  return { ...ANYWHERE, hi: c, hiOpen: op === '<' };
}

/** One key of `order(…)`: `path` or `dateTime(path)`, with its direction. */
export interface OrderKey {
  path: string[];
  dateTime: boolean;
  desc: boolean;
}
export function orderKeysOf(args: readonly ExprNode[]): OrderKey[] | undefined {
  const keys: OrderKey[] = [];
  for (let arg of args) {
    const desc = arg.type === 'Desc';
    if (arg.type === 'Desc' || arg.type === 'Asc') arg = arg.base;
    const inner =
      arg.type === 'FuncCall' && arg.namespace === 'global' && arg.name === 'dateTime' && arg.args.length === 1 ? arg.args[0]! : undefined;
    const isDateTime = inner !== undefined;
    const path = pathOf(inner ?? arg);
    if (!path) return undefined;
    keys.push({ path, dateTime: isDateTime, desc });
  }
  return keys.length ? keys : undefined;
}
const TYPE_ORDER = { datetime: 1, number: 2, string: 3, boolean: 4 } as const;
/** A document's sort value for one key as groq-js's totalCompare sees it: [type order, value]. */
function sortValue(doc: Doc, key: OrderKey): [number, number | string | boolean] {
  const v = valueAt(doc, key.path);
  if (key.dateTime) {
    const ms = dateTimeOf(v);
    if (ms === null) return [100, 0];
    if (Number.isNaN(ms)) throw new Unsupported();
    return [TYPE_ORDER.datetime, ms];
  }
  const s = scalarOfValue(v);
  return s ? [TYPE_ORDER[s.kind], s.v] : [100, 0];
}
/** groq-js's order: each key by totalCompare (desc negated), then dataset position (its sort is stable). */
export function sortLikeGroq(docs: readonly Doc[], keys: readonly OrderKey[]): Doc[] {
  const rows = docs.map((doc, i) => ({ doc, i, values: keys.map((k) => sortValue(doc, k)) }));
  rows.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const [at, av] = a.values[k]!;
      const [bt, bv] = b.values[k]!;
      let c = at !== bt ? at - bt : at === 100 ? 0 : av < bv ? -1 : av > bv ? 1 : 0;
      if (keys[k]!.desc) c = -c;
      if (c !== 0) return c;
    }
    return a.i - b.i;
  });
  return rows.map((r) => r.doc);
}

/** The shortcuts narrowQuery may take besides narrowing: ordered windows and counts (IndexedDocs's, for a perspective). */
export interface Shortcuts {
  window(filter: ExprNode, keys: readonly OrderKey[], limit: number): Doc[] | undefined;
  count(filter: ExprNode): number | undefined;
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
  const { tree, narrowed } =
    options.narrow === false
      ? { tree: parsed, narrowed: 0 }
      : narrowQuery(parsed, (c) => docs.candidates(c, perspective), {
          window: (filter, keys, limit) => docs.window(filter, keys, limit, perspective),
          count: (filter) => docs.count(filter, perspective),
        });
  const value = await evaluate(tree, {
    dataset: docs.view(perspective),
    params,
    ...(options.narrow === false ? {} : { dereference: ({ _ref }: { _ref: string }) => docs.lookup(_ref, perspective) ?? null }),
  });
  return { result: await value.get(), narrowed };
}

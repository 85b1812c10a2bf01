/**
 * Transactions on the lake's documents, as Sanity applies them: a list of mutations (the mutate API)
 * or of actions (the actions API, which the Studio uses for edits and for publish, unpublish,
 * discard and delete), all or nothing, every touched document getting the transaction id as its
 * new `_rev`. Patches are applied by `@sanity/mutator`, the library the Studio itself applies
 * mutations with (taken from the Studio's install, sanity/node_modules), so set, unset, insert,
 * inc/dec, diffMatchPatch and setIfMissing mean here what they mean in Sanity.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Doc } from './server.ts';

export type SanityMutation = Record<string, Record<string, unknown>>;

interface MutatorModule {
  Mutation: new (params: { mutations: SanityMutation[]; timestamp?: string; resultRev?: string; transactionId?: string }) => {
    apply(document: Doc | null): Doc | null;
  };
}

/** A failure Sanity answers with 4xx: the message names the document and what to do. */
export class TransactionError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

let mutator: Promise<MutatorModule> | undefined;
/** @sanity/mutator from the Studio's own install: the lake does not carry a second copy. */
export function loadMutator(): Promise<MutatorModule> {
  mutator ??= (async () => {
    const require = createRequire(join(import.meta.dirname, '..', '..', 'sanity', 'package.json'));
    let path: string;
    try {
      path = require.resolve('@sanity/mutator');
    } catch {
      throw new Error('[tongbao] the Studio API of the lake needs the Studio installed: run `npm ci --prefix sanity`');
    }
    return (await import(pathToFileURL(path).href)) as MutatorModule;
  })();
  return mutator;
}

export const isDraftId = (id: string) => id.startsWith('drafts.');
export const isVersionId = (id: string) => id.startsWith('versions.');
export const publishedIdOf = (id: string) => (isDraftId(id) ? id.slice('drafts.'.length) : isVersionId(id) ? id.split('.').slice(2).join('.') : id);

/** One document's change in a transaction: what the listener and the history report. */
export interface DocumentChange {
  id: string;
  before: Doc | null;
  after: Doc | null;
  /** The mutations of the transaction that touched this document, in order. */
  mutations: SanityMutation[];
}

export interface Transaction {
  id: string;
  timestamp: string;
  author: string;
  changes: DocumentChange[];
  /** The mutate API's per-mutation results. */
  results: { id: string; operation: 'create' | 'update' | 'delete' }[];
}

function targetOf(m: SanityMutation): { op: string; id: string; arg: Record<string, unknown> } {
  const entries = Object.entries(m);
  if (entries.length !== 1)
    throw new TransactionError(
      400,
      'mutationError',
      `a mutation has exactly one operation, got ${entries.length}: ${JSON.stringify(m).slice(0, 120)}`,
    );
  const [op, arg] = entries[0]!;
  if (!arg || typeof arg !== 'object') throw new TransactionError(400, 'mutationError', `mutation "${op}" needs an object`);
  const id = (op === 'patch' || op === 'delete' ? arg.id : arg._id) as unknown;
  if (op === 'patch' && 'query' in arg) throw new TransactionError(400, 'mutationError', 'patch by query is not offered by the lake: patch by id');
  if (op === 'delete' && 'query' in arg) throw new TransactionError(400, 'mutationError', 'delete by query is not offered by the lake: delete by id');
  return { op, id: typeof id === 'string' ? id : '', arg };
}

/**
 * Pure apart from the mutator: applies mutations to a copy of `docs`; returns the next documents
 * and the transaction, or throws a TransactionError and leaves `docs` as they were.
 */
export async function applyMutations(
  docs: ReadonlyMap<string, Doc>,
  mutations: readonly SanityMutation[],
  options: { transactionId?: string | undefined; author: string; now?: string | undefined },
): Promise<{ next: Map<string, Doc>; transaction: Transaction }> {
  const { Mutation } = await loadMutator();
  const transactionId = options.transactionId || randomUUID().replaceAll('-', '').slice(0, 22);
  const timestamp = options.now ?? new Date().toISOString();
  const next = new Map(docs);
  const changes = new Map<string, DocumentChange>();
  const results: Transaction['results'] = [];
  for (const raw of mutations) {
    const m = structuredClone(raw);
    const { op, id: givenId, arg } = targetOf(m);
    let id = givenId;
    if (!id && (op === 'create' || op === 'createIfNotExists' || op === 'createOrReplace')) {
      id = randomUUID();
      arg._id = id;
    }
    if (!id) throw new TransactionError(400, 'mutationError', `mutation "${op}" needs a document id`);
    if (!['create', 'createIfNotExists', 'createOrReplace', 'patch', 'delete'].includes(op)) {
      throw new TransactionError(
        400,
        'mutationError',
        `unsupported mutation "${op}"; the lake offers create, createIfNotExists, createOrReplace, patch, delete`,
      );
    }
    const before = next.get(id) ?? null;
    if (op !== 'patch' && op !== 'delete' && typeof arg._type !== 'string')
      throw new TransactionError(400, 'mutationError', `${op}: document "${id}" has no _type`);
    if (op === 'create' && before) throw new TransactionError(409, 'documentAlreadyExistsError', `Document by ID "${id}" already exists`);
    if (op === 'patch' && !before)
      throw new TransactionError(409, 'documentNotFoundError', `Document by ID "${id}" does not exist; create it before patching it`);
    if (op === 'patch' && typeof arg.ifRevisionID === 'string' && before && arg.ifRevisionID !== before._rev) {
      throw new TransactionError(
        409,
        'conflict',
        `Document "${id}" has revision ${String(before._rev)}, not the expected ${arg.ifRevisionID}: reload it and try again`,
      );
    }
    if (op === 'createIfNotExists' && before) {
      recordChange(changes, id, before, before, m);
      continue;
    }
    if (op === 'delete' && !before) continue;
    let after: Doc | null;
    try {
      after = new Mutation({ mutations: [m], timestamp, resultRev: transactionId }).apply(before ? structuredClone(before) : null);
    } catch (error) {
      throw new TransactionError(400, 'mutationError', `document "${id}": ${(error as Error).message}`);
    }
    if (after) {
      after._id = id;
      after._createdAt = (before?._createdAt as string | undefined) ?? timestamp;
      after._updatedAt = timestamp;
      after._rev = transactionId;
      next.set(id, after);
    } else next.delete(id);
    recordChange(changes, id, before, after, m);
    results.push({ id, operation: op === 'delete' ? 'delete' : before ? 'update' : 'create' });
  }
  // A document only read by createIfNotExists is no change.
  const real = [...changes.values()].filter((c) => c.before !== c.after);
  return { next, transaction: { id: transactionId, timestamp, author: options.author, changes: real, results } };
}

function recordChange(changes: Map<string, DocumentChange>, id: string, before: Doc | null, after: Doc | null, m: SanityMutation) {
  const existing = changes.get(id);
  if (existing) {
    existing.after = after;
    existing.mutations.push(m);
  } else changes.set(id, { id, before, after, mutations: [m] });
}

/** Publishing makes weak references that asked for it (`_strengthenOnPublish`) strong, as Sanity does. */
export function strengthenReferences(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strengthenReferences);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const v = value as Record<string, unknown>;
  const strengthen = '_ref' in v && '_strengthenOnPublish' in v;
  for (const [k, child] of Object.entries(v)) {
    if (strengthen && (k === '_strengthenOnPublish' || k === '_weak')) continue;
    out[k] = strengthenReferences(child);
  }
  return out;
}

const SYSTEM_FIELDS = new Set(['_id', '_rev', '_createdAt', '_updatedAt']);
function contentOf(doc: Doc, id: string): Doc {
  const out: Record<string, unknown> = { _id: id };
  for (const [k, v] of Object.entries(doc)) if (!SYSTEM_FIELDS.has(k)) out[k] = v;
  return out as Doc;
}

type Action = Record<string, unknown> & { actionType?: string };

/**
 * The actions API (POST /data/actions/{dataset}) as mutations, following Sanity's documented
 * semantics: each action checks its preconditions on the documents as the earlier actions of the
 * same request left them. https://www.sanity.io/docs/http-reference/actions
 */
export async function applyActions(
  docs: ReadonlyMap<string, Doc>,
  actions: readonly Action[],
  options: { transactionId?: string | undefined; author: string; now?: string | undefined },
): Promise<{ next: Map<string, Doc>; transaction: Transaction }> {
  const mutations: SanityMutation[] = [];
  // Track existence as the actions go, to check each one's preconditions.
  const state = new Map<string, Doc | null>();
  const get = (id: string) => (state.has(id) ? state.get(id)! : (docs.get(id) ?? null));
  const str = (a: Action, key: string): string => {
    const value = a[key];
    if (typeof value !== 'string' || !value) throw new TransactionError(400, 'actionError', `${a.actionType}: "${key}" is required`);
    return value;
  };
  const draftFor = (a: Action, publishedId: string) => (typeof a.draftId === 'string' && a.draftId ? a.draftId : `drafts.${publishedId}`);
  for (const a of actions) {
    switch (a.actionType) {
      case 'sanity.action.document.create': {
        const publishedId = str(a, 'publishedId');
        const attributes = (a.attributes ?? {}) as Doc;
        const id = typeof attributes._id === 'string' && attributes._id ? attributes._id : `drafts.${publishedId}`;
        if (publishedIdOf(id) !== publishedId)
          throw new TransactionError(400, 'actionError', `create: attributes._id "${id}" is not a draft or version of "${publishedId}"`);
        if (get(id)) {
          if (a.ifExists === 'ignore') break;
          throw new TransactionError(409, 'documentAlreadyExistsError', `create: document "${id}" already exists`);
        }
        const doc = { ...attributes, _id: id };
        mutations.push({ create: doc });
        state.set(id, doc);
        break;
      }
      case 'sanity.action.document.edit': {
        const publishedId = str(a, 'publishedId');
        const draftId = str(a, 'draftId');
        const patch = (a.patch ?? {}) as Record<string, unknown>;
        if (!get(draftId)) {
          const published = get(publishedId);
          if (!published)
            throw new TransactionError(
              409,
              'documentNotFoundError',
              `edit: neither "${draftId}" nor "${publishedId}" exists; create the draft first`,
            );
          const draft = contentOf(published, draftId);
          mutations.push({ createIfNotExists: draft });
          state.set(draftId, draft);
        }
        mutations.push({ patch: { ...patch, id: draftId } });
        break;
      }
      case 'sanity.action.document.publish': {
        const publishedId = str(a, 'publishedId');
        const draftId = draftFor(a, publishedId);
        const draft = get(draftId);
        if (!draft) throw new TransactionError(409, 'documentNotFoundError', `publish: there is no draft "${draftId}" to publish`);
        if (typeof a.ifDraftRevisionId === 'string' && a.ifDraftRevisionId !== draft._rev) {
          throw new TransactionError(
            409,
            'conflict',
            `publish: the draft "${draftId}" changed (revision ${String(draft._rev)}, expected ${a.ifDraftRevisionId}); publish again`,
          );
        }
        const published = get(publishedId);
        if (typeof a.ifPublishedRevisionId === 'string' && a.ifPublishedRevisionId !== published?._rev) {
          throw new TransactionError(409, 'conflict', `publish: the published "${publishedId}" changed; publish again`);
        }
        const doc = strengthenReferences(contentOf(draft, publishedId)) as Doc;
        if (published?._createdAt) doc._createdAt = published._createdAt;
        mutations.push({ createOrReplace: doc }, { delete: { id: draftId } });
        state.set(publishedId, doc);
        state.set(draftId, null);
        break;
      }
      case 'sanity.action.document.unpublish': {
        const publishedId = str(a, 'publishedId');
        const draftId = draftFor(a, publishedId);
        const published = get(publishedId);
        if (!published) throw new TransactionError(409, 'documentNotFoundError', `unpublish: "${publishedId}" is not published`);
        if (!get(draftId)) {
          const draft = contentOf(published, draftId);
          mutations.push({ createIfNotExists: draft });
          state.set(draftId, draft);
        }
        mutations.push({ delete: { id: publishedId } });
        state.set(publishedId, null);
        break;
      }
      case 'sanity.action.document.discard': {
        const draftId = str(a, 'draftId');
        if (!get(draftId)) throw new TransactionError(409, 'documentNotFoundError', `discard: there is no draft "${draftId}"`);
        mutations.push({ delete: { id: draftId } });
        state.set(draftId, null);
        break;
      }
      case 'sanity.action.document.delete': {
        const publishedId = str(a, 'publishedId');
        const drafts = Array.isArray(a.includeDrafts) ? (a.includeDrafts as string[]) : [`drafts.${publishedId}`];
        for (const id of [publishedId, ...drafts]) {
          if (get(id)) mutations.push({ delete: { id } });
          state.set(id, null);
        }
        break;
      }
      case 'sanity.action.document.replaceDraft': {
        const publishedId = str(a, 'publishedId');
        const attributes = (a.attributes ?? {}) as Doc;
        const id = typeof attributes._id === 'string' && attributes._id ? attributes._id : `drafts.${publishedId}`;
        const doc = { ...attributes, _id: id };
        mutations.push({ createOrReplace: doc });
        state.set(id, doc);
        break;
      }
      default:
        throw new TransactionError(
          400,
          'actionError',
          `action "${String(a.actionType)}" is not offered by the lake (it offers document create, edit, publish, unpublish, discard, delete, replaceDraft)`,
        );
    }
  }
  return applyMutations(docs, mutations, options);
}

/**
 * A local content lake: the part of Sanity's HTTP API the site and the Studio's CLI use, over an
 * NDJSON dataset (Sanity's export format), evaluated with groq-js. Only the host differs from
 * production, so the site is exercised with the real @sanity/client.
 *
 *   GET  /v{apiVersion}/data/query/{dataset}?query=…&$param=<json>&perspective=published|drafts|raw
 *   POST /v{apiVersion}/data/query/{dataset}       {query, params, perspective?}
 *   GET  /v{apiVersion}/data/doc/{dataset}/{id,…}
 *   POST /v{apiVersion}/data/mutate/{dataset}      {mutations: [{create|createOrReplace|createIfNotExists|patch|delete (by id or query)}]}
 *   GET  /images/{projectId}/{dataset}/{assetId}-{w}x{h}.{ext}   image files (from an assets folder)
 *
 * For tests, faults are switched on at run time: POST /__lake/fault {mode, count, retryAfter}, and
 * every API request is logged: GET /__lake/requests.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { parse } from 'groq-js';
import { IndexedDocs, runQuery, type Doc } from './index.ts';
import { WebhookSender, type DocumentChange, type WebhookOptions } from './webhooks.ts';

export type { Doc };
export const PERSPECTIVES = ['published', 'drafts', 'raw'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

export const FAULT_MODES = ['none', 'timeout', '500', '502', '503', '429', 'malformed', 'drop'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];
export interface Fault {
  mode: FaultMode;
  /** How many API requests fail this way before the lake answers normally again (default: all). */
  count?: number | undefined;
  /** Seconds sent in Retry-After with 429 (default 1). */
  retryAfter?: number | undefined;
}

export interface LakeOptions {
  /** The NDJSON file to load. */
  datasetFile: string;
  /** Where image files are found by their original file name (for /images/…); the first folder that has the file wins. */
  assetsDir?: string | readonly string[] | undefined;
  /** Write the dataset back to datasetFile after every mutation. */
  persist?: boolean | undefined;
  /** When set, drafts/raw perspectives, /data/doc and mutations need `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** Answer queries through the indexes (default true); false scans every document, as Sanity would not. */
  index?: boolean | undefined;
  /** A fault from the start (see Fault). */
  fault?: Fault | undefined;
  /** Send Sanity-style webhooks after each transaction that changes published documents (see webhooks.ts). */
  webhooks?: Omit<WebhookOptions, 'projectId' | 'dataset' | 'log'> & { projectId?: string; dataset?: string };
  log?: ((line: string) => void) | undefined;
  /** Makes the server from the request listener (default: node:http; scripts/studio.ts passes HTTP/2 over TLS). */
  createServer?: ((listener: (req: IncomingMessage, res: ServerResponse) => void) => Server) | undefined;
}

export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  perspective?: string | undefined;
  status: number | 'dropped' | 'hung';
}

/**
 * Pure: a dataset file's bytes as text. JSON is UTF-8; a file that is not (saved from an old
 * Windows tool, cut mid-character) is refused with the line, never read with U+FFFD in place.
 */
export function decodeNdjson(bytes: Uint8Array, where: string): string {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    return strict.decode(bytes);
  } catch {
    let start = 0;
    for (let line = 1; ; line++) {
      const end = bytes.indexOf(0x0a, start);
      const chunk = bytes.subarray(start, end < 0 ? bytes.length : end);
      try {
        strict.decode(chunk);
      } catch {
        throw new Error(
          `[tongbao] ${where}:${line}: not valid UTF-8; a dataset is UTF-8 JSON: export it again (sanity dataset export) or save the file as UTF-8`,
        );
      }
      if (end < 0) throw new Error(`[tongbao] ${where}: not valid UTF-8; save the file as UTF-8`);
      start = end + 1;
    }
  }
}

/** Pure: parse NDJSON, naming the line of a bad document. */
export function parseNdjson(text: string, where: string): Doc[] {
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch (error) {
      throw new Error(
        `[tongbao] ${where}:${i + 1}: not JSON (${(error as Error).message}); each line must be one whole document: fix or remove that line, or export the dataset again`,
        { cause: error },
      );
    }
    const d = doc as Partial<Doc>;
    if (typeof d?._id !== 'string' || typeof d._type !== 'string')
      throw new Error(`[tongbao] ${where}:${i + 1}: a document needs _id and _type; add them or remove that line`);
    return [d as Doc];
  });
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.error ?? body.message ?? status));
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  const last = parts.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

export class Lake {
  /** The documents by id, indexed by `_type` and `slug.current` (a Map: direct `set`/`delete` keep the indexes right). */
  readonly docs = new IndexedDocs();
  readonly requests: LoggedRequest[] = [];
  private fault: Fault = { mode: 'none' };
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** Extra endpoints asked first (scripts/lake/studio-api.ts mounts the Studio's here); true when one answered. */
  readonly routes: ((req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>)[] = [];

  /** The webhook sender (when options.webhooks is set): its `deliveries` log and `idle()` are for tests. */
  readonly webhooks: WebhookSender | undefined;

  constructor(readonly options: LakeOptions) {
    if (options.webhooks?.targets.length) {
      const { projectId = 'local', dataset = 'production', ...rest } = options.webhooks;
      this.webhooks = new WebhookSender({ ...rest, projectId, dataset, log: options.log ?? ((line) => console.error(line)) });
    }
    for (const d of parseNdjson(decodeNdjson(readFileSync(options.datasetFile), options.datasetFile), options.datasetFile)) this.docs.set(d._id, d);
    if (options.fault) this.setFault(options.fault);
  }

  setFault(fault: Fault) {
    if (!FAULT_MODES.includes(fault.mode)) throw new Error(`[tongbao] unknown fault mode "${fault.mode}"; one of: ${FAULT_MODES.join(', ')}`);
    this.fault = { ...fault };
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = (this.options.createServer ?? createServer)((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        const status = error instanceof HttpError ? error.status : 500;
        const body = error instanceof HttpError ? error.body : { error: 'Internal error', message: (error as Error).message };
        if (!res.headersSent) this.json(res, status, body);
      });
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, resolve);
    });
    const address = this.server.address() as AddressInfo;
    return `http://${host}:${address.port}`;
  }

  async close(): Promise<void> {
    this.webhooks?.close();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  private authorized(req: IncomingMessage): boolean {
    return !this.options.token || req.headers.authorization === `Bearer ${this.options.token}`;
  }

  private requireAuth(req: IncomingMessage, what: string) {
    if (!this.authorized(req)) {
      throw new HttpError(401, { error: 'Unauthorized', message: `${what} needs a token (Authorization: Bearer …)`, statusCode: 401 });
    }
  }

  /** Applies the current fault; true when the request was answered (or dropped) by it. */
  private injectFault(req: IncomingMessage, res: ServerResponse, entry: LoggedRequest): boolean {
    const f = this.fault;
    if (f.mode === 'none') return false;
    if (f.count !== undefined) {
      if (f.count <= 0) return false;
      f.count -= 1;
    }
    switch (f.mode) {
      case 'timeout':
        entry.status = 'hung'; // Never answers; the client's timeout must fire.
        return true;
      case 'drop':
        entry.status = 'dropped';
        req.socket.destroy();
        return true;
      case 'malformed':
        entry.status = 200;
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{"result": [{"_id": "article.trunc');
        return true;
      case '429':
        entry.status = 429;
        this.json(res, 429, { error: 'Too Many Requests', statusCode: 429 }, { 'retry-after': String(f.retryAfter ?? 1) });
        return true;
      default:
        entry.status = Number(f.mode);
        this.json(res, Number(f.mode), { error: 'Injected fault', statusCode: Number(f.mode) });
        return true;
    }
  }

  private async body(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return {};
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new HttpError(400, { error: 'Bad Request', message: 'the request body is not JSON' });
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://lake');
    const path = url.pathname;
    for (const route of this.routes) if (await route(req, res, url)) return;

    if (path === '/__lake/fault' && req.method === 'POST') {
      const body = (await this.body(req)) as unknown as Fault;
      this.setFault(body);
      return this.json(res, 200, { fault: this.fault });
    }
    if (path === '/__lake/requests') {
      if (req.method === 'DELETE') this.requests.length = 0;
      return this.json(res, 200, { requests: this.requests });
    }
    if (path === '/__lake/health') return this.json(res, 200, { ok: true, documents: this.docs.size });

    const image = /^\/images\/[^/]+\/[^/]+\/([a-f0-9]+)-(\d+x\d+)\.(\w+)$/.exec(path);
    if (image && (req.method === 'GET' || req.method === 'HEAD')) return this.serveImage(res, `image-${image[1]}-${image[2]}-${image[3]}`, image[3]!);

    const api = /^\/v[\d-]+\/data\/(query|mutate|doc)\/([^/]+)(?:\/(.+))?$/.exec(path);
    const perspectiveParam = url.searchParams.get('perspective') ?? undefined;
    const entry: LoggedRequest = { at: Date.now(), method: req.method ?? 'GET', path, perspective: perspectiveParam, status: 200 };
    if (!api) {
      entry.status = 404;
      this.requests.push(entry);
      return this.json(res, 404, { error: 'Not Found', message: `no such endpoint: ${path}` });
    }
    this.requests.push(entry);
    if (this.injectFault(req, res, entry)) return;
    try {
      const [, kind, , rest] = api;
      if (kind === 'query') await this.query(req, res, url);
      else if (kind === 'doc') {
        this.requireAuth(req, 'reading documents by id');
        const ids = decodeURIComponent(rest ?? '').split(',');
        this.json(res, 200, { documents: ids.flatMap((id) => this.docs.get(id) ?? []), omitted: [] });
      } else await this.mutate(req, res, url);
      entry.status = res.statusCode;
    } catch (error) {
      entry.status = error instanceof HttpError ? error.status : 500;
      throw error;
    }
  }

  private async query(req: IncomingMessage, res: ServerResponse, url: URL) {
    let query: unknown;
    let params: Record<string, unknown> = {};
    let perspective: unknown = url.searchParams.get('perspective') ?? undefined;
    if (req.method === 'POST') {
      const body = await this.body(req);
      query = body.query;
      params = (body.params as Record<string, unknown> | undefined) ?? {};
      perspective ??= body.perspective;
    } else {
      query = url.searchParams.get('query');
      for (const [name, value] of url.searchParams) {
        if (!name.startsWith('$')) continue;
        try {
          params[name.slice(1)] = JSON.parse(value);
        } catch {
          throw new HttpError(400, { error: 'Bad Request', message: `parameter ${name} is not JSON` });
        }
      }
    }
    if (typeof query !== 'string' || !query) throw new HttpError(400, { error: 'Bad Request', message: 'missing query' });
    const view = (perspective ?? 'published') as Perspective;
    if (!PERSPECTIVES.includes(view)) {
      throw new HttpError(400, { error: 'Bad Request', message: `unknown perspective "${String(perspective)}"; one of: ${PERSPECTIVES.join(', ')}` });
    }
    // Like Sanity's current API: published by default; drafts and raw need a token.
    if (view !== 'published') this.requireAuth(req, `perspective "${view}"`);
    const started = performance.now();
    let tree;
    try {
      tree = parse(query, { params });
    } catch (error) {
      throw new HttpError(400, { error: { description: (error as Error).message, query, type: 'queryParseError' } });
    }
    const { result } = await runQuery(this.docs, tree, params, view, { narrow: this.options.index !== false });
    this.json(res, 200, { query, result, ms: Math.round(performance.now() - started), syncTags: [] });
  }

  /** The ids of the documents a query returns in the raw perspective (a delete by query). */
  private async idsOf(query: string, params: Record<string, unknown>): Promise<unknown[]> {
    let tree;
    try {
      tree = parse(query, { params });
    } catch (error) {
      throw new HttpError(400, { error: { description: `delete by query: ${(error as Error).message}`, query, type: 'queryParseError' } });
    }
    const { result } = await runQuery(this.docs, tree, params, 'raw', { narrow: this.options.index !== false });
    const docs = Array.isArray(result) ? result : result ? [result] : [];
    return docs.map((d) => (d as { _id?: unknown } | null)?._id);
  }

  private async mutate(req: IncomingMessage, res: ServerResponse, url: URL) {
    this.requireAuth(req, 'mutations');
    const body = await this.body(req);
    const mutations = body.mutations;
    if (!Array.isArray(mutations)) throw new HttpError(400, { error: 'Bad Request', message: 'expected {mutations: [...]}' });
    // All or nothing, as a Sanity transaction: changes are staged over the current documents and
    // committed together (only the changed ids touch the indexes).
    const staged = new Map<string, Doc | null>();
    const recreated = new Set<string>();
    const current = (id: string): Doc | undefined => (staged.has(id) ? (staged.get(id) ?? undefined) : this.docs.get(id));
    const results: { id: string; operation: string }[] = [];
    const now = new Date().toISOString();
    const stamp = (d: Doc, created?: string): Doc => ({ ...d, _createdAt: created ?? now, _updatedAt: now, _rev: randomUUID().slice(0, 22) });
    const withId = (d: Doc): Doc => (d._id ? d : { ...d, _id: randomUUID() });
    for (const m of mutations as Record<string, Doc & Record<string, unknown>>[]) {
      const [op, arg] = Object.entries(m)[0] ?? [];
      if (!op || !arg) throw new HttpError(400, { error: 'Bad Request', message: 'empty mutation' });
      if (op === 'create' || op === 'createIfNotExists' || op === 'createOrReplace') {
        const doc = withId(arg as Doc);
        if (typeof doc._type !== 'string') throw new HttpError(400, { error: 'Bad Request', message: `${op}: document ${doc._id} has no _type` });
        const existing = current(doc._id);
        if (existing && op === 'create') {
          throw new HttpError(409, { error: { description: `Document by ID "${doc._id}" already exists`, type: 'mutationError' } });
        }
        if (existing && op === 'createIfNotExists') continue;
        if (!existing && staged.has(doc._id)) recreated.add(doc._id); // deleted earlier in this transaction
        staged.set(doc._id, stamp(doc, existing?._createdAt as string | undefined));
        results.push({ id: doc._id, operation: existing ? 'update' : 'create' });
      } else if (op === 'patch') {
        const p = arg as unknown as { id: string; set?: Record<string, unknown>; setIfMissing?: Record<string, unknown>; unset?: string[] };
        // Only set, setIfMissing and unset (plain dotted paths) are applied here; the others would be silently lost.
        const unsupported = Object.keys(p).filter((k) => !['id', 'set', 'setIfMissing', 'unset', 'ifRevisionID'].includes(k));
        if (unsupported.length) {
          throw new HttpError(400, {
            error: 'Bad Request',
            message: `patch ${p.id}: ${unsupported.join(', ')} is not supported by the lake's /data/mutate (set, setIfMissing, unset are); set the whole field instead`,
          });
        }
        const existing = current(p.id);
        if (!existing) throw new HttpError(409, { error: { description: `Document by ID "${p.id}" does not exist`, type: 'mutationError' } });
        const doc = structuredClone(existing);
        for (const [k, v] of Object.entries(p.setIfMissing ?? {})) if (!(k in doc)) setPath(doc, k, v);
        for (const [k, v] of Object.entries(p.set ?? {})) setPath(doc, k, v);
        for (const k of p.unset ?? []) setPath(doc, k, undefined);
        staged.set(p.id, stamp(doc, existing._createdAt as string | undefined));
        results.push({ id: p.id, operation: 'update' });
      } else if (op === 'delete') {
        const del = arg as unknown as { id?: string; query?: string; params?: Record<string, unknown> };
        // By id, or by query (what @sanity/preview-url-secret deletes expired secrets with): the documents the query
        // returns (raw perspective) before this transaction.
        const ids = typeof del.query === 'string' ? await this.idsOf(del.query, del.params ?? {}) : [del.id];
        for (const id of ids) {
          if (typeof id === 'string' && current(id)) {
            staged.set(id, null);
            results.push({ id, operation: 'delete' });
          }
        }
      } else {
        throw new HttpError(400, { error: 'Bad Request', message: `unsupported mutation "${op}"` });
      }
    }
    const changes: DocumentChange[] = [];
    for (const [id, doc] of staged) {
      const before = this.docs.get(id);
      if (doc === null) this.docs.delete(id);
      else {
        if (recreated.has(id)) this.docs.delete(id); // a document deleted and created again goes to the end, as before
        this.docs.set(id, doc);
      }
      changes.push({ id, before, after: doc ?? undefined });
    }
    if (this.options.persist) {
      writeFileSync(this.options.datasetFile, [...this.docs.values()].map((d) => JSON.stringify(d)).join('\n') + '\n');
    }
    const transactionId = randomUUID();
    const returnDocuments = url.searchParams.get('returnDocuments') === 'true';
    this.json(res, 200, {
      transactionId,
      results: results.map((r) => ({ ...r, ...(returnDocuments ? { document: this.docs.get(r.id) } : {}) })),
      ...(returnDocuments ? { documents: results.flatMap((r) => this.docs.get(r.id) ?? []) } : {}),
    });
    // After the answer: a slow or failing receiver never delays the mutation.
    this.webhooks?.send(transactionId, now, changes);
  }

  private async serveImage(res: ServerResponse, assetId: string, ext: string) {
    const asset = this.docs.get(assetId);
    const dirs = [this.options.assetsDir ?? []].flat();
    if (!asset || !dirs.length || typeof asset.originalFilename !== 'string') return this.json(res, 404, { error: 'Not Found' });
    const name = asset.originalFilename.replace(/[/\\]/g, '');
    for (const dir of dirs) {
      try {
        const bytes = await readFile(join(dir, name));
        const type = ext === 'svg' ? 'image/svg+xml' : `image/${ext === 'jpg' ? 'jpeg' : ext}`;
        res.writeHead(200, { 'content-type': type, 'cache-control': 'public, max-age=31536000, immutable' });
        res.end(bytes);
        return;
      } catch {
        // try the next folder
      }
    }
    this.json(res, 404, { error: 'Not Found', message: `asset ${assetId} has no file in the assets folders` });
  }
}

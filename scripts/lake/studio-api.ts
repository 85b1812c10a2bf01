/**
 * What Sanity Studio asks of its API, answered by the lake, so the real Studio runs on localhost
 * (see scripts/studio.ts). Mounted on a Lake with `lake.routes.push(studioApi.route)`; the lake's own
 * query and doc endpoints keep answering the rest. Each answer has the shape Sanity documents:
 *
 *   CORS for a localhost origin (with credentials), GET /check/cors, /ping, /data/ping/{dataset}
 *   GET  /users/me                                    the token's user (401 without one)
 *   GET  /projects/{id}, …/datasets, …/datasets/{ds}/acl, …/grants, …/user-applications, …/features
 *   GET|PUT /users/me/keyvalue[/{keys}]               the Studio's per-user settings (in memory)
 *   GET  /intake/telemetry-status → denied; POST /intake/batch → dropped (telemetry is off)
 *   GET  /data/listen/{dataset}                       server-sent events (scripts/lake/listen.ts)
 *   POST /data/mutate/{dataset}, /data/actions/{dataset}   (scripts/lake/transactions.ts)
 *   GET  /data/history/{dataset}/transactions/{ids}, …/documents/{ids}?revision=|time=
 *   POST /assets/images/{dataset}, /assets/files/{dataset}   uploads; GET /images/… /files/… serve them
 *
 * Endpoints a hosted project has and the lake does not (journeys, schedules, releases' scheduling,
 * comments' notifications, presence over a WebSocket) answer 404 with a message saying so.
 */
import { createHash, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Doc, Lake } from './server.ts';
import { ListenHub } from './listen.ts';
import { applyActions, applyMutations, TransactionError, type Transaction } from './transactions.ts';
import { imageSize } from './image-size.ts';

export interface StudioUser {
  id: string;
  name: string;
  email: string;
}

export interface StudioApiOptions {
  projectId: string;
  /** Datasets the project has; the first one is the lake's dataset. */
  dataset: string;
  /** The user a valid token signs in as. */
  user?: StudioUser | undefined;
  /** Where the lake is reached (for asset URLs), e.g. http://localhost:3334 */
  origin?: string | undefined;
  /** Origins allowed by CORS besides any http://localhost:* and http://127.0.0.1:* */
  origins?: readonly string[] | undefined;
}

const DEFAULT_USER: StudioUser = { id: 'lake-editor', name: 'Lake Editor', email: 'editor@localhost' };

/** Pure: the CORS origin check — local origins only, as a project's CORS settings for development. */
export function allowedOrigin(origin: string | undefined, extra: readonly string[] = []): boolean {
  if (!origin) return false;
  if (extra.includes(origin)) return true;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname.endsWith('.localhost'));
  } catch {
    return false;
  }
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface StoredAsset {
  bytes: Buffer;
  contentType: string;
}

export class StudioApi {
  readonly hub = new ListenHub();
  /** Every transaction, oldest first: what the history API reads. */
  readonly transactions: Transaction[] = [];
  /** Every revision of every document, by document id then revision (for ?revision=). */
  private readonly revisions = new Map<string, Map<string, Doc | null>>();
  private readonly keyValues = new Map<string, unknown>();
  private readonly assets = new Map<string, StoredAsset>();
  private readonly user: StudioUser;

  constructor(
    readonly lake: Lake,
    readonly options: StudioApiOptions,
  ) {
    this.user = options.user ?? DEFAULT_USER;
    for (const d of lake.docs.values()) this.remember(d._id, d);
  }

  /** The hook the lake calls first for every request: true when answered here. */
  readonly route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const origin = req.headers.origin;
    const cors: Record<string, string> = {};
    if (allowedOrigin(origin, this.options.origins)) {
      cors['access-control-allow-origin'] = origin!;
      cors['access-control-allow-credentials'] = 'true';
      cors['vary'] = 'Origin';
      // The lake's own handlers (query, doc) write their headers later: these join them.
      for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(allowedOrigin(origin, this.options.origins) ? 204 : 403, {
        'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
        'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? 'authorization, content-type'),
        'access-control-max-age': '600',
      });
      res.end();
      return true;
    }
    const version = /^\/v(?:\d+|\d{4}-\d{2}-\d{2}|X)(\/.*)$/.exec(url.pathname);
    const rest = version?.[1];
    const entry = { at: Date.now(), method: req.method ?? 'GET', path: url.pathname, status: 200 as number };
    try {
      const answered = rest ? await this.dispatch(req, res, url, rest, cors) : await this.dispatchUnversioned(req, res, url);
      if (!answered) return false;
      entry.status = res.statusCode;
    } catch (error) {
      const status = error instanceof ApiError || error instanceof TransactionError ? error.status : ((error as { status?: number }).status ?? 500);
      entry.status = status;
      const body =
        error instanceof TransactionError
          ? { error: { description: error.message, type: error.type }, statusCode: status }
          : {
              error: status === 404 ? 'Not Found' : status === 401 ? 'Unauthorized' : 'Error',
              message: (error as Error).message,
              statusCode: status,
              ...(error instanceof ApiError ? error.extra : {}),
            };
      if (!res.headersSent) this.json(res, status, body);
      else res.end();
    }
    this.lake.requests.push(entry);
    return true;
  };

  close() {
    this.hub.close();
  }

  private json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  private authorized(req: IncomingMessage): boolean {
    const token = this.lake.options.token;
    return !token || req.headers.authorization === `Bearer ${token}`;
  }

  private requireAuth(req: IncomingMessage) {
    if (!this.authorized(req))
      throw new ApiError(401, 'this needs a token (Authorization: Bearer …); open the Studio at /#token=<the lake token>', {
        errorCode: 'SIO-401-ANF',
      });
  }

  private checkDataset(dataset: string) {
    if (decodeURIComponent(dataset) !== this.options.dataset) {
      throw new ApiError(404, `Dataset "${dataset}" not found in project "${this.options.projectId}"; the lake serves "${this.options.dataset}"`, {
        type: 'datasetNotFound',
      });
    }
  }

  private async body(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private async jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const text = (await this.body(req)).toString('utf8');
    if (!text) return {};
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new ApiError(400, 'the request body is not JSON');
    }
  }

  private project() {
    const { projectId } = this.options;
    return {
      id: projectId,
      displayName: 'Tongbao (local lake)',
      studioHost: null,
      isBlocked: false,
      isDisabled: false,
      isDisabledByUser: false,
      activityFeedEnabled: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      organizationId: null,
      metadata: {},
      members: [
        {
          id: this.user.id,
          role: 'editor',
          roles: [{ name: 'editor', title: 'Editor' }],
          isCurrentUser: true,
          isRobot: false,
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      ],
      features: [],
      pendingInvites: 0,
    };
  }

  private me() {
    return {
      ...this.user,
      profileImage: null,
      provider: 'sanity',
      role: 'editor',
      roles: [{ name: 'editor', title: 'Editor', description: 'Reads, creates, edits and publishes documents' }],
    };
  }

  private async dispatchUnversioned(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    // Uploaded assets are served from memory; the lake serves the dataset's own images from its folders.
    const m = /^\/(images|files)\/[^/]+\/[^/]+\/([^/]+)$/.exec(url.pathname);
    if (!m || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const asset = this.assets.get(m[2]!);
    if (!asset) return false;
    res.writeHead(200, {
      'content-type': asset.contentType,
      'content-length': String(asset.bytes.length),
      'cache-control': 'public, max-age=31536000, immutable',
    });
    res.end(req.method === 'HEAD' ? undefined : asset.bytes);
    return true;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, url: URL, path: string, cors: Record<string, string>): Promise<boolean> {
    const method = req.method ?? 'GET';
    const { projectId } = this.options;
    let m: RegExpExecArray | null;
    if (path === '/ping' || /^\/data\/ping(\/|$)/.test(path)) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'timing-allow-origin': '*' });
      res.end('PONG');
      return true;
    }
    if (path === '/check/cors') {
      this.json(res, 200, { result: { allowed: allowedOrigin(req.headers.origin, this.options.origins), withCredentials: true } });
      return true;
    }
    if (path === '/users/me') {
      if (!this.authorized(req) || !this.lake.options.token) {
        // A lake without a token has nobody to sign in: Sanity answers {} for an anonymous caller.
        if (!this.lake.options.token) this.json(res, 200, this.me());
        else this.json(res, 200, {});
        return true;
      }
      this.json(res, 200, this.me());
      return true;
    }
    if ((m = /^\/users\/me\/keyvalue(?:\/(.+))?$/.exec(path))) {
      this.requireAuth(req);
      if (method === 'PUT') {
        const pairs = JSON.parse((await this.body(req)).toString('utf8') || '[]') as { key: string; value: unknown }[];
        if (!Array.isArray(pairs)) throw new ApiError(400, 'expected [{key, value}]');
        for (const p of pairs) this.keyValues.set(p.key, p.value);
        this.json(res, 200, pairs);
        return true;
      }
      const keys = decodeURIComponent(m[1] ?? '')
        .split(',')
        .filter(Boolean);
      this.json(
        res,
        200,
        keys.map((key) => ({ key, value: this.keyValues.get(key) ?? null })),
      );
      return true;
    }
    if (path === '/auth/providers') {
      // Sign-in is by token (/#token=…): no login providers.
      this.json(res, 200, { providers: [], thirdPartyLogin: false, sso: { saml: false } });
      return true;
    }
    if (path === '/intake/telemetry-status') {
      // Telemetry is off: the Studio asks for consent and is told no.
      this.json(res, 200, { status: 'denied' });
      return true;
    }
    if (path.startsWith('/intake/')) {
      res.writeHead(204);
      res.end();
      return true;
    }
    if ((m = /^\/projects\/([^/]+)(\/.*)?$/.exec(path))) {
      if (m[1] !== projectId)
        throw new ApiError(404, `Project "${m[1]}" not found; the lake serves project "${projectId}"`, { errorCode: 'SIO-404-PNF' });
      this.requireAuth(req);
      const sub = m[2] ?? '';
      if (sub === '') return (this.json(res, 200, this.project()), true);
      // Add-on datasets (comments) are asked for by profile: the lake has none.
      if (sub === '/datasets' && (url.searchParams.get('datasetProfile') ?? 'content') !== 'content') return (this.json(res, 200, []), true);
      if (sub === '/datasets')
        return (
          this.json(res, 200, [
            {
              name: this.options.dataset,
              aclMode: 'private',
              createdAt: '2026-01-01T00:00:00.000Z',
              createdByUserId: this.user.id,
              addonFor: null,
              datasetProfile: 'content',
              features: [],
              tags: [],
            },
          ]),
          true
        );
      if ((m = /^\/datasets\/([^/]+)\/acl$/.exec(sub))) {
        this.checkDataset(m[1]!);
        // The editor role: read, create, update and history on every document.
        return (this.json(res, 200, [{ filter: '_id in path("**")', permissions: ['read', 'create', 'update', 'history'] }]), true);
      }
      if (sub === '/grants') {
        const all = { filter: '_id in path("**")' };
        return (
          this.json(res, 200, {
            'sanity.document.filter': [],
            'sanity.document.filter.mode': [{ grants: [{ name: 'create' }, { name: 'history' }, { name: 'read' }, { name: 'update' }], config: all }],
            'sanity.project': [{ grants: [{ name: 'read' }], config: {} }],
            'sanity.project.datasets': [{ grants: [{ name: 'read' }], config: {} }],
          }),
          true
        );
      }
      if (sub === '/user-applications' || sub === '/features' || sub.startsWith('/features/')) return (this.json(res, 200, []), true);
      throw new ApiError(404, `the lake does not offer /projects/{id}${sub} (a hosted project's setting)`);
    }
    if (path === '/features') return (this.json(res, 200, []), true);
    if ((m = /^\/data\/listen\/([^/]+)$/.exec(path))) {
      this.checkDataset(m[1]!);
      this.hub.open(req, res, url, this.authorized(req), cors);
      return true;
    }
    if ((m = /^\/data\/(mutate|actions)\/([^/]+)$/.exec(path)) && method === 'POST') {
      this.checkDataset(m[2]!);
      this.requireAuth(req);
      const body = await this.jsonBody(req);
      const opts = { transactionId: typeof body.transactionId === 'string' ? body.transactionId : undefined, author: this.user.id };
      let result;
      if (m[1] === 'mutate') {
        if (!Array.isArray(body.mutations)) throw new ApiError(400, 'expected {mutations: [...]}');
        result = await applyMutations(this.lake.docs, body.mutations as never, opts);
      } else {
        const actions = Array.isArray(body.actions) ? body.actions : body.actions ? [body.actions] : undefined;
        if (!actions) throw new ApiError(400, 'expected {actions: [...]}');
        result = await applyActions(this.lake.docs, actions as never, opts);
        if (body.dryRun === true) return (this.json(res, 200, { transactionId: result.transaction.id }), true);
      }
      this.commit(result.next, result.transaction);
      if (m[1] === 'actions') return (this.json(res, 200, { transactionId: result.transaction.id }), true);
      const returnDocuments = url.searchParams.get('returnDocuments') === 'true';
      this.json(res, 200, {
        transactionId: result.transaction.id,
        results: result.transaction.results.map((r) => ({ ...r, ...(returnDocuments ? { document: this.lake.docs.get(r.id) } : {}) })),
        ...(returnDocuments ? { documents: result.transaction.results.flatMap((r) => this.lake.docs.get(r.id) ?? []) } : {}),
      });
      return true;
    }
    if ((m = /^\/data\/history\/([^/]+)\/(transactions|documents)\/(.+)$/.exec(path))) {
      this.checkDataset(m[1]!);
      this.requireAuth(req);
      const ids = decodeURIComponent(m[3]!).split(',');
      if (m[2] === 'documents') return (this.json(res, 200, { documents: ids.flatMap((id) => this.revisionOf(id, url.searchParams) ?? []) }), true);
      this.history(res, ids, url.searchParams);
      return true;
    }
    if ((m = /^\/assets\/(images|files)\/([^/]+)$/.exec(path)) && method === 'POST') {
      this.checkDataset(m[2]!);
      this.requireAuth(req);
      const bytes = await this.body(req);
      return (
        this.json(res, 200, {
          document: this.upload(
            m[1] as 'images' | 'files',
            bytes,
            url.searchParams,
            String(req.headers['content-type'] ?? 'application/octet-stream'),
          ),
        }),
        true
      );
    }
    if (/^\/(journey|schedules|socket|help|notifications|comments|releases|access)(\/|$)/.test(path)) {
      throw new ApiError(404, `${path}: a hosted Sanity service the lake does not offer`);
    }
    return false;
  }

  /** Makes a transaction the lake's state and tells the listeners. */
  private commit(next: Map<string, Doc>, t: Transaction) {
    this.lake.docs.clear();
    for (const [id, d] of next) this.lake.docs.set(id, d);
    for (const c of t.changes) this.remember(c.id, c.after, t.id);
    this.transactions.push(t);
    if (this.lake.options.persist) {
      writeFileSync(this.lake.options.datasetFile, [...this.lake.docs.values()].map((d) => JSON.stringify(d)).join('\n') + '\n');
    }
    void this.hub.publish(t);
  }

  private remember(id: string, doc: Doc | null, rev = doc?._rev as string | undefined) {
    if (!rev) return;
    let byRev = this.revisions.get(id);
    if (!byRev) this.revisions.set(id, (byRev = new Map()));
    byRev.set(rev, doc);
  }

  /** GET /data/history/{ds}/documents/{id}?revision=… or ?time=… */
  private revisionOf(id: string, params: URLSearchParams): Doc | null {
    const revision = params.get('revision');
    if (revision) return this.revisions.get(id)?.get(revision) ?? null;
    const time = params.get('time');
    if (time) {
      const at = Date.parse(time);
      let found: Doc | null = null;
      for (const t of this.transactions) {
        if (Date.parse(t.timestamp) > at) break;
        const c = t.changes.find((x) => x.id === id);
        if (c) found = c.after;
      }
      return (
        found ??
        (this.transactions.length === 0 || !this.transactions.some((t) => t.changes.some((c) => c.id === id))
          ? (this.lake.docs.get(id) ?? null)
          : null)
      );
    }
    return this.lake.docs.get(id) ?? null;
  }

  /** GET /data/history/{ds}/transactions/{ids}: NDJSON, one transaction a line, as Sanity sends it. */
  private history(res: ServerResponse, ids: string[], params: URLSearchParams) {
    const wanted = new Set(ids);
    const reverse = params.get('reverse') === 'true';
    const limit = Number(params.get('limit') ?? 'Infinity');
    const excludeContent = params.get('excludeContent') === 'true';
    const excludeMutations = params.get('excludeMutations') === 'true';
    const mendoza = params.get('effectFormat') === 'mendoza';
    const fromTx = params.get('fromTransaction');
    const toTx = params.get('toTransaction');
    let list = this.transactions.filter((t) => t.changes.some((c) => wanted.has(c.id)));
    if (fromTx)
      list = list.slice(
        Math.max(
          0,
          list.findIndex((t) => t.id === fromTx),
        ),
      );
    if (toTx) {
      const end = list.findIndex((t) => t.id === toTx);
      if (end >= 0) list = list.slice(0, end + 1);
    }
    if (reverse) list = list.toReversed();
    if (Number.isFinite(limit)) list = list.slice(0, limit);
    const strip = (d: Doc | null) => {
      if (!d) return null;
      const { _rev: _omit, ...rest } = d;
      return rest;
    };
    const lines = list.map((t) => {
      const changes = t.changes.filter((c) => wanted.has(c.id));
      return JSON.stringify({
        id: t.id,
        timestamp: t.timestamp,
        author: t.author,
        documentIDs: changes.map((c) => c.id),
        ...(excludeMutations ? {} : { mutations: changes.flatMap((c) => c.mutations) }),
        ...(mendoza || !excludeContent
          ? { effects: Object.fromEntries(changes.map((c) => [c.id, { apply: [0, strip(c.after)], revert: [0, strip(c.before)] }])) }
          : {}),
      });
    });
    res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
    res.end(lines.length ? lines.join('\n') + '\n' : '');
  }

  /** POST /assets/images/{ds}: stores the bytes, creates the sanity.imageAsset document (by content hash). */
  private upload(kind: 'images' | 'files', bytes: Buffer, params: URLSearchParams, contentType: string): Doc {
    if (!bytes.length) throw new ApiError(400, 'the upload is empty');
    const sha1 = createHash('sha1').update(bytes).digest('hex');
    const filename = params.get('filename') ?? undefined;
    let ext = (filename?.match(/\.([a-z0-9]+)$/i)?.[1] ?? contentType.split('/')[1] ?? 'bin').toLowerCase();
    if (ext === 'jpeg') ext = 'jpg';
    let id: string;
    let doc: Doc;
    const base = {
      originalFilename: filename,
      sha1hash: sha1,
      extension: ext,
      mimeType: contentType,
      size: bytes.length,
      assetId: sha1,
      uploadId: randomUUID().replaceAll('-', ''),
    };
    if (kind === 'images') {
      const size = imageSize(bytes);
      if (!size) throw new ApiError(400, `${filename ?? 'the upload'} is not a PNG, JPEG, GIF or WebP image; upload an image file`);
      const dims = `${size.width}x${size.height}`;
      id = `image-${sha1}-${dims}-${ext}`;
      const name = `${sha1}-${dims}.${ext}`;
      doc = {
        _id: id,
        _type: 'sanity.imageAsset',
        ...base,
        mimeType: size.mime,
        path: `images/${this.options.projectId}/${this.options.dataset}/${name}`,
        url: `${this.originUrl()}/images/${this.options.projectId}/${this.options.dataset}/${name}`,
        metadata: {
          _type: 'sanity.imageMetadata',
          dimensions: { _type: 'sanity.imageDimensions', width: size.width, height: size.height, aspectRatio: size.width / size.height },
          hasAlpha: size.mime === 'image/png',
          isOpaque: size.mime !== 'image/png',
        },
      };
      this.assets.set(name, { bytes, contentType: size.mime });
    } else {
      id = `file-${sha1}-${ext}`;
      const name = `${sha1}.${ext}`;
      doc = {
        _id: id,
        _type: 'sanity.fileAsset',
        ...base,
        path: `files/${this.options.projectId}/${this.options.dataset}/${name}`,
        url: `${this.originUrl()}/files/${this.options.projectId}/${this.options.dataset}/${name}`,
      };
      this.assets.set(name, { bytes, contentType });
    }
    const existing = this.lake.docs.get(id);
    if (existing) return existing;
    const now = new Date().toISOString();
    const stored = { ...doc, _createdAt: now, _updatedAt: now, _rev: randomUUID().replaceAll('-', '').slice(0, 22) } as Doc;
    const t: Transaction = {
      id: stored._rev as string,
      timestamp: now,
      author: this.user.id,
      changes: [{ id, before: null, after: stored, mutations: [{ create: stored }] }],
      results: [{ id, operation: 'create' }],
    };
    const next = new Map(this.lake.docs);
    next.set(id, stored);
    this.commit(next, t);
    return stored;
  }

  private originUrl() {
    return this.options.origin ?? '';
  }
}

/**
 * The listen API (GET /v{apiVersion}/data/listen/{dataset}?query=…) as Sanity documents it: a
 * server-sent event stream that opens with `welcome`, then sends one `mutation` event per document
 * a transaction changed whose before or after state matches the query's filter. Events carry
 * `previousRev`/`resultRev` (the Studio chains them), the mutations, and with `effectFormat=mendoza`
 * the effects as a Mendoza patch (a whole-value patch: `[0, value]` is Mendoza's "output this value").
 * https://www.sanity.io/docs/http-reference/listen
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { evaluate, parse } from 'groq-js';
import type { Doc } from './server.ts';
import { isDraftId, isVersionId, type Transaction } from './transactions.ts';

interface Listener {
  res: ServerResponse;
  filter: (doc: Doc) => Promise<boolean>;
  includeResult: boolean;
  includePreviousRevision: boolean;
  includeMutations: boolean;
  includeAllVersions: boolean;
  mendoza: boolean;
  events: Set<string>;
  /** Only a token sees drafts and versions. */
  authorized: boolean;
}

const SYSTEM = (doc: Doc | null): Doc | null => {
  if (!doc) return null;
  const { _rev: _omit, ...rest } = doc;
  return rest as Doc;
};

export class ListenHub {
  private readonly listeners = new Set<Listener>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor() {
    // Sanity sends a comment line now and then so proxies keep the connection open.
    this.keepAlive = setInterval(() => {
      for (const l of this.listeners) l.res.write(': keepalive\n\n');
    }, 25_000);
    this.keepAlive.unref();
  }

  get size() {
    return this.listeners.size;
  }

  close() {
    clearInterval(this.keepAlive);
    for (const l of this.listeners) l.res.end();
    this.listeners.clear();
  }

  /** Opens a stream; throws (400) when the query is not GROQ. */
  open(req: IncomingMessage, res: ServerResponse, url: URL, authorized: boolean, headers: Record<string, string>) {
    const query = url.searchParams.get('query');
    if (!query) throw Object.assign(new Error('listen needs a query (a GROQ filter such as *[_type == "article"])'), { status: 400 });
    const params: Record<string, unknown> = {};
    for (const [name, value] of url.searchParams) {
      if (!name.startsWith('$')) continue;
      try {
        params[name.slice(1)] = JSON.parse(value);
      } catch {
        throw Object.assign(new Error(`parameter ${name} is not JSON`), { status: 400 });
      }
    }
    let tree: ReturnType<typeof parse>;
    try {
      tree = parse(query, { params });
    } catch (error) {
      throw Object.assign(new Error(`listen query does not parse: ${(error as Error).message}`), { status: 400 });
    }
    const flag = (name: string, fallback: boolean) => {
      const v = url.searchParams.get(name);
      return v === null ? fallback : v === 'true';
    };
    const listener: Listener = {
      res,
      filter: async (doc) => {
        const value = await (await evaluate(tree, { dataset: [doc], params })).get();
        return Array.isArray(value) ? value.length > 0 : Boolean(value);
      },
      includeResult: flag('includeResult', true),
      includePreviousRevision: flag('includePreviousRevision', false),
      includeMutations: flag('includeMutations', true),
      includeAllVersions: flag('includeAllVersions', false),
      mendoza: url.searchParams.get('effectFormat') === 'mendoza',
      events: new Set((url.searchParams.get('events') ?? 'welcome,mutation,reconnect').split(',')),
      authorized,
    };
    // No Connection header: HTTP/2 forbids it, and the stream stays open either way.
    res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    res.write(': open\n\n');
    this.listeners.add(listener);
    const drop = () => this.listeners.delete(listener);
    req.on('close', drop);
    res.on('close', drop);
    if (listener.events.has('welcome')) this.send(listener, 'welcome', { listenerName: `lake-${randomUUID().slice(0, 8)}` });
  }

  private send(l: Listener, event: string, data: unknown, id?: string) {
    l.res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Sends a transaction's events to every listener whose query matches a changed document. */
  async publish(t: Transaction) {
    for (const l of this.listeners) {
      if (!l.events.has('mutation')) continue;
      const events: Record<string, unknown>[] = [];
      for (const c of t.changes) {
        if (!l.includeAllVersions && isVersionId(c.id)) continue;
        if (!l.authorized && (isDraftId(c.id) || isVersionId(c.id))) continue;
        const was = c.before ? await l.filter(c.before) : false;
        const is = c.after ? await l.filter(c.after) : false;
        if (!was && !is) continue;
        events.push({
          eventId: `${t.id}#${c.id}`,
          documentId: c.id,
          transactionId: t.id,
          transition: was && is ? 'update' : is ? 'appear' : 'disappear',
          identity: t.author,
          previousRev: c.before?._rev,
          resultRev: c.after ? c.after._rev : t.id,
          timestamp: t.timestamp,
          visibility: 'query',
          ...(l.includeMutations ? { mutations: c.mutations } : {}),
          ...(l.includeResult && c.after ? { result: c.after } : {}),
          ...(l.includePreviousRevision && c.before ? { previous: c.before } : {}),
          ...(l.mendoza ? { effects: { apply: [0, SYSTEM(c.after)], revert: [0, SYSTEM(c.before)] } } : {}),
        });
      }
      events.forEach((e, i) =>
        this.send(l, 'mutation', { ...e, transactionTotalEvents: events.length, transactionCurrentEvent: i + 1 }, String(e.eventId)),
      );
    }
  }
}

/**
 * A real HTTP proxy in front of the lake (node:http), for the server's Sanity faults: it passes requests through and
 * records each one (method, path, the GROQ query), or fails them as a broken Sanity would: 500, 429 with Retry-After,
 * a hang (no answer at all), a connection closed without an answer, or nothing listening (connection refused).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ProxyMode = 'pass' | '500' | '429' | 'hang' | 'close' | 'refuse';

export interface ProxiedRequest {
  method: string;
  path: string;
  /** The GROQ query of a query request (GET `?query=` or POST `{query}`). */
  query?: string | undefined;
}

export interface FaultProxy {
  origin: string;
  requests: ProxiedRequest[];
  /** Switches how the next requests are answered ('refuse' stops listening; any other mode listens again). */
  setMode(mode: ProxyMode): Promise<void>;
  close(): Promise<void>;
}

export const RETRY_AFTER = 5;

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let mode: ProxyMode = 'pass';
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://proxy');
      let query = url.searchParams.get('query') ?? undefined;
      if (!query && body.length && req.method === 'POST' && url.pathname.includes('/data/query/')) {
        query = (JSON.parse(body.toString('utf8')) as { query?: string }).query;
      }
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query });
      if (mode === '500') return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"Internal Server Error"}');
      if (mode === '429')
        return void res
          .writeHead(429, { 'content-type': 'application/json', 'retry-after': String(RETRY_AFTER) })
          .end('{"error":"Too Many Requests"}');
      if (mode === 'hang') return; // never answered; the socket is destroyed at close
      if (mode === 'close') return void req.socket.destroy();
      const forward = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  };

  let server: Server | undefined;
  let port = 0;
  const listen = async () => {
    server = createServer(handle);
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  const stop = async () => {
    if (!server) return;
    const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
    for (const s of sockets) s.destroy();
    await closing;
    server = undefined;
  };
  await listen();
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    async setMode(next) {
      mode = next;
      if (next === 'refuse') await stop();
      else if (!server) await listen();
      // Connections kept alive from the last mode would keep its answers: each mode starts on new connections.
      else for (const s of sockets) s.destroy();
    },
    close: stop,
  };
}

/** Local HTTP endpoints (127.0.0.1 only) that record every request and answer from a script of statuses. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Recorder {
  url: string;
  requests: Recorded[];
  /** The statuses of the next answers, in order; once used up, `fallback`. */
  script: number[];
  fallback: number;
  close: () => Promise<void>;
}

export async function recorder(fallback = 200, body = ''): Promise<Recorder> {
  const state: Omit<Recorder, 'url' | 'close'> = { requests: [], script: [], fallback };
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      state.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(parts).toString('utf8') });
      res.statusCode = state.script.shift() ?? state.fallback;
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as Recorder;
}

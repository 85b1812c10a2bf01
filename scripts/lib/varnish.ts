/**
 * Varnish for tests and benchmarks: starts `varnishd` in the foreground with infra/varnish/tongbao.vcl
 * in front of a given origin, waits until it answers, and stops it.
 *
 *   const varnish = await startVarnish({ backend: { host: '127.0.0.1', port: 4321 }, siteHost: 'tongbao.example' });
 *   await fetch(`${varnish.url}/zh-hans/`); … await varnish.stop();
 *
 * The per-run part of the VCL (origin address, site host) is written as tongbao-site.vcl into a scratch
 * folder that is first on vcl_path; varnishd's working directory (-n) is in the same folder and removed
 * on stop. Nothing is left running: stop() waits for the process to exit.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TONGBAO_VCL = join(import.meta.dirname, '..', '..', 'infra', 'varnish', 'tongbao.vcl');

export interface VarnishOptions {
  backend: { host: string; port: number };
  /** The public host name every request is normalised to (default tongbao.example). */
  siteHost?: string | undefined;
  /** Listen port (default: a free one). */
  port?: number | undefined;
  /** The main VCL (default infra/varnish/tongbao.vcl). */
  vcl?: string | undefined;
  /** Storage size (default 64m). */
  storage?: string | undefined;
  /** Extra `-p name=value` parameters. */
  params?: Record<string, string> | undefined;
  /** How long to wait for varnishd to answer (default 20 s; it compiles the VCL with cc first). */
  readyTimeoutMs?: number | undefined;
}

export interface RunningVarnish {
  url: string;
  port: number;
  /** The scratch folder (working directory and generated include). */
  dir: string;
  process: ChildProcess;
  /** What varnishd wrote so far (for error messages). */
  output(): string;
  stop(): Promise<void>;
}

/** Where varnishd is, or undefined. */
export function findVarnishd(): string | undefined {
  for (const candidate of ['/usr/sbin/varnishd', '/usr/local/sbin/varnishd']) {
    const r = spawnSync(candidate, ['-V'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  const r = spawnSync('varnishd', ['-V'], { encoding: 'utf8' });
  return r.status === 0 ? 'varnishd' : undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const vclString = (value: string, what: string) => {
  if (!/^[A-Za-z0-9.:_-]+$/.test(value)) throw new Error(`[tongbao] varnish: ${what} ${JSON.stringify(value)} is not a plain host name or address`);
  return `"${value}"`;
};

/** Pure: the per-installation include for tongbao.vcl. */
export function siteVcl(backend: { host: string; port: number }, siteHost: string): string {
  return `# Written by scripts/lib/varnish.ts for one run.
backend tongbao_origin {
  .host = ${vclString(backend.host, 'backend host')};
  .port = "${Number(backend.port)}";
  .connect_timeout = 1s;
  .first_byte_timeout = 10s;
}

sub tongbao_site {
  set req.http.host = ${vclString(siteHost, 'site host')};
}
`;
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`[tongbao] varnishd exited with ${child.exitCode} before answering:\n${output()}`);
    try {
      const res = await fetch(`${url}/__varnish/ping`, { signal: AbortSignal.timeout(1_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`[tongbao] varnishd did not answer on ${url} within ${timeoutMs} ms:\n${output()}`);
}

export async function startVarnish(options: VarnishOptions): Promise<RunningVarnish> {
  const varnishd = findVarnishd();
  if (!varnishd)
    throw new Error(
      '[tongbao] varnishd not found: install Varnish (Debian: apt-get install varnish varnish-modules, or run `node scripts/ensure-tools.ts` as root)',
    );
  const dir = mkdtempSync(join(tmpdir(), 'tongbao-varnish-'));
  // varnishd drops privileges to its own user when started as root: let it read the scratch folder.
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'tongbao-site.vcl'), siteVcl(options.backend, options.siteHost ?? 'tongbao.example'));
  const port = options.port ?? (await freePort());
  const args = [
    '-F',
    '-a',
    `127.0.0.1:${port}`,
    '-f',
    options.vcl ?? TONGBAO_VCL,
    '-n',
    join(dir, 'work'),
    '-s',
    `malloc,${options.storage ?? '64m'}`,
    '-p',
    `vcl_path=${dir}:/etc/varnish:/usr/share/varnish/vcl`,
    // Nothing else listens: no management port clash between parallel runs.
    '-T',
    'none',
    ...Object.entries(options.params ?? {}).flatMap(([k, v]) => ['-p', `${k}=${v}`]),
  ];
  const child = spawn(varnishd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(url, child, options.readyTimeoutMs ?? 20_000, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, dir, process: child, output: () => output, stop };
}

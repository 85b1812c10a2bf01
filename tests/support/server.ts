/**
 * `npm run serve` on a port, for tests, over a server build (the `server` scenario of tests/support/scenarios.ts:
 * its output lives inside the project, where the server's modules resolve packages from its node_modules).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { buildEnvironment, projectRoot } from './build.ts';

export interface RunningServer {
  origin: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm run serve`'s script for the build in `outDir` on 127.0.0.1:`port`; resolves when it listens. */
export async function startServer(outDir: string, port: number, env: Record<string, string> = {}): Promise<RunningServer> {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [join(projectRoot, 'scripts', 'serve.ts')], {
    cwd: projectRoot,
    env: { ...buildEnvironment(), NO_COLOR: '1', ...env, TONGBAO_OUT_DIR: outDir, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`[tests] server on ${port} did not start in 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Server listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`[tests] server on ${port} exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

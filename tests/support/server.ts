/** A server build (TONGBAO_OUTPUT=server npm run build) and `npm run serve` on a port, for tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { buildEnvironment, projectRoot, siteBuild, type BuildResult } from './build.ts';

/**
 * Builds the server into a fresh folder inside the project (the server's modules resolve packages from
 * the project's node_modules, so its output cannot live elsewhere).
 */
export function serverBuild(env: Record<string, string> = {}): BuildResult {
  // node_modules/.cache need not exist yet (a fresh install, a run of this file alone).
  const cache = join(projectRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = join(mkdtempSync(join(cache, 'tongbao-server-')), 'dist');
  return siteBuild({ ...env, TONGBAO_OUTPUT: 'server', TONGBAO_OUT_DIR: outDir });
}

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

/** Runs a command under GNU time and returns wall time and peak resident memory. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Measurement {
  wallSeconds: number;
  peakMemoryMB: number;
  exitCode: number;
  output: string;
}

const TIME = '/usr/bin/time';

export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; onLine?: (line: string) => void },
): Promise<Measurement> {
  if (!existsSync(TIME)) {
    throw new Error('[tongbao] the benchmark needs GNU time for peak memory: apt-get install time');
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(TIME, ['-v', command, ...args], { cwd: options.cwd, env: options.env });
    let output = '';
    let pending = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine?.(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = (performance.now() - started) / 1000;
      const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1] ?? NaN);
      resolve({ wallSeconds, peakMemoryMB: kb / 1024, exitCode: code ?? 1, output });
    });
  });
}

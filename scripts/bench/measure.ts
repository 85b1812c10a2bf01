/** Runs a command under GNU time and returns wall time and peak resident memory. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/**
 * The sum over a process and all its descendants of what `value` reads from each one's /proc/<pid>/stat fields
 * (counted from the state, after the command name).
 */
function treeSum(rootPid: number, value: (fields: readonly string[]) => number): number {
  const values = new Map<number, number>();
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      values.set(pid, value(fields));
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop() as number;
    total += values.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** CPU time (user + system) of a process and all its descendants, in seconds: utime + stime, 100 ticks a second. */
export const treeCpuSeconds = (rootPid: number): number => treeSum(rootPid, (f) => Number(f[11]) + Number(f[12])) / 100;

/** Resident memory of a process and all its descendants, in kB: resident pages × 4 kB. */
export const treeRssKb = (rootPid: number): number => treeSum(rootPid, (f) => Number(f[21]) * 4);

export interface Measurement {
  wallSeconds: number;
  /** Peak of the whole process tree (sampled every 100 ms), or of the largest process if higher. */
  peakMemoryMB: number;
  /** Peak of the largest single process (GNU time). */
  largestProcessMB: number;
  /** User + system CPU seconds of the command and its descendants. */
  cpuSeconds: number;
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
    // GNU time gives the largest single process; the sum over the process tree, sampled, is what the machine needs.
    let treePeakKb = 0;
    const sampler = setInterval(() => {
      if (child.pid) treePeakKb = Math.max(treePeakKb, treeRssKb(child.pid));
    }, 100);
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
      clearInterval(sampler);
      const wallSeconds = (performance.now() - started) / 1000;
      const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1] ?? NaN);
      const cpu = (label: string) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(output)?.[1] ?? NaN);
      resolve({
        wallSeconds,
        peakMemoryMB: Math.max(kb, treePeakKb) / 1024,
        largestProcessMB: kb / 1024,
        cpuSeconds: cpu('User') + cpu('System'),
        exitCode: code ?? 1,
        output,
      });
    });
  });
}

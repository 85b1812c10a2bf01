/** Runs a command under GNU time and returns wall time and peak resident memory. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** CPU time (user + system) of a process and all its descendants, in seconds, read from /proc. */
export function treeCpuSeconds(rootPid: number): number {
  const ticks = new Map<number, number>();
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      ticks.set(pid, Number(fields[11]) + Number(fields[12])); // utime + stime, in clock ticks (100 a second)
      children.set(Number(fields[1]), [...(children.get(Number(fields[1])) ?? []), pid]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop() as number;
    total += ticks.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total / 100;
}

/** Resident memory of a process and all its descendants, in kB, read from /proc. */
export function treeRssKb(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4); // resident pages × 4 kB
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop() as number;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

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

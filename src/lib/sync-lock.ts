/**
 * A lock between the processes of one checkout: a folder made with mkdir (atomic: one process makes it,
 * the others get EEXIST) holding the owner's pid. A lock whose owner has died is taken over, so a build
 * killed mid-way does not stop the next one.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function ownerOf(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock `dir` (waiting for its owner to release it or die); resolves to the function that releases it. */
export async function acquireLock(dir: string, { pollMs = 100, timeoutMs = 10 * 60_000 } = {}): Promise<() => void> {
  const until = Date.now() + timeoutMs;
  let unowned = 0;
  mkdirSync(dirname(dir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      let held = true;
      const release = () => {
        if (held) rmSync(dir, { recursive: true, force: true });
        held = false;
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = ownerOf(dir);
    // No pid yet: its owner is between mkdir and writing it; gone for good after a few polls (killed there).
    unowned = owner === undefined ? unowned + 1 : 0;
    if ((owner !== undefined && !alive(owner)) || unowned > 20) {
      rmSync(dir, { recursive: true, force: true });
      unowned = 0;
      continue;
    }
    if (Date.now() > until)
      throw new Error(
        `[tongbao] ${dir}: held by process ${owner ?? '(unknown)'} for over ${timeoutMs / 60_000} minutes; remove the folder if no build is running`,
      );
    await sleep(pollMs);
  }
}

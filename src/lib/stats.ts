/**
 * Build figures for the benchmark (time converting, rendering, reusing the cache, indexing search).
 * Each build context collects its own (`createStats`). The pages and the integrations of one build
 * run as separate module graphs, so the figures travel through a file, TONGBAO_STATS_FILE, when it is
 * set: the renderer writes its figures when every body is rendered (`writeStats`), and the search
 * integration adds its own after the pages are written (`addToStatsFile`).
 */
import { readFileSync, writeFileSync } from 'node:fs';

export type Figures = Record<string, number>;

export interface BuildStats {
  add(figures: Figures): void;
  snapshot(): Figures;
}

export function createStats(): BuildStats {
  const store: Figures = {};
  return {
    add(figures) {
      for (const [name, value] of Object.entries(figures)) store[name] = (store[name] ?? 0) + value;
    },
    snapshot: () => ({ ...store }),
  };
}

/** Writes `figures` to `file` (replacing a previous build's); nothing when `file` is unset. */
export function writeStats(file: string | undefined, figures: Figures): void {
  if (file) writeFileSync(file, JSON.stringify(figures, null, 2));
}

/** Adds `figures` to those already in `file` (written earlier in this build); nothing when `file` is unset. */
export function addToStatsFile(file: string | undefined, figures: Figures): void {
  if (!file) return;
  let present: Figures = {};
  try {
    present = JSON.parse(readFileSync(file, 'utf8')) as Figures;
  } catch {
    // no figures yet (a build that rendered nothing writes them all the same; this is a first write)
  }
  const stats = createStats();
  stats.add(present);
  stats.add(figures);
  writeStats(file, stats.snapshot());
}

/**
 * Build figures for the benchmark (time converting, rendering, reusing the cache). Kept on
 * globalThis because Astro runs pages and integrations as separate module graphs in one process;
 * written to TONGBAO_STATS_FILE at the end of the build when that is set.
 */
import { writeFileSync } from 'node:fs';
import { env } from '../config/env.ts';

type Figures = Record<string, number>;
const KEY = Symbol.for('tongbao.buildStats');
const store = ((globalThis as Record<symbol, unknown>)[KEY] ??= {}) as Figures;

export const buildStats = {
  add(figures: Figures): void {
    for (const [name, value] of Object.entries(figures)) store[name] = (store[name] ?? 0) + value;
  },
  snapshot(): Figures {
    return { ...store };
  },
  /** Writes the figures when TONGBAO_STATS_FILE is set. */
  write(): void {
    if (env.TONGBAO_STATS_FILE) writeFileSync(env.TONGBAO_STATS_FILE, JSON.stringify(store, null, 2));
  },
};

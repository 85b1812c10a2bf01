/** Writes the build's figures (src/lib/stats.ts) when the build is done. */
import type { AstroIntegration } from 'astro';
import { buildStats } from '../lib/stats.ts';

export function buildStatsIntegration(): AstroIntegration {
  return {
    name: 'tongbao-build-stats',
    hooks: {
      'astro:build:done': () => buildStats.write(),
    },
  };
}

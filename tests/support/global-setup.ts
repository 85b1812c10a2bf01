/**
 * vitest globalSetup: one folder per `vitest run` for the named builds of tests/support/scenarios.ts,
 * so that the test files of a run share one build per scenario; removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's scenario builds live (tests/support/scenarios.ts). */
    scenarioDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'tongbao-scenarios-'));
  project.provide('scenarioDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

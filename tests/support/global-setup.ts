/**
 * vitest globalSetup: one folder per `vitest run`, inside the project (`.test-work/`), for the named
 * builds of tests/support/scenarios.ts and for every temporary folder the build tests make; removed
 * when the run ends.
 *
 * Inside the project because of where Astro puts its bundle of the pages: inside the output folder
 * when that folder is under the working directory, and in the project's own `.astro/` otherwise, where
 * builds would overwrite each other's (tests/support/worker-cache.ts points the workers' temporary
 * folders here).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectRoot } from './build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's folder: the scenario builds (tests/support/scenarios.ts) and the workers' temporary folders. */
    scenarioDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const work = join(projectRoot, '.test-work');
  mkdirSync(work, { recursive: true });
  const dir = mkdtempSync(join(work, 'run-'));
  // Open to other users like /tmp: varnishd (as root) compiles its VCL as its own user, which must reach
  // the files the tests write here.
  chmodSync(dir, 0o755);
  project.provide('scenarioDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

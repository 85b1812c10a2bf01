/**
 * `npm run build:preview`: the site as it will be once the drafts are published. Reads Sanity's
 * drafts perspective with SANITY_READ_TOKEN, marks every page as a preview (banner, noindex) and
 * writes to its own folder (dist-preview/, never dist/), so a preview can never be deployed by mistake.
 * The token is used to read and never written anywhere (tests/build/sanity.test.ts scans the output).
 * It goes through `npm run build`'s script (scripts/build.ts: temporary folder, output check, swap),
 * so a failed preview build leaves the last preview untouched.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { env } from '../src/config/env.ts';

const root = join(import.meta.dirname, '..');
const outDir = env.TONGBAO_OUT_DIR === 'dist' ? 'dist-preview' : env.TONGBAO_OUT_DIR;
console.log(`[tongbao] preview build: drafts perspective, every page marked as preview, into ${outDir}/`);
const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TONGBAO_PREVIEW: '1', TONGBAO_OUT_DIR: outDir },
});
if (result.status !== 0) {
  console.error('[tongbao] the preview build failed (see above). It needs SANITY_PROJECT_ID, SANITY_DATASET and SANITY_READ_TOKEN.');
}
process.exit(result.status ?? 1);

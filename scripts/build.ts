/**
 * `npm run build`: builds the site into a temporary folder beside the target (TONGBAO_OUT_DIR, default
 * dist/), checks it (src/lib/verify/output.ts: every published article has its pages, feed items and
 * sitemap entries; no secret from the environment in any file) and only then swaps it in. A failed
 * build or a failed check leaves the last good site untouched and exits non-zero.
 *
 * The published list comes from the build itself: the endpoint src/pages/build-manifest.json.ts writes
 * build-manifest.json into the output; this script reads it and removes it before the swap.
 * After the swap, the configured WebSub hubs, IndexNow and Baidu are told what changed since the site
 * that was there before (src/lib/notify/); a failure there is a warning, never a failed build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { env, secretsOf } from '../src/config/env.ts';
import { notifyPublished } from '../src/lib/notify/index.ts';
import { MANIFEST_FILE, type BuildManifest } from '../src/lib/verify/manifest.ts';
import { verifyOutput } from '../src/lib/verify/output.ts';

const root = join(import.meta.dirname, '..');
const target = resolve(root, env.TONGBAO_OUT_DIR);
// The same staging name every time: Astro writes the output folder into the astro:assets module, so a
// new name per build would change every page's dependency hash and defeat the incremental build.
const temp = join(dirname(target), `.${basename(target)}.building`);
const old = join(dirname(target), `.${basename(target)}.old-${process.pid}`);

function fail(message: string, code = 1): never {
  rmSync(temp, { recursive: true, force: true });
  console.error(message);
  console.error(`[tongbao] ${existsSync(target) ? `the last good site in ${env.TONGBAO_OUT_DIR}/ is untouched` : 'nothing was published'}.`);
  process.exit(code);
}

rmSync(temp, { recursive: true, force: true });
const result = spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TONGBAO_OUT_DIR: temp },
});
if (result.status !== 0) fail(`[tongbao] astro build failed (see above); fix what it names and build again.`, result.status ?? 1);

// Server output (TONGBAO_OUTPUT=server): @astrojs/node writes server/ (entry.mjs) and client/ (the prerendered
// pages and assets); the checks read client/, where a static build's files would be.
const server = env.TONGBAO_OUTPUT === 'server';
const files = server ? join(temp, 'client') : temp;
const manifestFile = join(files, MANIFEST_FILE);
if (!existsSync(manifestFile)) fail(`[tongbao] the build wrote no ${MANIFEST_FILE} (src/pages/build-manifest.json.ts); cannot check the output.`);
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BuildManifest;
rmSync(manifestFile);

console.log('[tongbao] checking the output: pages, feeds, sitemap, secrets');
const { problems, counts } = verifyOutput(files, manifest, secretsOf(process.env), { pagesOnDemand: server });
console.log(
  server
    ? `[tongbao] ${counts.articles} published articles: pages on demand (listings, feeds and sitemaps too); ${counts.filesScanned} files scanned for secrets`
    : `[tongbao] ${counts.articles} published articles: ${counts.pages} pages, ${counts.feedItems} feed items, ` +
        `${counts.sitemapEntries} sitemap entries; ${counts.filesScanned} files scanned for secrets`,
);
if (problems.length > 0) {
  const shown = problems.slice(0, 50).map((p) => `  ${p.check}: ${p.message}`);
  if (problems.length > 50) shown.push(`  … and ${problems.length - 50} more`);
  fail(`[tongbao] the output check found ${problems.length} problem(s):\n${shown.join('\n')}\nNothing was published; fix the cause and build again.`);
}

// Swap: the old site moves aside, the new one takes its name, the old one is deleted.
const hadSite = existsSync(target);
if (hadSite) renameSync(target, old);
renameSync(temp, target);
console.log(`[tongbao] published to ${env.TONGBAO_OUT_DIR}/`);

// Tell the configured hubs and search engines what changed (src/lib/notify/); never for a preview build,
// and never a reason to fail: the site is already published.
// The comparison reads both folders before the first await, so the old site can go at once.
const notified = env.TONGBAO_PREVIEW === '1' ? undefined : notifyPublished(hadSite ? old : undefined, target);
rmSync(old, { recursive: true, force: true });
await notified;

/**
 * `npm run build`: the site, built atomically and checked.
 *
 * 1. Reads the source and stops on bad input (every bad file named) before anything is written;
 *    raw HTML that will be sanitized is reported as a warning.
 * 2. Runs `astro build` into a staging folder beside the output folder (TONGBAO_OUT_DIR).
 * 3. Checks the staging folder: nothing lost (pages, feeds, sitemap) and no secret from the
 *    environment in any file.
 * 4. Only then replaces the output folder. A failure at any step leaves the last good site untouched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { env } from '../src/config/env.ts';
import { locales, localeOrder, site } from '../src/config/site.ts';
import { absoluteUrl, paths } from '../src/lib/urls.ts';
import { formatReport, verifyNothingLost } from '../src/build/nothing-lost.ts';
import { discard, leftovers, publish, stagingPath } from '../src/build/publish.ts';
import { findSecretLeaks } from '../src/build/secrets.ts';
import { readSourceArticles } from '../src/build/source.ts';
import { sanitizeReport } from '../src/pipeline/sanitize-report.ts';

const root = resolve(import.meta.dirname, '..');
const target = resolve(root, env.TONGBAO_OUT_DIR);
/** Paths in messages: relative inside the project, absolute outside it. */
const display = (path: string) => {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel || '.';
};
const shown = display(target);
const log = (message: string) => console.log(`[tongbao] ${message}`);
const fail = (message: string): never => {
  console.error(`${message}\n[tongbao] the build failed; ${existsSync(target) ? `the last good site in ${shown}/ is untouched` : `nothing was written to ${shown}/`}.`);
  process.exit(1);
};

for (const old of leftovers(target)) {
  log(`removing ${display(old)} left by an interrupted build`);
  discard(old);
}

// 1. The source, read before anything is built.
const startedAt = new Date();
let source: Awaited<ReturnType<typeof readSourceArticles>>;
try {
  source = await readSourceArticles(root);
} catch (error) {
  fail((error as Error).message);
  throw error;
}
log(`${source.entries.length} article(s) from ${source.name}`);
let warnings = 0;
for (const { article, where } of source.entries) {
  for (const removed of sanitizeReport(article.body)) {
    warnings++;
    console.warn(`[tongbao] warning: ${where}: body line ${removed.line}: ${removed.what} removed (unsafe HTML is sanitized; remove it from the source to silence this)`);
  }
}
if (warnings) log(`${warnings} warning(s) about unsafe HTML; the site is built with it removed`);

// 2. Astro, into a staging folder.
const staging = stagingPath(target);
log(`building into ${display(staging)}/ (replaces ${shown}/ only when everything succeeds)`);
const astro = spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TONGBAO_OUT_DIR: staging },
});
const finishedAt = new Date();
if (astro.status !== 0) {
  discard(staging);
  fail(`[tongbao] astro build exited with ${astro.status ?? astro.signal}; see its messages above.`);
}

// 3. Checks over what was built.
const report = verifyNothingLost(
  staging,
  source.entries.map((e) => e.article),
  {
    locales: localeOrder,
    articlePath: paths.article,
    homePath: paths.home,
    feedPath: paths.feed,
    absoluteUrl,
    feedLimit: site.feedLimit,
  },
  { startedAt, finishedAt },
);
console.log(formatReport(report));
if (report.missing.length) {
  discard(staging);
  fail(`[tongbao] ${report.missing.length} page(s), feed item(s) or sitemap entr(ies) are missing: an article would be lost. Check the pages and feeds code for a filter that drops it.`);
}
const secrets = findSecretLeaks(staging, process.env);
log(`secret scan: ${secrets.files} file(s) searched for the values of ${secrets.variables} credential-like environment variable(s)`);
if (secrets.leaks.length) {
  discard(staging);
  fail(
    secrets.leaks.map((l) => `[tongbao] ${l.file} contains the value of $${l.variable}`).join('\n') +
      '\n[tongbao] a secret would be published. Remove it from the content or the code that prints it, and rotate it if it was ever deployed.',
  );
}

// 4. Publish.
publish(staging, target);
log(`published ${shown}/ (${Object.keys(locales).length} locales)`);

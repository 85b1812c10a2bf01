/**
 * `npm run revalidate -- <slug>… [--url <revalidate URL>]`: purges what a change of these articles
 * purges — the tags the webhook works out (src/server/cache-tags.ts: each article, every list, feed,
 * sitemap and the search page) — in the running server's in-process cache and in every Varnish it is
 * configured with, by sending it the webhook Sanity would send (signed with SANITY_WEBHOOK_SECRET), so
 * the purge is the webhook's own. Default URL: http://HOST:PORT/api/revalidate/ (the `npm run serve`
 * defaults). Exit codes: 0 purged; 1 the server refused or could not be reached; 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook';
import { env } from '../src/config/env.ts';
import { SLUG_PATTERN } from '../src/model/article.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string', default: `http://${env.HOST}:${env.PORT}/api/revalidate/` } },
});

function fail(message: string, code: number): never {
  console.error(`[tongbao] revalidate: ${message}`);
  process.exit(code);
}

if (!positionals.length) fail('name the slug of at least one article: npm run revalidate -- <slug>', 2);
for (const slug of positionals) if (!SLUG_PATTERN.test(slug)) fail(`"${slug}" is not an article slug (lower-case letters, digits and hyphens)`, 2);
const secret = env.SANITY_WEBHOOK_SECRET;
if (!secret) fail('SANITY_WEBHOOK_SECRET is not set: use the secret the server runs with', 2);

for (const slug of positionals) {
  const body = JSON.stringify({ _id: `article-${slug}`, _type: 'article', slug: { current: slug } });
  let res: Response;
  try {
    res = await fetch(values.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now(), secret) },
      body,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    fail(`the server at ${values.url} did not answer (${(error as Error).message}); is npm run serve running there?`, 1);
  }
  const text = await res.text();
  if (res.status !== 200) fail(`${values.url} answered ${res.status} for ${slug}: ${text.slice(0, 300)}`, 1);
  const { tags, purged } = JSON.parse(text) as { tags: string[]; purged: number };
  console.log(`[tongbao] revalidate ${slug}: purged ${tags.join(' ')} (${purged} object(s) in Varnish)`);
}

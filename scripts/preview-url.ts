/**
 * `npm run preview-url -- <slug> [--locale zh-hant] [--hours 1] [--base <origin>]`: prints a link that opens the
 * draft of `<slug>` (a content/ file, `draft: true` or not) in a running server's preview (server output,
 * src/server/preview.ts). The link holds a token signed with TONGBAO_PREVIEW_SECRET (the server's), naming the
 * slug and expiring after `--hours` (default 1, at most 168); opening it sets the preview cookie. Base: SITE_URL.
 * Exit codes: 0 printed; 2 bad arguments or no secret.
 */
import { parseArgs } from 'node:util';
import { env } from '../src/config/env.ts';
import { localeOrder, locales } from '../src/config/site.ts';
import { absoluteUrl, paths } from '../src/lib/urls.ts';
import { SLUG_PATTERN } from '../src/model/article.ts';
import { signToken } from '../src/server/preview-token.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { locale: { type: 'string' }, hours: { type: 'string', default: '1' }, base: { type: 'string' } },
});

function fail(message: string): never {
  console.error(`[tongbao] preview-url: ${message}`);
  process.exit(2);
}

const [slug, ...more] = positionals;
if (!slug || more.length) fail('name one article slug: npm run preview-url -- <slug>');
if (!SLUG_PATTERN.test(slug)) fail(`"${slug}" is not an article slug (lower-case letters, digits and hyphens)`);
const key = env.TONGBAO_PREVIEW_SECRET;
if (!key) fail('TONGBAO_PREVIEW_SECRET is not set: use the secret the server runs with');
const hours = Number(values.hours);
if (!(hours > 0 && hours <= 168)) fail(`--hours ${values.hours}: a number of hours above 0, at most 168`);
const segments = localeOrder.map((l) => locales[l].segment);
if (values.locale !== undefined && !segments.includes(values.locale)) fail(`--locale ${values.locale}: one of ${segments.join(', ')}`);

const token = signToken({ purpose: 'link', slug, expires: new Date(Date.now() + hours * 3_600_000) }, key);
const url = new URL(values.base ? new URL(paths.previewEnter(), values.base).href : absoluteUrl(paths.previewEnter()));
url.searchParams.set('token', token);
if (values.locale) url.searchParams.set('locale', values.locale);
console.log(url.href);

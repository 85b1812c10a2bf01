/**
 * Pure: the link the Studio opens to preview an article's draft on the site's server (server output,
 * src/server/preview.ts): `<SANITY_STUDIO_PREVIEW_URL>/api/preview/?sanity-preview-secret=…&sanity-preview-pathname=
 * /<locale>/preview/<slug>/`. The secret is the one @sanity/preview-url-secret's createPreviewSecret stored in the
 * dataset (valid for an hour); the server checks it with its read token and sets its own preview cookie.
 */
import { STUDIO_LOCALES, type Locale } from '../site-locales.ts';

export const PREVIEW_URL_VARIABLE = 'SANITY_STUDIO_PREVIEW_URL';

/** What the action says when the site's URL is not configured. */
export const PREVIEW_URL_MISSING = `Set ${PREVIEW_URL_VARIABLE} to the site's server (e.g. https://tongbao.example) where the Studio is built, to preview drafts`;

export type PreviewLink = { ok: true; url: string } | { ok: false; reason: string };

/** Pure: the preview link for an article's slug and locale, or why there is none. */
export function previewLink(options: { base: string | undefined; slug: string | undefined; locale: Locale; secret: string }): PreviewLink {
  const base = options.base?.trim();
  if (!base) return { ok: false, reason: PREVIEW_URL_MISSING };
  let origin: URL;
  try {
    origin = new URL(base);
  } catch {
    return { ok: false, reason: `${PREVIEW_URL_VARIABLE} is not a URL: "${base}" (e.g. https://tongbao.example)` };
  }
  if (origin.protocol !== 'https:' && origin.protocol !== 'http:')
    return { ok: false, reason: `${PREVIEW_URL_VARIABLE} must be an http(s) URL, not "${base}"` };
  if (!options.slug) return { ok: false, reason: 'Give the article a slug first: the preview is found by it' };
  const url = new URL('api/preview/', origin.href.endsWith('/') ? origin.href : `${origin.href}/`);
  url.searchParams.set('sanity-preview-secret', options.secret);
  url.searchParams.set('sanity-preview-pathname', `/${STUDIO_LOCALES[options.locale].segment}/preview/${encodeURIComponent(options.slug)}/`);
  return { ok: true, url: url.href };
}

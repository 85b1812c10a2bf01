/**
 * A draft's preview in server output (issue 15, point 4). Three routes, injected by src/integrations/server-mode.ts:
 *
 * - `GET /api/preview/?token=…[&locale=zh-hant]`: a link from `npm run preview-url -- <slug>` (a token signed with
 *   TONGBAO_PREVIEW_SECRET, src/server/preview-token.ts), or, with Sanity as the source,
 *   `GET /api/preview/?sanity-preview-secret=…&sanity-preview-pathname=/<locale>/preview/<slug>/` from the Studio
 *   (the secret @sanity/preview-url-secret made, checked against Sanity with SANITY_READ_TOKEN). A valid one sets
 *   the preview cookie (`tongbao_preview`: HttpOnly, SameSite=Lax, Secure over https, one hour, signed, naming
 *   the one slug) and redirects (303) to the draft's preview page. Anything else: 401, no cookie.
 * - `GET /<locale>/preview/<slug>/`: the draft's article page through the same pipeline and layout
 *   (src/components/ArticleView.astro) with a banner and noindex, `Cache-Control: private, no-store`. Without a
 *   valid cookie for this slug: 401 and no draft text.
 * - `GET /api/preview/exit/?locale=…`: clears the cookie and goes to that locale's home page.
 *
 * Why a path of its own rather than the public path with a cookie: the public pages stay what every cache keeps
 * (they never look at a cookie, so no cache can hold a draft under a public key, whatever it does with cookies),
 * and the preview path answers nothing cacheable to anyone (no-store, private; Varnish also passes every request
 * with the preview cookie and every /api/ request).
 */
import { env } from '../config/env.ts';
import { localeOrder, site } from '../config/site.ts';
import { source } from '../config/source.ts';
import { articleContext, type ArticleContext } from '../lib/article-page.ts';
import type { BuildContext } from '../lib/build-context.ts';
import { neighbours } from '../lib/indexes.ts';
import { articleTagKeys } from '../lib/tags.ts';
import { localeFromSegment, paths } from '../lib/urls.ts';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import { noStoreHeaders } from './cache-headers.ts';
import { liveBuild, SourceUnavailable } from './on-demand.ts';
import { liveEntries } from './live-content.ts';
import { sanityDraft, validateStudioUrl } from './preview-sanity.ts';
import { cookieAllows, PREVIEW_COOKIE_SECONDS, previewCookie, previewTarget, signToken, verifyToken } from './preview-token.ts';

export { PREVIEW_COOKIE } from './preview-token.ts';
import { unavailableResponse } from './unavailable.ts';

/** Every preview response: never stored, never indexed. */
export const PREVIEW_HEADERS: Record<string, string> = { ...noStoreHeaders(), 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A short page in both scripts (never the draft): 401 without a valid link or cookie, 422 for a draft that cannot be shown. */
export function previewRefusal(status: 401 | 404 | 422, detail = ''): Response {
  const [hans, hant] =
    status === 401
      ? ['预览链接无效或已过期，请从编辑台重新打开预览。', '預覽連結無效或已過期，請從編輯台重新開啟預覽。']
      : status === 404
        ? ['找不到这篇草稿。', '找不到這篇草稿。']
        : ['这篇草稿暂时无法预览：', '這篇草稿暫時無法預覽：'];
  const html = `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>预览 · ${site.name['zh-Hans']}</title>
</head>
<body>
<main>
<h1>预览</h1>
<p>${hans}</p>
<section lang="zh-Hant">
<h2>預覽</h2>
<p>${hant}</p>
</section>
${detail ? `<pre lang="en">${escapeHtml(detail)}</pre>` : ''}
</main>
</body>
</html>
`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...PREVIEW_HEADERS } });
}

/** Whether the visitor reached us over https (directly, or through a TLS proxy that says so). */
const overHttps = (request: Request) =>
  new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';

export interface PreviewDeps {
  /** TONGBAO_PREVIEW_SECRET: signs links and cookies. */
  key: string | undefined;
  now: () => Date;
  /** With Sanity as the source: checks the Studio's secret in a preview URL (@sanity/preview-url-secret). */
  validateStudioUrl?: ((url: string) => Promise<{ isValid: boolean; redirectTo?: string | undefined }>) | undefined;
}

export function previewDeps(): PreviewDeps {
  const sanity = source.kind === 'sanity' ? source : undefined;
  return {
    key: env.TONGBAO_PREVIEW_SECRET,
    now: () => new Date(),
    validateStudioUrl: sanity && ((url) => validateStudioUrl(sanity, url)),
  };
}

function refuse(why: string): Response {
  console.warn(`[tongbao] preview refused: ${why}`);
  return previewRefusal(401);
}

/** `GET /api/preview/`: a valid link or Studio secret → the cookie and a redirect to the preview page; else 401. */
export async function enterPreview(request: Request, deps: PreviewDeps = previewDeps()): Promise<Response> {
  if (!deps.key) return refuse('TONGBAO_PREVIEW_SECRET is not set on the server');
  const url = new URL(request.url);
  let target: { locale: Locale; slug: string } | undefined;
  if (url.searchParams.has('sanity-preview-secret')) {
    if (!deps.validateStudioUrl) return refuse('a Studio secret, but Sanity is not the source (set SANITY_PROJECT_ID, SANITY_DATASET)');
    let result: Awaited<ReturnType<NonNullable<PreviewDeps['validateStudioUrl']>>>;
    try {
      result = await deps.validateStudioUrl(request.url);
    } catch (error) {
      return refuse(`the Studio secret could not be checked: ${(error as Error).message}`);
    }
    if (!result.isValid) return refuse('the Studio secret is unknown or older than an hour');
    target = previewTarget(result.redirectTo?.split('?')[0]);
    if (!target) return refuse(`sanity-preview-pathname is not a preview page (/<locale>/preview/<slug>/): ${result.redirectTo ?? '(none)'}`);
  } else {
    const token = verifyToken(url.searchParams.get('token'), 'link', deps.key, deps.now());
    if (!token.ok) return refuse(`the link's token: ${token.reason}`);
    const locale = localeFromSegment(url.searchParams.get('locale') ?? undefined);
    target = { locale: locale && localeOrder.includes(locale) ? locale : site.defaultLocale, slug: token.slug };
  }
  const cookie = signToken(
    { purpose: 'cookie', slug: target.slug, expires: new Date(deps.now().getTime() + PREVIEW_COOKIE_SECONDS * 1000) },
    deps.key,
  );
  return new Response(null, {
    status: 303,
    headers: { ...PREVIEW_HEADERS, Location: paths.preview(target.locale, target.slug), 'Set-Cookie': previewCookie(cookie, overHttps(request)) },
  });
}

/** `GET /api/preview/exit/`: the cookie cleared, then the locale's home page. */
export function exitPreview(request: Request): Response {
  const locale = localeFromSegment(new URL(request.url).searchParams.get('locale') ?? undefined);
  return new Response(null, {
    status: 303,
    headers: {
      ...PREVIEW_HEADERS,
      Location: paths.home(locale && localeOrder.includes(locale) ? locale : site.defaultLocale),
      'Set-Cookie': previewCookie('', overHttps(request)),
    },
  });
}

/** The draft of a slug from the source: the content folder's file (draft or not), or Sanity's drafts perspective. */
async function draftOf(slug: string): Promise<Article | undefined> {
  if (source.kind === 'sanity') return sanityDraft(source, slug);
  return (await liveEntries()).find((e) => e.id === slug)?.data;
}

/**
 * Pure: the article page's context for a draft in the published content: related articles by the draft's own tags
 * and category; neighbours those of its published version, if it has one (the draft takes its place).
 */
export function draftContext(build: BuildContext, draft: Article): ArticleContext {
  const ix = build.indexes;
  const indexes = { ...ix, tagKeys: new Map([...ix.tagKeys, [draft, articleTagKeys(draft)]]) };
  const published = ix.list.find((a) => a.slug === draft.slug);
  const context = articleContext(indexes, draft);
  return published ? { ...context, ...neighbours(ix, published) } : context;
}

export interface PreviewPage {
  article: Article;
  locale: Locale;
  context: ArticleContext;
  tagKeys: string[];
}

/** The preview page's props, or the Response that answers instead (401 without the cookie, 404, 422, 503). */
export async function previewPage(params: Record<string, string | undefined>, cookie: string | undefined): Promise<PreviewPage | Response> {
  const locale = localeFromSegment(params.locale);
  const slug = params.slug;
  if (!locale || !localeOrder.includes(locale) || !slug) return previewRefusal(404);
  if (!cookieAllows(cookie, slug, previewDeps())) return previewRefusal(401);
  let build: BuildContext;
  let draft: Article | undefined;
  try {
    [{ build }, draft] = await Promise.all([liveBuild(), draftOf(slug)]);
  } catch (error) {
    if (error instanceof SourceUnavailable) return unavailableResponse();
    console.error(`[tongbao] preview of ${slug}: ${(error as Error).message}`);
    return previewRefusal(422, (error as Error).message);
  }
  if (!draft) return previewRefusal(404);
  return { article: draft, locale, context: draftContext(build, draft), tagKeys: articleTagKeys(draft) };
}

/**
 * Pure: the preview cookie, the paths of preview pages, and the signed tokens (node:crypto HMAC-SHA256 with TONGBAO_PREVIEW_SECRET). A token is
 * `<payload>.<signature>`, both base64url; the payload is `{ p, s, e }`: its purpose, the article's slug, and
 * when it expires (seconds since the epoch).
 *
 * - `link`: what `npm run preview-url -- <slug>` prints (content folder as the source), exchanged once at
 *   `/api/preview/` for the cookie. With Sanity as the source the Studio's secret (@sanity/preview-url-secret)
 *   plays this part instead.
 * - `cookie`: the preview cookie's value. It names one slug: the preview page of another article refuses it.
 *
 * A link token cannot be used as a cookie, nor the reverse (the purpose is signed). Comparison is
 * constant-time. Nothing here reads the environment or the clock: the key and `now` come in.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { localeOrder } from '../config/site.ts';
import { localeFromSegment, paths } from '../lib/urls.ts';
import type { Locale } from '../model/locale.ts';

/** The cookie's name: infra/varnish/tongbao.vcl passes every request that carries it. */
export const PREVIEW_COOKIE = 'tongbao_preview';
/** How long the cookie lets its holder see the draft. */
export const PREVIEW_COOKIE_SECONDS = 60 * 60;

export type TokenPurpose = 'link' | 'cookie';

export interface TokenClaims {
  purpose: TokenPurpose;
  slug: string;
  /** When the token stops being accepted. */
  expires: Date;
}

/** Why a token was refused (for the log and the tests; the visitor only sees a 401). */
export type TokenRefusal = 'malformed' | 'signature' | 'purpose' | 'expired';

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const mac = (key: string, payload: string) => createHmac('sha256', key).update(`tongbao-preview.${payload}`).digest();

/** Pure: a signed token for these claims. */
export function signToken(claims: TokenClaims, key: string): string {
  if (!key) throw new Error('[tongbao] preview token: no key (set TONGBAO_PREVIEW_SECRET)');
  const payload = b64(JSON.stringify({ p: claims.purpose, s: claims.slug, e: Math.floor(claims.expires.getTime() / 1000) }));
  return `${payload}.${b64(mac(key, payload))}`;
}

/** Pure: the claims of a token signed with `key` for `purpose` and not expired at `now`, or why not. */
export function verifyToken(
  token: string | undefined | null,
  purpose: TokenPurpose,
  key: string,
  now: Date,
): { ok: true; slug: string; expires: Date } | { ok: false; reason: TokenRefusal } {
  const parts = (token ?? '').split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
  const [payload, signature] = parts as [string, string];
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const { p, s, e } = (claims ?? {}) as { p?: unknown; s?: unknown; e?: unknown };
  if (typeof s !== 'string' || !s || typeof e !== 'number') return { ok: false, reason: 'malformed' };
  if (p !== purpose) return { ok: false, reason: 'purpose' };
  if (e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, slug: s, expires: new Date(e * 1000) };
}

/** Pure: the preview page a path names (`/zh-hant/preview/<slug>/`), if it is one. */
export function previewTarget(pathname: string | undefined): { locale: Locale; slug: string } | undefined {
  const match = /^\/([a-z-]+)\/preview\/([^/]+)\/$/.exec(pathname ?? '');
  const locale = match && localeFromSegment(match[1]);
  if (!match || !locale || !localeOrder.includes(locale)) return undefined;
  const slug = decodeURIComponent(match[2]!);
  return paths.preview(locale, slug) === pathname ? { locale, slug } : undefined;
}

/** Pure: the Set-Cookie value of the preview cookie (`value` empty: the cookie cleared). */
export function previewCookie(value: string, secure: boolean, maxAge = PREVIEW_COOKIE_SECONDS): string {
  return [`${PREVIEW_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${value ? maxAge : 0}`, ...(secure ? ['Secure'] : [])].join(
    '; ',
  );
}

/** Pure: whether a preview cookie lets its holder see this slug's draft. */
export function cookieAllows(cookie: string | undefined, slug: string, deps: { key: string | undefined; now: () => Date }): boolean {
  if (!deps.key) return false;
  const claims = verifyToken(cookie, 'cookie', deps.key, deps.now());
  return claims.ok && claims.slug === slug;
}

/**
 * The preview's signed tokens, cookie and paths (src/server/preview-token.ts): a token is accepted only with its
 * key, for its purpose, before it expires and unaltered; a cookie only for its slug; the cookie's attributes.
 */
import { describe, expect, it } from 'vitest';
import { cookieAllows, previewCookie, previewTarget, signToken, verifyToken } from '../../src/server/preview-token.ts';

const KEY = 'k'.repeat(32);
const NOW = new Date('2026-12-02T12:00:00Z');
const later = (s: number) => new Date(NOW.getTime() + s * 1000);

describe('preview tokens', () => {
  const link = signToken({ purpose: 'link', slug: 'a-draft', expires: later(60) }, KEY);

  it('accepts its own token with the slug and expiry', () => {
    expect(verifyToken(link, 'link', KEY, NOW)).toEqual({ ok: true, slug: 'a-draft', expires: later(60) });
  });

  it('refuses another key, an altered payload, another purpose, an expired token and garbage', () => {
    expect(verifyToken(link, 'link', 'x'.repeat(32), NOW)).toEqual({ ok: false, reason: 'signature' });
    const [payload, sig] = link.split('.') as [string, string];
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('a-draft', 'b-draft')).toString('base64url');
    expect(verifyToken(`${forged}.${sig}`, 'link', KEY, NOW)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyToken(link, 'cookie', KEY, NOW)).toEqual({ ok: false, reason: 'purpose' });
    expect(verifyToken(link, 'link', KEY, later(60))).toEqual({ ok: false, reason: 'expired' });
    for (const bad of ['', 'abc', 'a.b.c', undefined, null]) expect(verifyToken(bad, 'link', KEY, NOW).ok).toBe(false);
  });

  it('lets a cookie open only its own slug, before it expires', () => {
    const cookie = signToken({ purpose: 'cookie', slug: 'a-draft', expires: later(60) }, KEY);
    const deps = { key: KEY, now: () => NOW };
    expect(cookieAllows(cookie, 'a-draft', deps)).toBe(true);
    expect(cookieAllows(cookie, 'another', deps)).toBe(false);
    expect(cookieAllows(link, 'a-draft', deps)).toBe(false);
    expect(cookieAllows(cookie, 'a-draft', { key: KEY, now: () => later(61) })).toBe(false);
    expect(cookieAllows(cookie, 'a-draft', { key: undefined, now: () => NOW })).toBe(false);
    expect(cookieAllows(undefined, 'a-draft', deps)).toBe(false);
  });
});

describe('the preview cookie and paths', () => {
  it('is HttpOnly, SameSite=Lax, Secure over https, cleared with Max-Age=0', () => {
    expect(previewCookie('v', true)).toBe('tongbao_preview=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure');
    expect(previewCookie('v', false)).toBe('tongbao_preview=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600');
    expect(previewCookie('', false)).toBe('tongbao_preview=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
  });

  it('reads a preview page path and nothing else', () => {
    expect(previewTarget('/zh-hant/preview/a-draft/')).toEqual({ locale: 'zh-Hant', slug: 'a-draft' });
    for (const p of ['/zh-hant/articles/a-draft/', '/xx/preview/a/', '/zh-hans/preview/a', '//evil.example/zh-hans/preview/a/', undefined])
      expect(previewTarget(p)).toBeUndefined();
  });
});

describe('the preview environment (src/config/env.ts)', () => {
  it('asks for a key of 32 characters, and for the read token when Sanity is the source', async () => {
    const { parseEnv } = await import('../../src/config/env.ts');
    expect(parseEnv({ TONGBAO_PREVIEW_SECRET: KEY }).TONGBAO_PREVIEW_SECRET).toBe(KEY);
    expect(() => parseEnv({ TONGBAO_PREVIEW_SECRET: 'short' })).toThrow(/TONGBAO_PREVIEW_SECRET: at least 32 characters/);
    const sanity = { SANITY_PROJECT_ID: 'local', SANITY_DATASET: 'production', TONGBAO_PREVIEW_SECRET: KEY };
    expect(() => parseEnv(sanity)).toThrow(/SANITY_READ_TOKEN: the draft preview/);
    expect(parseEnv({ ...sanity, SANITY_READ_TOKEN: 'token' }).SANITY_READ_TOKEN).toBe('token');
  });
});

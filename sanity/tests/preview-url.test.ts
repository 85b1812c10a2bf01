/**
 * The Studio's preview link (sanity/components/preview/preview-url.ts): the site's /api/preview/ with the secret
 * and the draft's preview path in the article's locale, as src/server/preview.ts reads them; no link without
 * SANITY_STUDIO_PREVIEW_URL or a slug, and a message that says what to set.
 */
import { describe, expect, it } from 'vitest';
import { PREVIEW_URL_MISSING, previewLink } from '../components/preview/preview-url.ts';
import { previewTarget } from '../../src/server/preview-token.ts';

describe('preview link', () => {
  it('points at the site with the secret and the preview path the server accepts', () => {
    const link = previewLink({ base: 'https://tongbao.example', slug: 'donghu-green-bond', locale: 'zh-Hant', secret: 's3cr/t+' });
    expect(link).toEqual({
      ok: true,
      url: 'https://tongbao.example/api/preview/?sanity-preview-secret=s3cr%2Ft%2B&sanity-preview-pathname=%2Fzh-hant%2Fpreview%2Fdonghu-green-bond%2F',
    });
    const url = new URL(link.ok ? link.url : '');
    expect(url.searchParams.get('sanity-preview-secret')).toBe('s3cr/t+');
    expect(previewTarget(url.searchParams.get('sanity-preview-pathname')!)).toEqual({ locale: 'zh-Hant', slug: 'donghu-green-bond' });
  });

  it('keeps a base path and works without a trailing slash', () => {
    const a = previewLink({ base: 'https://example.org/site', slug: 'a', locale: 'zh-Hans', secret: 'x' });
    const b = previewLink({ base: 'https://example.org/site/', slug: 'a', locale: 'zh-Hans', secret: 'x' });
    expect(a).toEqual(b);
    expect(a.ok && new URL(a.url).pathname).toBe('/site/api/preview/');
  });

  it('says what to set when the site URL is missing or wrong, and asks for a slug', () => {
    expect(previewLink({ base: undefined, slug: 'a', locale: 'zh-Hans', secret: 'x' })).toEqual({ ok: false, reason: PREVIEW_URL_MISSING });
    expect(PREVIEW_URL_MISSING).toContain('SANITY_STUDIO_PREVIEW_URL');
    expect(previewLink({ base: ' ', slug: 'a', locale: 'zh-Hans', secret: 'x' }).ok).toBe(false);
    expect(previewLink({ base: 'not a url', slug: 'a', locale: 'zh-Hans', secret: 'x' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a URL'),
    });
    expect(previewLink({ base: 'ftp://x.example', slug: 'a', locale: 'zh-Hans', secret: 'x' }).ok).toBe(false);
    expect(previewLink({ base: 'https://x.example', slug: undefined, locale: 'zh-Hans', secret: 'x' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('slug'),
    });
  });
});

/**
 * The Studio checks a headline in every locale the site publishes (sanity/components/site-locales.ts): with
 * zh-Hant-HK published, an ambiguity's warning speaks of the Hong Kong text too; without it, it does not.
 */
import type { ValidationContext } from 'sanity';
import { afterEach, describe, expect, it, vi } from 'vitest';

const context = { document: { sourceLocale: 'zh-Hans' } } as unknown as ValidationContext;

async function warningsWith(locales: string | undefined, title: string) {
  vi.resetModules();
  if (locales === undefined) delete process.env.SANITY_STUDIO_TONGBAO_LOCALES;
  else process.env.SANITY_STUDIO_TONGBAO_LOCALES = locales;
  const { ambiguityWarningsOf } = await import('../schemaTypes/rules/text-rules.ts');
  return ambiguityWarningsOf(title, context);
}

afterEach(() => {
  delete process.env.SANITY_STUDIO_TONGBAO_LOCALES;
});

describe('validation in the published locales', () => {
  it('names zh-Hant-HK only when the site publishes it', async () => {
    const title = '新厂后年投产';
    const two = await warningsWith(undefined, title);
    const three = await warningsWith('zh-Hans,zh-Hant,zh-Hant-HK', title);
    expect(String(two)).not.toContain('zh-Hant-HK');
    expect(String(three)).toContain('zh-Hant-HK');
  });
});

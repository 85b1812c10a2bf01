/**
 * Locales as configuration (TONGBAO_LOCALES): the list read and validated in src/config/env.ts, the
 * third locale zh-Hant-HK (OpenCC hk) and how its texts, overrides, glossary forms and names fall back
 * to zh-Hant's. The three-locale build itself is tests/build/locales-hk.test.ts; a refused list stopping `npm run build`
 * is tests/build/locales-refused.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../../src/config/env.ts';
import { locales, localeOrder, site } from '../../src/config/site.ts';
import { ui } from '../../src/config/ui.ts';
import { nameIn } from '../../src/lib/localize.ts';
import { NEWS_LANGUAGE } from '../../src/lib/sitemaps.ts';
import { localeFromSegment, paths } from '../../src/lib/urls.ts';
import { converter } from '../../src/zh/convert.ts';
import { parseSiteGlossary } from '../../src/zh/glossary.ts';
import { fillHongKong } from '../../src/zh/locale-text.ts';
import { withOverrides, type Overrides } from '../../src/zh/overrides.ts';

const errorOf = (source: Record<string, string>): string => {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`);
};

describe('TONGBAO_LOCALES', () => {
  it('publishes zh-Hans and zh-Hant by default (unset or empty), else the list given', () => {
    expect(parseEnv({}).TONGBAO_LOCALES).toEqual(['zh-Hans', 'zh-Hant']);
    expect(parseEnv({ TONGBAO_LOCALES: '' }).TONGBAO_LOCALES).toEqual(['zh-Hans', 'zh-Hant']);
    expect(parseEnv({ TONGBAO_LOCALES: ' zh-Hans, zh-Hant ,zh-Hant-HK' }).TONGBAO_LOCALES).toEqual(['zh-Hans', 'zh-Hant', 'zh-Hant-HK']);
    expect(parseEnv({ TONGBAO_LOCALES: 'zh-Hant-HK,zh-Hant,zh-Hans' }).TONGBAO_LOCALES).toEqual(['zh-Hant-HK', 'zh-Hant', 'zh-Hans']);
  });

  it.each([
    ['an unknown locale', 'zh-Hans,zh-Hant,zh-HK', /"zh-HK" is not a locale Tongbao publishes; list some of zh-Hans, zh-Hant, zh-Hant-HK/],
    ['a wrong case', 'zh-hans,zh-Hant', /"zh-hans" is not a locale Tongbao publishes.*exact spelling/],
    ['a locale twice', 'zh-Hans,zh-Hant,zh-Hant', /zh-Hant listed twice; list each locale once/],
    ['a script left out', 'zh-Hans,zh-Hant-HK', /zh-Hant missing: zh-Hans and zh-Hant are always published/],
    ['both scripts left out', 'zh-Hant-HK', /zh-Hans and zh-Hant missing/],
    ['a list of separators', ',,', /zh-Hans and zh-Hant missing/],
  ])('refuses %s with a [tongbao] error naming TONGBAO_LOCALES and what to write', (_case, value, message) => {
    const text = errorOf({ TONGBAO_LOCALES: value });
    expect(text).toMatch(/^\[tongbao\] invalid environment variable/);
    expect(text).toContain('  TONGBAO_LOCALES: ');
    expect(text).toMatch(message);
    expect(text).toContain('e.g. TONGBAO_LOCALES=zh-Hans,zh-Hant,zh-Hant-HK');
  });

  it('refuses zh-Hant-HK beside TONGBAO_ZH_HANT_VARIANT=hk (two identical locales)', () => {
    const text = errorOf({ TONGBAO_LOCALES: 'zh-Hans,zh-Hant,zh-Hant-HK', TONGBAO_ZH_HANT_VARIANT: 'hk' });
    expect(text).toMatch(
      /TONGBAO_LOCALES: zh-Hant-HK is listed while TONGBAO_ZH_HANT_VARIANT=hk.*set TONGBAO_ZH_HANT_VARIANT to tw or twp, or drop zh-Hant-HK/,
    );
    expect(parseEnv({ TONGBAO_LOCALES: 'zh-Hans,zh-Hant,zh-Hant-HK', TONGBAO_ZH_HANT_VARIANT: 'twp' }).TONGBAO_ZH_HANT_VARIANT).toBe('twp');
  });

  it('this test process runs the default two locales, the default locale first', () => {
    expect(localeOrder).toEqual(['zh-Hans', 'zh-Hant']);
  });
});

describe('zh-Hant-HK', () => {
  it('has its own URL segment, languages and OpenCC variant (hk, never OpenCC’s internal t)', () => {
    expect(locales['zh-Hant-HK']).toMatchObject({ segment: 'zh-hant-hk', opencc: 'hk', feedLanguage: 'zh-hk', ogLocale: 'zh_HK', label: '香港繁體' });
    expect(paths.article('zh-Hant-HK', 'a')).toBe('/zh-hant-hk/articles/a/');
    expect(paths.feeds({ kind: 'locale', locale: 'zh-Hant-HK' }).rss).toBe('/zh-hant-hk/rss.xml');
    expect(localeFromSegment('zh-hant-hk')).toBe('zh-Hant-HK');
    // Google News knows only zh-cn and zh-tw for Chinese: Hong Kong Traditional is filed as Traditional.
    expect(NEWS_LANGUAGE['zh-Hant-HK']).toBe('zh-tw');
  });

  it('converts from either source script to Hong Kong forms, not Taiwan forms', () => {
    // OpenCC: 峰 → 峯 (HKVariants), 溫 → 温, 裡 → 裏, 說 → 説; Taiwan keeps 峰 溫 裡 說.
    expect(converter('cn', 'hk')('峰会上温和地说，在正文里')).toBe('峯會上温和地説，在正文裏');
    expect(converter('cn', 'tw')('峰会上温和地说，在正文里')).toBe('峰會上溫和地說，在正文裡');
    expect(converter(locales['zh-Hant'].opencc, locales['zh-Hant-HK'].opencc)('峰會上溫和地說，在正文裡')).toBe('峯會上温和地説，在正文裏');
  });

  it('reads zh-Hant’s site texts converted to Hong Kong forms unless it has its own', () => {
    const toHk = converter('tw', 'hk');
    const filled = fillHongKong({ 'zh-Hans': ui['zh-Hans'], 'zh-Hant': ui['zh-Hant'] }, toHk);
    expect(filled['zh-Hant-HK'].feed).toBe('RSS 訂閲'); // 閲: the Hong Kong form of 閱
    expect(filled['zh-Hant-HK'].searchLabel).toBe('搜尋文章');
    expect(Object.keys(filled['zh-Hant-HK'])).toEqual(Object.keys(ui['zh-Hant']));
    expect(fillHongKong({ 'zh-Hans': '说明', 'zh-Hant': '說明', 'zh-Hant-HK': '港版說明' }, toHk)['zh-Hant-HK']).toBe('港版說明');
    expect(fillHongKong({ 'zh-Hans': '说明', 'zh-Hant': '說明' }, toHk)['zh-Hant-HK']).toBe('説明');
    // Quotation marks: 「」 like zh-Hant.
    expect(site.typography.quotes['zh-Hant-HK']).toEqual(site.typography.quotes['zh-Hant']);
    expect(site.typography.quotes['zh-Hant-HK'].open).toBe('\u300c');
  });

  it('inline overrides: -{zh-hant-hk:…}- and zh-hk give Hong Kong its form; without one it takes the zh-Hant form', () => {
    const hk = (o: Partial<Overrides> = {}) => withOverrides(converter('cn', 'hk'), { sourceLocale: 'zh-Hans', targetLocale: 'zh-Hant-HK', ...o });
    const tw = (o: Partial<Overrides> = {}) => withOverrides(converter('cn', 'tw'), { sourceLocale: 'zh-Hans', targetLocale: 'zh-Hant', ...o });
    const three = '安装-{zh-hans:软件;zh-hant:軟體;zh-hant-hk:軟件}-后';
    expect(hk()(three)).toBe('安裝軟件後');
    expect(tw()(three)).toBe('安裝軟體後');
    expect(hk()('-{zh-hans:内存;zh-hk:記憶體}-')).toBe('記憶體');
    // No Hong Kong form: the zh-Hant form, as written.
    expect(hk()('安装-{zh-hans:软件;zh-hant:軟體}-后')).toBe('安裝軟體後');
    // A two-locale site reading markup written for Hong Kong (MediaWiki zh-hk) shows it in zh-Hant.
    expect(tw()('-{zh-hans:内存;zh-hk:記憶體}-')).toBe('記憶體');
    // No Traditional form at all: the zh-Hans form converted with hk.
    expect(hk()('-{zh-hans:峰会}-')).toBe('峯會');
    expect(hk()('-{峰会}-')).toBe('峰会');
  });

  it('glossaries: a zh-Hant-HK form wins there; without one the zh-Hant form stands', () => {
    const site = parseSiteGlossary(
      ['- term: 云计算', '  zh-Hant: 雲端運算', '  zh-Hant-HK: 雲計算', '- term: 软件', '  zh-Hant: 軟體'].join('\n'),
      'glossary.yaml',
    );
    const to = (locale: 'zh-Hant' | 'zh-Hant-HK') =>
      withOverrides(converter('cn', locales[locale].opencc), { sourceLocale: 'zh-Hans', targetLocale: locale, site });
    expect(to('zh-Hant-HK')('云计算软件峰会')).toBe('雲計算軟體峯會');
    expect(to('zh-Hant')('云计算软件峰会')).toBe('雲端運算軟體峰會');
    // The article glossary takes the same locale keys.
    const article = [{ term: '软件', forms: { 'zh-Hant-HK': '軟件' } }];
    expect(withOverrides(converter('cn', 'hk'), { sourceLocale: 'zh-Hans', targetLocale: 'zh-Hant-HK', site, article })('软件')).toBe('軟件');
  });

  it('names: the Hong Kong form, else the zh-Hant form as written, else converted with hk', () => {
    expect(nameIn({ name: '通报编辑部', nameLocale: 'zh-Hans', names: { 'zh-Hant': '通報編輯部' } }, 'zh-Hant-HK')).toBe('通報編輯部');
    expect(nameIn({ name: '云岭', nameLocale: 'zh-Hans', names: { 'zh-Hant': '雲嶺', 'zh-Hant-HK': '雲嶺（港）' } }, 'zh-Hant-HK')).toBe(
      '雲嶺（港）',
    );
    expect(nameIn({ name: '峰会组', nameLocale: 'zh-Hans' }, 'zh-Hant-HK')).toBe('峯會組');
    expect(nameIn({ name: '峰會組', nameLocale: 'zh-Hant' }, 'zh-Hant-HK')).toBe('峯會組');
  });
});

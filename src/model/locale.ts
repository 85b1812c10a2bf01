/**
 * The locales Tongbao publishes in, and how each maps to OpenCC and to the web.
 * Every article is written in one of them (its `sourceLocale`) and published in all of them.
 */
import { z } from 'zod';

/** The scripts an article (or an author's name) is written in: its `sourceLocale`. Always published. */
export const LOCALES = ['zh-Hans', 'zh-Hant'] as const;
export const LocaleSchema = z.enum(LOCALES);
/**
 * Every locale a site can publish in: the two scripts, plus zh-Hant-HK (Traditional as written in
 * Hong Kong, OpenCC `hk`), which a site switches on with TONGBAO_LOCALES. Which locales a site
 * publishes, and in which order, is `localeOrder` in src/config/site.ts.
 */
export const ALL_LOCALES = ['zh-Hans', 'zh-Hant', 'zh-Hant-HK'] as const;
export const AnyLocaleSchema = z.enum(ALL_LOCALES);
export type Locale = z.infer<typeof AnyLocaleSchema>;

/** OpenCC's names for the scripts readers write. `t` (OpenCC's internal standard) is deliberately absent. */
export type OpenccVariant = 'cn' | 'tw' | 'twp' | 'hk';
export type HantVariant = Exclude<OpenccVariant, 'cn'>;

export interface LocaleInfo {
  code: Locale;
  /** The URL segment: `/zh-hans/…`. */
  segment: string;
  /** The OpenCC variant this locale's text is written in. */
  opencc: OpenccVariant;
  /** Label in the switcher, written in the locale itself. */
  label: string;
  /** `<language>` of RSS (RFC 1766 style, lower case). */
  feedLanguage: string;
  /** Open Graph locale. */
  ogLocale: string;
}

const FEED_LANGUAGE: Record<HantVariant, string> = { tw: 'zh-tw', twp: 'zh-tw', hk: 'zh-hk' };
const OG_LOCALE: Record<HantVariant, string> = { tw: 'zh_TW', twp: 'zh_TW', hk: 'zh_HK' };

export function localeInfos(hantVariant: HantVariant): Record<Locale, LocaleInfo> {
  return {
    'zh-Hans': {
      code: 'zh-Hans',
      segment: 'zh-hans',
      opencc: 'cn',
      label: '简体',
      feedLanguage: 'zh-cn',
      ogLocale: 'zh_CN',
    },
    'zh-Hant': {
      code: 'zh-Hant',
      segment: 'zh-hant',
      opencc: hantVariant,
      label: '繁體',
      feedLanguage: FEED_LANGUAGE[hantVariant],
      ogLocale: OG_LOCALE[hantVariant],
    },
    'zh-Hant-HK': {
      code: 'zh-Hant-HK',
      segment: 'zh-hant-hk',
      opencc: 'hk',
      label: '香港繁體',
      feedLanguage: 'zh-hk',
      ogLocale: 'zh_HK',
    },
  };
}

/**
 * Where a locale's own forms (overrides, glossaries, names, texts) come from when it has none: a
 * Traditional locale takes the other Traditional locale's form (zh-Hant-HK ← zh-Hant, and zh-Hant ←
 * zh-Hant-HK for MediaWiki's `zh-hk:` markup written for a two-locale site).
 */
export const FALLBACK_LOCALE: Record<Locale, Locale | undefined> = {
  'zh-Hans': undefined,
  'zh-Hant': 'zh-Hant-HK',
  'zh-Hant-HK': 'zh-Hant',
};

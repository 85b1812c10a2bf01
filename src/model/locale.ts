/**
 * The locales Tongbao publishes in, and how each maps to OpenCC and to the web.
 * Every article is written in one of them (its `sourceLocale`) and published in all of them.
 */
import { z } from 'zod';

export const LOCALES = ['zh-Hans', 'zh-Hant'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

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
  };
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The locales the site publishes, as the Studio knows them: SANITY_STUDIO_TONGBAO_LOCALES and
 * SANITY_STUDIO_ZH_HANT_VARIANT, which `npm run studio` (scripts/studio.ts) sets from the site's own
 * TONGBAO_LOCALES and TONGBAO_ZH_HANT_VARIANT; a deployed Studio sets them in its environment. Unset: the
 * site's defaults (zh-Hans and zh-Hant in Taiwan forms).
 */
import { ALL_LOCALES, localeInfos, type HantVariant, type Locale } from '../../src/model/locale.ts';

export type { Locale, LocaleInfo } from '../../src/model/locale.ts';

const VARIANTS: readonly HantVariant[] = ['tw', 'twp', 'hk'];
const variant = process.env.SANITY_STUDIO_ZH_HANT_VARIANT as HantVariant | undefined;

export const STUDIO_LOCALES = localeInfos(variant && VARIANTS.includes(variant) ? variant : 'tw');

export const PUBLISHED_LOCALES: readonly Locale[] = (process.env.SANITY_STUDIO_TONGBAO_LOCALES || 'zh-Hans,zh-Hant')
  .split(',')
  .map((l) => l.trim())
  .filter((l): l is Locale => (ALL_LOCALES as readonly string[]).includes(l));

/**
 * Site configuration, in one place: names, locales and the texts of the disclaimers. Authors and
 * categories are content (content/authors.yaml, content/categories.yaml).
 * Texts are written for each locale (src/config/site-texts.ts, not converted at run time) and use full-width punctuation.
 */
import { z } from 'zod';
import { env } from './env.ts';
import { LOCALES, localeInfos, type Locale } from '../model/locale.ts';
import { converter, type Convert } from '../zh/convert.ts';
import { fillHongKong } from '../zh/locale-text.ts';
import { SITE_TEXTS } from './site-texts.ts';

/** Published locales (TONGBAO_LOCALES), in the configured order. */
const published: readonly Locale[] = env.TONGBAO_LOCALES;
/**
 * zh-Hant-HK texts not written below are zh-Hant's converted (tw → hk). The converter (~150 ms, ~55 MB)
 * is created only when the site publishes zh-Hant-HK; otherwise the zh-Hant text stands in, unused.
 */
export const toHongKong: Convert = published.includes('zh-Hant-HK') ? converter('tw', 'hk') : (text) => text;

/** A text written for each script; zh-Hant-HK may have its own, else zh-Hant's converted to Hong Kong forms. */
const PerLocale = z
  .object({ 'zh-Hans': z.string().min(1), 'zh-Hant': z.string().min(1), 'zh-Hant-HK': z.string().min(1).optional() })
  .transform((texts) => fillHongKong(texts, toHongKong));
export type PerLocale = z.infer<typeof PerLocale>;

/** Quotation marks of a locale (src/zh/typography.ts): primary and nested. */
const QuotesSchema = z.object({ open: z.string().min(1), close: z.string().min(1), openInner: z.string().min(1), closeInner: z.string().min(1) });

export const SiteConfigSchema = z.object({
  url: z.url(),
  name: PerLocale,
  tagline: PerLocale,
  /** The locale of `/` and of `x-default`. */
  defaultLocale: z.enum(LOCALES),
  /** Dates are shown in this time zone. */
  timeZone: z.string().min(1),
  /** How many articles the RSS feed of a locale carries, newest first. */
  feedLimit: z.number().int().positive(),
  /**
   * How many of the newest articles get a share image of their own (1200×630, ~17 ms each to draw);
   * older ones share their locale's site card. Bounds the cold build of a large archive.
   */
  shareImagesNewest: z.number().int().positive(),
  disclaimers: z.object({
    /** For `origin: reprint`; the source's name and link follow it. */
    reprint: PerLocale,
    /** Label before the source link of a reprint. */
    reprintSourceLabel: PerLocale,
    /** For `origin: original`. `{author}` and `{url}` (the article's canonical URL) are filled in. */
    original: PerLocale,
    /** When `riskNotice` is set or the category is flagged. */
    marketRisk: PerLocale,
    /** Accessible name of the disclaimer block. */
    heading: PerLocale,
  }),
  /** Chinese typography applied at render time (full-width punctuation in Chinese text, quotes per locale). */
  typography: z.object({
    quotes: z
      .object({ 'zh-Hans': QuotesSchema, 'zh-Hant': QuotesSchema, 'zh-Hant-HK': QuotesSchema.optional() })
      // Hong Kong uses 「」 like Taiwan: zh-Hant's marks unless zh-Hant-HK has its own.
      .transform((q) => ({ ...q, 'zh-Hant-HK': q['zh-Hant-HK'] ?? q['zh-Hant'] })),
  }),
});

export type SiteConfig = z.infer<typeof SiteConfigSchema>;

export const site: SiteConfig = SiteConfigSchema.parse({
  url: env.SITE_URL,
  ...SITE_TEXTS,
  defaultLocale: 'zh-Hans',
  timeZone: 'Asia/Shanghai',
  feedLimit: 50,
  shareImagesNewest: 1000,
} satisfies z.input<typeof SiteConfigSchema>);

export const locales = localeInfos(env.TONGBAO_ZH_HANT_VARIANT);

/** Locales in the order pages list them, the default first. */
export const localeOrder: readonly Locale[] = [site.defaultLocale, ...published.filter((l) => l !== site.defaultLocale)];

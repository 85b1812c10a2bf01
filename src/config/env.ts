/**
 * The only module that reads environment variables. Everything else imports `env`.
 * Values are validated once; an invalid value stops the process with the variable named.
 */
import { z } from 'zod';
import { fieldIssues } from '../model/issues.ts';
import { ALL_LOCALES, type Locale } from '../model/locale.ts';

/** Treat an empty variable as unset, so `FOO= npm run build` means "use the default". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

export const EnvSchema = z
  .object({
    /** Absolute origin of the published site; used for canonical URLs, feeds and the attribution notice. */
    SITE_URL: optional(z.url({ protocol: /^https?$/ }).default('https://tongbao.example')),
    /**
     * `static` (default): every page is prerendered into TONGBAO_OUT_DIR. `server`: `@astrojs/node` (standalone) builds a
     * server (`npm run serve`) that renders article pages on demand from the source; the rest is prerendered.
     */
    TONGBAO_OUTPUT: optional(z.enum(['static', 'server']).default('static')),
    /** Port `npm run serve` listens on (server output). */
    PORT: optional(z.coerce.number().int().min(1).max(65_535).default(4321)),
    /** Address `npm run serve` listens on (server output); 0.0.0.0 to listen on every interface. */
    HOST: optional(z.string().min(1).default('127.0.0.1')),
    /**
     * Entries the server's in-process page cache holds (server output; least recently used dropped first; ~12–40 KB an
     * article page). 0: none, so that CDN-Cache-Control and Cache-Tag reach the CDN in front (Astro takes them for an
     * in-process cache's own and removes them).
     */
    TONGBAO_MEMORY_CACHE_ENTRIES: optional(z.coerce.number().int().min(0).max(1_000_000).default(2000)),
    /** Varnish servers `/api/revalidate` purges (comma-separated base URLs, e.g. http://127.0.0.1:6081). Unset: none. */
    TONGBAO_VARNISH_URLS: optional(
      z
        .string()
        .transform((v) =>
          v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        )
        .pipe(z.array(z.url({ protocol: /^https?$/ })))
        .optional(),
    ),
    /** The secret Sanity signs webhooks with (`sanity-webhook-signature`); `/api/revalidate` refuses every request without it. */
    SANITY_WEBHOOK_SECRET: optional(z.string().min(8).optional()),
    /**
     * Server output: the key that signs preview links (`npm run preview-url`) and the preview cookie (src/server/preview.ts).
     * Unset: /api/preview/ refuses every request. At least 32 characters (e.g. `openssl rand -hex 32`).
     */
    TONGBAO_PREVIEW_SECRET: optional(z.string().min(32, 'at least 32 characters, e.g. the output of openssl rand -hex 32').optional()),
    /** Folder holding `articles/*.md` (the embedded default source). Relative to the project root. */
    TONGBAO_CONTENT_DIR: optional(z.string().default('content')),
    /** Where `astro build` writes the site. Tests build into temporary folders with it. */
    TONGBAO_OUT_DIR: optional(z.string().default('dist')),
    /** Where rendered bodies, share images and Astro's caches are kept between builds (relative to the project root). */
    TONGBAO_CACHE_DIR: optional(z.string().default('node_modules/.cache/tongbao')),
    /** When set, the build writes its timing figures (conversion, rendering) as JSON to this file (the benchmark uses it). */
    TONGBAO_STATS_FILE: optional(z.string().optional()),
    /** Which Traditional Chinese the zh-Hant pages use: OpenCC `tw` (Taiwan characters), `twp` (with Taiwan phrases) or `hk`. */
    TONGBAO_ZH_HANT_VARIANT: optional(z.enum(['tw', 'twp', 'hk']).default('tw')),
    /** The build's clock (ISO 8601 with offset): what is published, and which articles the News sitemap holds. Unset: now. */
    TONGBAO_NOW: optional(
      z.iso
        .datetime({ offset: true })
        .transform((v) => new Date(v))
        .optional(),
    ),
    /** Sanity project id. With SANITY_DATASET it makes Sanity the source instead of the content folder. */
    SANITY_PROJECT_ID: optional(
      z
        .string()
        .regex(/^[a-z0-9-]+$/, 'a Sanity project id: lower-case letters, digits, hyphens')
        .optional(),
    ),
    /** Sanity dataset, e.g. production. */
    SANITY_DATASET: optional(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'a Sanity dataset name, e.g. production')
        .optional(),
    ),
    /** Another API host than Sanity's, e.g. the local lake (`npm run lake`): http://127.0.0.1:4444. */
    SANITY_API_HOST: optional(z.url({ protocol: /^https?$/ }).optional()),
    /** Read token for the drafts perspective (preview builds). Never written into any output. */
    SANITY_READ_TOKEN: optional(z.string().min(1).optional()),
    /** Write token for `npm run import -- … --to sanity` (Editor role); only the importer reads it. Never written into any output. */
    SANITY_WRITE_TOKEN: optional(z.string().min(1).optional()),
    /** 1 for a preview build (npm run build:preview): the drafts perspective, every page marked as preview and noindex. */
    TONGBAO_PREVIEW: optional(z.enum(['0', '1']).default('0')),
    /** How long one request to Sanity may take before it counts as failed and is retried (ms). */
    TONGBAO_SANITY_TIMEOUT_MS: optional(z.coerce.number().int().positive().default(30_000)),
    /** Attempts per read from Sanity (first included) before the build stops. */
    TONGBAO_SANITY_ATTEMPTS: optional(z.coerce.number().int().min(1).max(10).default(5)),
    /** First backoff between attempts (ms); it doubles each time. Retry-After wins when Sanity sends it. */
    TONGBAO_SANITY_BACKOFF_MS: optional(z.coerce.number().int().min(0).default(500)),
    /**
     * WebSub hubs told when feeds change, comma-separated URLs (e.g. https://pubsubhubbub.appspot.com/). Set: every
     * feed names them (`rel="hub"`, JSON Feed `hubs`) and each public build pings them with the feeds that changed.
     */
    TONGBAO_WEBSUB_HUBS: optional(
      z
        .string()
        .transform((value) =>
          value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean),
        )
        .pipe(z.array(z.url({ protocol: /^https?$/, error: 'a hub URL (http or https); separate several with commas' })).min(1))
        .optional(),
    ),
    /** IndexNow key (8–128 of a-z, A-Z, 0-9, -). Set: the site serves it at /<key>.txt and each public build posts the URLs that changed. */
    TONGBAO_INDEXNOW_KEY: optional(
      z
        .string()
        .regex(/^[A-Za-z0-9-]{8,128}$/, 'an IndexNow key: 8 to 128 characters of a-z, A-Z, 0-9 and -')
        .optional(),
    ),
    /** Where IndexNow submissions go (the shared endpoint passes them to every participating engine). */
    TONGBAO_INDEXNOW_ENDPOINT: optional(z.url({ protocol: /^https?$/ }).default('https://api.indexnow.org/indexnow')),
    /** Baidu 普通收录 API push token (搜索资源平台). Set: each public build pushes the new and changed page URLs. Never written into any output. */
    TONGBAO_BAIDU_TOKEN: optional(z.string().regex(/^\S+$/, 'the token from Baidu 搜索资源平台, without spaces').optional()),
    /** Baidu's push endpoint; `site` (SITE_URL's origin) and `token` are added as query parameters. */
    TONGBAO_BAIDU_ENDPOINT: optional(z.url({ protocol: /^https?$/ }).default('http://data.zz.baidu.com/urls')),
    /** Articles per page of the home, category, tag, author and archive listings. */
    TONGBAO_PAGE_SIZE: optional(z.coerce.number().int().min(1).max(500).default(20)),
    /**
     * Articles per search shard: each locale's Pagefind index is written in shards of this many articles
     * (oldest first), and a shard is indexed again only when one of its pages changed. Bounds Pagefind's
     * memory (~0.8 MB per page while it writes); the search page merges the shards.
     */
    TONGBAO_SEARCH_SHARD_SIZE: optional(z.coerce.number().int().min(1).max(100_000).default(1000)),
    /**
     * Articles per article sitemap (src/lib/sitemaps.ts): at most, and by default, as many as fill a sitemap's 50,000
     * URLs (one per locale: 25,000 with two locales). Fewer only to see the split on a small site.
     */
    TONGBAO_SITEMAP_ARTICLES: optional(z.coerce.number().int().min(1).max(50_000).optional()),
    /**
     * The locales the site publishes, comma-separated: zh-Hans and zh-Hant always (articles are written
     * in one of them), plus zh-Hant-HK to publish Hong Kong Traditional (OpenCC `hk`) as a third locale.
     * Pages, switcher, hreflang, sitemaps, feeds and search follow this list (the default locale first).
     */
    TONGBAO_LOCALES: optional(
      z
        .string()
        .default('zh-Hans,zh-Hant')
        .transform((value) =>
          value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean),
        )
        .superRefine((list, ctx) => {
          const example = 'e.g. TONGBAO_LOCALES=zh-Hans,zh-Hant,zh-Hant-HK';
          for (const item of list) {
            if (!(ALL_LOCALES as readonly string[]).includes(item)) {
              ctx.addIssue({
                code: 'custom',
                message: `"${item}" is not a locale Tongbao publishes; list some of ${ALL_LOCALES.join(', ')} (exact spelling), ${example}`,
              });
            }
          }
          const twice = list.filter((item, i) => list.indexOf(item) !== i);
          if (twice.length)
            ctx.addIssue({ code: 'custom', message: `${[...new Set(twice)].join(', ')} listed twice; list each locale once, ${example}` });
          const missing = (['zh-Hans', 'zh-Hant'] as const).filter((l) => !list.includes(l));
          if (missing.length) {
            ctx.addIssue({
              code: 'custom',
              message: `${missing.join(' and ')} missing: zh-Hans and zh-Hant are always published (articles are written in one of them), ${example}`,
            });
          }
        })
        .transform((list) => list as Locale[]),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.TONGBAO_PREVIEW_SECRET && value.SANITY_PROJECT_ID && !value.SANITY_READ_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SANITY_READ_TOKEN'],
        message:
          'the draft preview (TONGBAO_PREVIEW_SECRET is set) reads drafts from Sanity: set SANITY_READ_TOKEN to a token with read access (Sanity → API → Tokens, "Viewer"), or unset TONGBAO_PREVIEW_SECRET',
      });
    }
    if (value.TONGBAO_ZH_HANT_VARIANT === 'hk' && value.TONGBAO_LOCALES.includes('zh-Hant-HK')) {
      ctx.addIssue({
        code: 'custom',
        path: ['TONGBAO_LOCALES'],
        message:
          'zh-Hant-HK is listed while TONGBAO_ZH_HANT_VARIANT=hk already publishes zh-Hant in Hong Kong forms; set TONGBAO_ZH_HANT_VARIANT to tw or twp, or drop zh-Hant-HK',
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = fieldIssues(result.error, '(environment)').map(({ field, message }) => `  ${field}: ${message}`);
  throw new EnvError(
    `[tongbao] invalid environment variable(s):\n${lines.join('\n')}\nFix the value or unset it to use the default (see README, "Configuration").`,
  );
}

export const env: Env = parseEnv(process.env);

/** Variables named like secrets whose value the site must publish: IndexNow's key is served at /<key>.txt. */
const PUBLIC_BY_DESIGN = new Set(['TONGBAO_INDEXNOW_KEY']);

/**
 * Values of the environment's secrets (variables named like TOKEN, SECRET, KEY or PASSWORD), by name:
 * the build's output check (src/lib/verify/output.ts) makes sure none of them was published.
 * Values shorter than 8 characters are left out (they would match by chance).
 */
export function secretsOf(source: Record<string, string | undefined> = process.env): Map<string, string> {
  return new Map(
    Object.entries(source).filter(
      (entry): entry is [string, string] =>
        /TOKEN|SECRET|KEY|PASSWORD/i.test(entry[0]) && !PUBLIC_BY_DESIGN.has(entry[0]) && (entry[1]?.length ?? 0) >= 8,
    ),
  );
}

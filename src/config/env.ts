/**
 * The only module that reads environment variables. Everything else imports `env`.
 * Values are validated once; an invalid value stops the process with the variable named.
 */
import { z } from 'zod';

/** Treat an empty variable as unset, so `FOO= npm run build` means "use the default". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema);

export const EnvSchema = z.object({
  /** Absolute origin of the published site; used for canonical URLs, feeds and the attribution notice. */
  SITE_URL: optional(z.url({ protocol: /^https?$/ }).default('https://tongbao.example')),
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
  TONGBAO_NOW: optional(z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional()),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new EnvError(
    `[tongbao] invalid environment variable(s):\n${lines.join('\n')}\nFix the value or unset it to use the default (see README, "Configuration").`,
  );
}

export const env: Env = parseEnv(process.env);

/**
 * The build manifest: what this build promised to publish. An endpoint (src/pages/build-manifest.json.ts)
 * writes it into the output; `npm run build` (scripts/build.ts) reads it, checks the output against it
 * (src/lib/verify/output.ts) and removes it before the site is swapped in. Pure over its inputs.
 */
import { localeOrder, site } from '../../config/site.ts';
import type { Article } from '../../model/article.ts';
import type { Locale } from '../../model/locale.ts';
import { inSitemap } from '../sitemap-rule.ts';
import { articleSitemapCount } from '../sitemaps.ts';
import { absoluteUrl, paths } from '../urls.ts';

export const MANIFEST_FILE = 'build-manifest.json';

export interface ManifestArticle {
  slug: string;
  /** Site path of the page, e.g. /zh-hans/articles/x/ */
  path: string;
  /** Absolute URL: what feeds and the sitemap link to. */
  url: string;
  /** Listed in sitemap-articles.xml (src/lib/sitemap-rule.ts): false for a reprint whose canonical is its source. */
  inSitemap: boolean;
}

export interface ManifestLocale {
  locale: Locale;
  /** Site paths of the locale's feeds. */
  feeds: { rss: string; atom: string; json: string };
  /** Published articles, newest first. */
  articles: ManifestArticle[];
}

export interface BuildManifest {
  feedLimit: number;
  /** The article sitemaps, each at most SITEMAP_MAX_URLS (src/lib/sitemaps.ts). */
  sitemaps: string[];
  locales: ManifestLocale[];
}

/** `articles`: the published list, newest first (as the build context's `published` holds it). */
export function buildManifest(articles: readonly Article[]): BuildManifest {
  return {
    feedLimit: site.feedLimit,
    sitemaps: Array.from({ length: articleSitemapCount(articles.length) }, (_, i) => paths.articleSitemap(i + 1)),
    locales: localeOrder.map((locale) => ({
      locale,
      feeds: paths.feeds({ kind: 'locale', locale }),
      articles: articles.map((a) => ({
        slug: a.slug,
        path: paths.article(locale, a.slug),
        url: absoluteUrl(paths.article(locale, a.slug)),
        inSitemap: inSitemap(a),
      })),
    })),
  };
}

/**
 * The one rule for which articles the sitemaps list: those whose canonical is their own page. A
 * reprint marked `canonical: source` points search engines at the outlet it came from, so it is not
 * ours to list. src/lib/sitemaps.ts writes the sitemaps by it and the build manifest
 * (src/lib/verify/manifest.ts) tells the output check by it. Pure; light enough for scripts.
 */
import type { Article } from '../model/article.ts';

export const inSitemap = (article: Pick<Article, 'canonical'>): boolean => article.canonical !== 'source';

/** The cards this site draws: one per article and locale, one per locale for other pages. */
import { projectDirs } from '../../config/paths.ts';
import { site } from '../../config/site.ts';
import type { Article } from '../../model/article.ts';
import type { Locale } from '../../model/locale.ts';
import { localize } from '../localize.ts';
import type { ShareCard } from './render.ts';

const host = () => new URL(site.url).host;

export function articleCard(article: Article, locale: Locale): ShareCard {
  const a = localize(article, locale);
  return {
    locale,
    title: a.title,
    kicker: a.category.name,
    siteName: site.name[locale],
    host: host(),
    where: `article "${article.slug}" (${locale}, title "${a.title}")`,
  };
}

export function siteCard(locale: Locale): ShareCard {
  return { locale, title: site.tagline[locale], siteName: site.name[locale], host: host(), where: `site card (${locale})` };
}

/** The cache folder the share images are kept under (share-images/, src/lib/share-image/render.ts). */
export const shareCacheDir = (): string => projectDirs.cache;

export const pngResponse = (png: Buffer) => new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });

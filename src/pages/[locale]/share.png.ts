// The share image (1200×630 PNG) of the pages of one locale that are not articles.
import type { APIRoute, GetStaticPaths } from 'astro';
import { localeStaticPaths } from '@/lib/urls.ts';
import { pngResponse, shareCacheDir, siteCard } from '@/lib/share-image/cards.ts';
import { renderShareImage } from '@/lib/share-image/render.ts';
import type { Locale } from '@/model/locale.ts';

export const getStaticPaths = localeStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { locale } = props as { locale: Locale };
  return pngResponse(await renderShareImage(siteCard(locale), shareCacheDir()));
};

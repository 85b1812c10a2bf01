// The share image (1200×630 PNG) of one article in one locale: its title in the locale's CJK font.
// Only the newest articles have one (the build context's share-image choice); older ones use the locale's card.
import type { APIRoute, GetStaticPaths } from 'astro';
import { localeOrder } from '@/config/site.ts';
import { bodyReady, buildContext } from '@/lib/collection.ts';
import { articleCard, pngResponse, shareCacheDir } from '@/lib/share-image/cards.ts';
import { renderShareImage } from '@/lib/share-image/render.ts';
import { localeParams } from '@/lib/urls.ts';
import type { Article } from '@/model/article.ts';
import type { Locale } from '@/model/locale.ts';

export const getStaticPaths = (async () => {
  const { published, shareImages } = await buildContext();
  return published
    .filter((article) => shareImages.has(article.slug))
    .flatMap((article) => localeOrder.map((locale) => ({ params: localeParams(locale, { slug: article.slug }), props: { article, locale } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { article, locale } = props as { article: Article; locale: Locale };
  // The render workers draw share images too; wait for them rather than draw it twice.
  await bodyReady(await buildContext(), article);
  return pngResponse(await renderShareImage(articleCard(article, locale), shareCacheDir()));
};

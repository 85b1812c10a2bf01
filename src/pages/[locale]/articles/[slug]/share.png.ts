// The share image (1200×630 PNG) of one article in one locale: its title in the locale's CJK font.
import type { APIRoute, GetStaticPaths } from 'astro';
import { localeOrder, locales } from '../../../../config/site.ts';
import { bodyReady, publishedArticles } from '../../../../lib/collection.ts';
import { articleCard, pngResponse, shareCacheDir } from '../../../../lib/share-image/cards.ts';
import { renderShareImage } from '../../../../lib/share-image/render.ts';
import { hasOwnShareImage } from '../../../../lib/share-image/selection.ts';
import type { Article } from '../../../../model/article.ts';
import type { Locale } from '../../../../model/locale.ts';

export const getStaticPaths = (async () =>
  (await publishedArticles()).filter((article) => hasOwnShareImage(article.slug)).flatMap((article) =>
    localeOrder.map((locale) => ({ params: { locale: locales[locale].segment, slug: article.slug }, props: { article, locale } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { article, locale } = props as { article: Article; locale: Locale };
  // The render workers draw share images too; wait for them rather than draw it twice.
  await bodyReady(article);
  return pngResponse(await renderShareImage(articleCard(article, locale), shareCacheDir()));
};

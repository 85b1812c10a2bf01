// The share image (1200×630 PNG) of one article in one locale: its title in the locale's CJK font.
// Only the newest articles have one (the build context's share-image choice); older ones use the locale's card.
import type { GetStaticPaths } from 'astro';
import { bodyReady, staticPaths } from '@/lib/collection.ts';
import { articleSharePages } from '@/lib/routes.ts';
import { articleCard, pngResponse, shareCacheDir } from '@/lib/share-image/cards.ts';
import { renderShareImage } from '@/lib/share-image/render.ts';
import { articleTag, SITE_TAG } from '@/server/cache-tags.ts';
import { endpoint } from '@/server/on-demand.ts';

export const getStaticPaths = staticPaths(articleSharePages) satisfies GetStaticPaths;

export const GET = endpoint(
  { kind: 'article', paths: articleSharePages, tags: ({ article }) => [articleTag(article.slug), SITE_TAG] },
  async ({ article, locale }, build) => {
    // The render workers draw share images too; wait for them rather than draw it twice.
    await bodyReady(build, article);
    return pngResponse(await renderShareImage(articleCard(article, locale), shareCacheDir()));
  },
);

/**
 * The lead image's 16:9, 4:3 and 1:1 crops for the NewsArticle JSON-LD (src/lib/seo.ts), made by
 * Astro's image pipeline from a local original (content/images/), cut from the centre, written as
 * WebP next to the page's other images. A source that serves resized copies gives its own crops
 * (Sanity: `image.crops`); other images (an SVG in public/, any other URL) have none and are offered
 * as they are.
 *
 * Astro-only (astro:assets): the render workers never load this module.
 */
import { getImage } from 'astro:assets';
import type { Article } from '../model/article.ts';
import { LEAD_FORMAT, pipelineImage } from './lead-image.ts';
import { cropSize, LD_CROPS, type ImageCrop } from './seo.ts';
import { absoluteUrl } from './urls.ts';

const made = new Map<string, Promise<ImageCrop[]>>();

export function leadImageCrops(image: Article['image']): Promise<ImageCrop[]> {
  if (!image) return Promise.resolve([]);
  if (image.crops?.length) return Promise.resolve(image.crops.map((c) => ({ url: absoluteUrl(c.src), width: c.width, height: c.height })));
  let crops = made.get(image.src);
  if (!crops) {
    crops = (async () => {
      const original = await pipelineImage(image.src);
      if (!original) return [];
      return Promise.all(
        LD_CROPS.map(async (crop) => {
          const size = cropSize(original.width, original.height, crop);
          const out = await getImage({ src: original, ...size, fit: 'cover', position: 'center', format: LEAD_FORMAT });
          return { url: absoluteUrl(out.src), ...size };
        }),
      );
    })();
    made.set(image.src, crops);
  }
  return crops;
}

/**
 * The originals of the lead images in the content folder's images/ (src/config/paths.ts), published
 * at the path articles name them by (/images/<file>): feeds, og:image and structured data point at
 * the full image; pages show the resized copies (src/components/LeadImage.astro).
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { pipelineImageFile, pipelineImagePaths } from '@/lib/lead-image.ts';
import { imageType } from '@/lib/media.ts';

export const getStaticPaths = (() =>
  pipelineImagePaths().map((imagePath) => ({ params: { file: imagePath.slice(1) }, props: { imagePath } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { imagePath } = props as { imagePath: string };
  return new Response(readFileSync(pipelineImageFile(imagePath)), { headers: { 'content-type': imageType(imagePath, 'application/octet-stream') } });
};

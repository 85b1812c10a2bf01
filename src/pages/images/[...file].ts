/**
 * The originals of the lead images in content/images/, published at the path articles name them by
 * (/images/<file>): feeds, og:image and structured data point at the full image; pages show the
 * resized copies (src/components/LeadImage.astro).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { pipelineImageKeys } from '../../lib/lead-image.ts';

const MIME: Record<string, string> = { avif: 'image/avif', gif: 'image/gif', jpeg: 'image/jpeg', jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const originals = pipelineImageKeys();

export const getStaticPaths = (() => originals.map((key) => ({ params: { file: key.slice('/content/images/'.length) }, props: { key } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const key = (props as { key: string }).key;
  const type = MIME[key.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
  return new Response(readFileSync(join(process.cwd(), key)), { headers: { 'content-type': type } });
};

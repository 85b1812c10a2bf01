// The publisher logo named by JSON-LD and the feeds.
import type { APIRoute } from 'astro';
import { pngResponse, shareCacheDir } from '@/lib/share-image/cards.ts';
import { renderLogo } from '@/lib/share-image/render.ts';

export const GET: APIRoute = async () => pngResponse(await renderLogo(shareCacheDir()));

// GET /api/preview/ (a preview link → the preview cookie), injected in server output only (src/integrations/server-mode.ts).
import type { APIRoute } from 'astro';
import { enterPreview } from '../preview.ts';

export const prerender = false;

export const GET: APIRoute = ({ request }) => enterPreview(request);

// GET /api/preview/exit/ (the preview cookie cleared), injected in server output only (src/integrations/server-mode.ts).
import type { APIRoute } from 'astro';
import { exitPreview } from '../preview.ts';

export const prerender = false;

export const GET: APIRoute = ({ request }) => exitPreview(request);

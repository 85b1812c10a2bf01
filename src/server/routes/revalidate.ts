// POST /api/revalidate, injected in server output only (src/integrations/server-mode.ts): src/server/revalidate.ts.
import type { APIRoute } from 'astro';
import { revalidate, revalidateEnv } from '../revalidate.ts';

export const prerender = false;

export const POST: APIRoute = ({ request, cache }) =>
  revalidate(
    request,
    revalidateEnv((tags) => cache.invalidate({ tags })),
  );

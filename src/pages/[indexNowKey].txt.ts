// IndexNow's key file, /<key>.txt holding the key (src/lib/notify/): written only when TONGBAO_INDEXNOW_KEY is set.
import type { APIRoute, GetStaticPaths } from 'astro';
import { indexNowKey } from '../lib/notify/config.ts';

export const getStaticPaths = (() => {
  const key = indexNowKey();
  return key ? [{ params: { indexNowKey: key } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => new Response(params.indexNowKey, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

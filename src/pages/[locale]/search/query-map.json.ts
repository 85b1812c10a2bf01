// The character map of a locale's search page (src/zh/query-map.ts): a query typed in the other
// script is looked for in this locale's script too.
import type { APIRoute } from 'astro';
import { locales } from '@/config/site.ts';
import { localeStaticPaths } from '@/lib/urls.ts';
import type { Locale } from '@/model/locale.ts';
import { queryCharacterMap } from '@/zh/query-map.ts';

export const getStaticPaths = localeStaticPaths;

export const GET: APIRoute<{ locale: Locale }> = ({ props }) =>
  new Response(JSON.stringify(queryCharacterMap(locales[props.locale].opencc)), { headers: { 'content-type': 'application/json' } });

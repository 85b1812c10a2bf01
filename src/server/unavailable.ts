/**
 * Pure: the answer of a page that cannot be rendered now because the source cannot be read (server
 * output): 503 with Retry-After and a short, complete page in both scripts, kept out of every cache
 * (a cache in front serves its stale copy instead, stale-if-error).
 */
import { site } from '../config/site.ts';
import { noStoreHeaders } from './cache-headers.ts';

export const RETRY_AFTER_SECONDS = 30;

export function unavailableResponse(retryAfter: number = RETRY_AFTER_SECONDS): Response {
  const html = `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>暂时无法显示 · ${site.name['zh-Hans']}</title>
</head>
<body>
<main>
<h1>暂时无法显示</h1>
<p>本页稍后即可访问，请于 ${retryAfter} 秒后重新加载。</p>
<section lang="zh-Hant">
<h2>暫時無法顯示</h2>
<p>本頁稍後即可瀏覽，請於 ${retryAfter} 秒後重新載入。</p>
</section>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(retryAfter), ...noStoreHeaders({ shared: true }) },
  });
}

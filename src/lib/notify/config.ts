/**
 * Who is told when the site changes, from the configuration (src/config/env.ts). Each service is off
 * unless its variable is set: WebSub hubs (TONGBAO_WEBSUB_HUBS), IndexNow (TONGBAO_INDEXNOW_KEY),
 * Baidu's 普通收录 push (TONGBAO_BAIDU_TOKEN).
 */
import { env, type Env } from '../../config/env.ts';
import { absoluteUrl, paths } from '../urls.ts';

export interface NotifyTargets {
  /** WebSub hubs, pinged with the feeds that changed. */
  websubHubs: string[];
  indexNow?: { endpoint: string; host: string; key: string; keyLocation: string } | undefined;
  /** `endpoint` carries the token: log `shown`, never `endpoint`. */
  baidu?: { endpoint: string; shown: string } | undefined;
}

export function notifyTargets(source: Env = env): NotifyTargets {
  const site = new URL(absoluteUrl('/'));
  const key = source.TONGBAO_INDEXNOW_KEY;
  const token = source.TONGBAO_BAIDU_TOKEN;
  let baidu: NotifyTargets['baidu'];
  if (token) {
    const url = new URL(source.TONGBAO_BAIDU_ENDPOINT);
    url.searchParams.set('site', site.origin);
    url.searchParams.set('token', token);
    baidu = { endpoint: url.href, shown: `${url.origin}${url.pathname}` };
  }
  return {
    websubHubs: source.TONGBAO_WEBSUB_HUBS ?? [],
    indexNow: key
      ? { endpoint: source.TONGBAO_INDEXNOW_ENDPOINT, host: site.host, key, keyLocation: absoluteUrl(paths.indexNowKey(key)) }
      : undefined,
    baidu,
  };
}

export function anyTarget(targets: NotifyTargets): boolean {
  return targets.websubHubs.length > 0 || targets.indexNow !== undefined || targets.baidu !== undefined;
}

/** The hubs every feed names (`<atom:link rel="hub">`, JSON Feed `hubs`); none unless configured. */
export function websubHubs(source: Env = env): readonly string[] {
  return source.TONGBAO_WEBSUB_HUBS ?? [];
}

/** The IndexNow key the site publishes at /<key>.txt, if any. */
export function indexNowKey(source: Env = env): string | undefined {
  return source.TONGBAO_INDEXNOW_KEY;
}

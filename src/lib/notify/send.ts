/**
 * The three senders: WebSub hubs (the feeds that changed), IndexNow (pages changed and removed) and
 * Baidu's 普通收录 push (pages new or changed). Each request is retried with exponential backoff on a
 * network error, a timeout, 408, 425, 429 or a 5xx; a service that still fails is logged as
 * `[tongbao] warning: …` and the others go on. Nothing here throws: telling search engines never
 * fails a build or a publish.
 *
 * Protocols: WebSub publish ping as Google's hub documents it (form-encoded `hub.mode=publish` and one
 * `hub.url` per feed, repeated); IndexNow's JSON POST `{host, key, keyLocation, urlList}` (at most 10,000
 * URLs a request); Baidu's push (text/plain, one URL a line, at most 2,000 a request, `site` and `token`
 * in the query).
 */
import type { Changes } from './changes.ts';
import type { NotifyTargets } from './config.ts';

export interface SendOptions {
  /** Attempts per request, the first included. */
  attempts?: number;
  /** First wait between attempts (ms); it doubles each time. A `Retry-After` up to `maxWaitMs` wins. */
  backoffMs?: number;
  maxWaitMs?: number;
  /** How long one request may take (ms). */
  timeoutMs?: number;
  /** Deadline for all the notifications of one publish (ms): no retry starts after it. */
  totalMs?: number;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

export interface ServiceReport {
  service: string;
  /** Requests that got a 2xx answer. */
  sent: number;
  /** Requests given up (after their retries). */
  failed: number;
  urls: number;
}

export const LIMITS = { websubUrlsPerRequest: 100, indexNowUrlsPerRequest: 10_000, baiduUrlsPerRequest: 2_000 } as const;

const DEFAULTS = { attempts: 4, backoffMs: 500, maxWaitMs: 10_000, timeoutMs: 15_000, totalMs: 120_000 } satisfies Partial<SendOptions>;

const RETRIED = new Set([408, 425, 429]);

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

type Attempt = { ok: true; status: number; body: string } | { ok: false; reason: string; attempts: number };

/** POSTs with retries; resolves with the 2xx answer or why it gave up. Never rejects. */
async function post(
  url: string,
  init: { headers: Record<string, string>; body: string },
  o: Required<SendOptions>,
  deadline: number,
): Promise<Attempt> {
  let wait = o.backoffMs;
  let reason = 'not tried';
  for (let attempt = 1; attempt <= o.attempts; attempt++) {
    let retryAfter: number | undefined;
    try {
      const response = await fetch(url, { method: 'POST', ...init, signal: AbortSignal.timeout(o.timeoutMs), redirect: 'follow' });
      const body = await response.text();
      if (response.ok) return { ok: true, status: response.status, body };
      reason = `HTTP ${response.status}${body.trim() ? ` ${body.trim().slice(0, 200)}` : ''}`;
      if (!(RETRIED.has(response.status) || response.status >= 500)) return { ok: false, reason, attempts: attempt };
      retryAfter = retryAfterMs(response.headers.get('retry-after'));
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      reason = e.name === 'TimeoutError' ? `no answer within ${o.timeoutMs} ms` : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : ''}`;
    }
    if (attempt === o.attempts) return { ok: false, reason, attempts: attempt };
    const pause = retryAfter !== undefined && retryAfter <= o.maxWaitMs ? retryAfter : wait;
    if (Date.now() + pause > deadline) return { ok: false, reason: `${reason}; out of time for retries`, attempts: attempt };
    await sleep(pause);
    wait *= 2;
  }
  return { ok: false, reason, attempts: o.attempts };
}

/** Sends the batches of one service in turn; after a batch fails for good the rest are not tried. */
async function sendBatches(
  service: string,
  shown: string,
  batches: { body: string; headers: Record<string, string>; urls: number }[],
  url: string,
  o: Required<SendOptions>,
  deadline: number,
): Promise<ServiceReport> {
  const report: ServiceReport = { service, sent: 0, failed: 0, urls: 0 };
  for (const [i, batch] of batches.entries()) {
    const result = await post(url, batch, o, deadline);
    if (result.ok) {
      report.sent++;
      report.urls += batch.urls;
      continue;
    }
    report.failed = batches.length - i;
    const left = report.failed > 1 ? ` (${report.failed - 1} more request(s) not sent)` : '';
    o.warn(
      `[tongbao] warning: ${service} (${shown}) failed after ${result.attempts} attempt(s): ${result.reason}${left}; ` +
        `the site is published all the same (these URLs are not sent again; the next publish sends what changes then).`,
    );
    return report;
  }
  if (batches.length > 0) o.log(`[tongbao] told ${service} (${shown}): ${report.urls} URL(s) in ${report.sent} request(s)`);
  return report;
}

export async function notifyChanges(changes: Changes, targets: NotifyTargets, options: SendOptions = {}): Promise<ServiceReport[]> {
  const o: Required<SendOptions> = {
    ...DEFAULTS,
    log: (line) => console.log(line),
    warn: (line) => console.warn(line),
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  };
  const deadline = Date.now() + o.totalMs;
  const jobs: Promise<ServiceReport>[] = [];

  if (changes.feeds.length > 0) {
    for (const hub of targets.websubHubs) {
      const batches = chunks(changes.feeds, LIMITS.websubUrlsPerRequest).map((feeds) => {
        const form = new URLSearchParams({ 'hub.mode': 'publish' });
        for (const feed of feeds) form.append('hub.url', feed);
        return { body: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, urls: feeds.length };
      });
      jobs.push(sendBatches('WebSub hub', hub, batches, hub, o, deadline));
    }
  }

  const indexNow = targets.indexNow;
  const changedOrGone = [...new Set([...changes.pages, ...changes.removed])].sort();
  if (indexNow && changedOrGone.length > 0) {
    const batches = chunks(changedOrGone, LIMITS.indexNowUrlsPerRequest).map((urlList) => ({
      body: JSON.stringify({ host: indexNow.host, key: indexNow.key, keyLocation: indexNow.keyLocation, urlList }),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      urls: urlList.length,
    }));
    jobs.push(sendBatches('IndexNow', indexNow.endpoint, batches, indexNow.endpoint, o, deadline));
  }

  const baidu = targets.baidu;
  if (baidu && changes.pages.length > 0) {
    // 普通收录 is for new and updated pages; removed ones belong to Baidu's dead-link tool, not here.
    const batches = chunks(changes.pages, LIMITS.baiduUrlsPerRequest).map((urls) => ({
      body: urls.join('\n'),
      headers: { 'Content-Type': 'text/plain' },
      urls: urls.length,
    }));
    jobs.push(sendBatches('Baidu push', baidu.shown, batches, baidu.endpoint, o, deadline));
  }

  return Promise.all(jobs);
}

/**
 * Purges tagged objects from Varnish (infra/varnish/tongbao.vcl): `PURGE /` with `xkey-purge: tag1 tag2`
 * (or `xkey-softpurge:` to mark them stale), the tags written as cache-headers.ts writes them. Long tag
 * lists are split so no header exceeds Varnish's request header limit (http_req_hdr_len, 8 KB by
 * default); every Varnish given is purged. Throws, naming the server and status, when one refuses.
 */
import { tagToken } from './cache-headers.ts';

export interface VarnishPurgeOptions {
  /** Base URL of each Varnish (http://127.0.0.1:6081); all are purged. */
  servers: readonly string[];
  /** Mark stale instead of dropping (served while refetched; also during an origin outage). */
  soft?: boolean | undefined;
  /** Largest header value in bytes (default 6,000, under Varnish's 8 KB line limit). */
  maxHeaderBytes?: number | undefined;
  timeoutMs?: number | undefined;
}

export interface PurgeResult {
  /** Objects Varnish reported dropped (sum over servers and batches). */
  purged: number;
  requests: number;
}

/** Pure: tag tokens in batches whose space-joined length stays within maxBytes. */
export function batchTags(tokens: readonly string[], maxBytes: number): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const token of tokens) {
    if (token.length > maxBytes) throw new Error(`[tongbao] purge: the tag ${token.slice(0, 40)}… alone is longer than ${maxBytes} bytes`);
    const added = current.length ? length + 1 + token.length : token.length;
    if (added > maxBytes) {
      batches.push(current);
      current = [token];
      length = token.length;
    } else {
      current.push(token);
      length = added;
    }
  }
  if (current.length) batches.push(current);
  return batches;
}

export async function purgeVarnish(tags: readonly string[], options: VarnishPurgeOptions): Promise<PurgeResult> {
  const tokens = [...new Set(tags.map(tagToken))];
  const batches = batchTags(tokens, options.maxHeaderBytes ?? 6_000);
  const header = options.soft ? 'xkey-softpurge' : 'xkey-purge';
  let purged = 0;
  let requests = 0;
  await Promise.all(
    options.servers.map(async (server) => {
      for (const batch of batches) {
        requests++;
        let res: Response;
        try {
          res = await fetch(new URL('/', server), {
            method: 'PURGE',
            headers: { [header]: batch.join(' ') },
            signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
          });
        } catch (error) {
          throw new Error(`[tongbao] purge: Varnish at ${server} did not answer (${(error as Error).message})`, { cause: error });
        }
        const text = await res.text();
        if (res.status !== 200) throw new Error(`[tongbao] purge: Varnish at ${server} answered ${res.status}: ${text.trim().slice(0, 200)}`);
        purged += Number(res.headers.get('xkey-purged') ?? /Purged (\d+)/.exec(text)?.[1] ?? 0);
      }
    }),
  );
  return { purged, requests };
}

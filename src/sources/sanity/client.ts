/**
 * The one module that makes Sanity clients (the site reads, the importer writes drafts): a @sanity/client with a pinned API version, no CDN (a build
 * wants what was just published), the perspective of the build, and our own bounded retries (the
 * client's are switched off: they neither honour Retry-After nor retry 500, timeouts of reads or
 * malformed answers).
 */
import { createClient, type SanityClient } from '@sanity/client';
import { DEFAULT_RETRY, withRetries, type AttemptFailure, type RetryPolicy } from './retry.ts';
import type { SanityOptions } from '../../config/source.ts';

/** Pinned: a newer API version is a deliberate change, tested against the lake and the dataset. */
export const API_VERSION = '2025-02-19';

export type { SanityOptions };

export class MalformedResponseError extends Error {
  override name = 'MalformedResponseError';
}

/** What reaching Sanity needs, for reading and for writing. */
type Connection = Pick<SanityOptions, 'projectId' | 'dataset' | 'apiHost' | 'token' | 'timeoutMs'>;

function clientConfig(options: Connection) {
  return {
    projectId: options.projectId,
    dataset: options.dataset,
    apiVersion: API_VERSION,
    useCdn: false,
    ...(options.token ? { token: options.token } : {}),
    ...(options.apiHost ? { apiHost: options.apiHost, useProjectHostname: false } : {}),
    timeout: options.timeoutMs,
    maxRetries: 0,
    ignoreBrowserTokenWarning: true,
  };
}

/** The site's reading client: the build's perspective. */
export function createSanityClient(options: SanityOptions): SanityClient {
  return createClient({ ...clientConfig(options), perspective: options.perspective });
}

/** The importer's writing client (drafts): the same settings with a write token; a write has no perspective. */
export function createSanityWriteClient(options: Connection & { token: string }): SanityClient {
  return createClient(clientConfig(options));
}

/** Pure: an error from @sanity/client (or ours) as a retry decision's input. */
function classifyError(error: unknown): AttemptFailure {
  if (error instanceof MalformedResponseError) return { malformed: true, reason: error.message };
  const e = error as { statusCode?: number; response?: { headers?: Record<string, string> }; message?: string; code?: string };
  if (typeof e?.statusCode === 'number') {
    return {
      status: e.statusCode,
      retryAfter: e.response?.headers?.['retry-after'],
      reason: `HTTP ${e.statusCode}${e.message ? ` (${e.message.split('\n')[0]})` : ''}`,
    };
  }
  return { reason: `${e?.code ? `${e.code}: ` : ''}${e?.message ?? String(error)}` };
}

/** Runs a GROQ query with bounded retries; the answer must be Sanity's JSON envelope. */
export async function fetchQuery<T>(
  client: SanityClient,
  what: string,
  query: string,
  options: { attempts: number; backoffMs: number; maxDelayMs?: number; log?: (line: string) => void; sleep?: (ms: number) => Promise<void> },
  params: Record<string, unknown> = {},
): Promise<T> {
  const policy: RetryPolicy = {
    ...DEFAULT_RETRY,
    attempts: options.attempts,
    baseDelayMs: options.backoffMs,
    ...(options.maxDelayMs === undefined ? {} : { maxDelayMs: options.maxDelayMs }),
  };
  return withRetries(
    what,
    async () => {
      const body: unknown = await client.fetch(query, params, { filterResponse: false });
      if (body === null || typeof body !== 'object' || !('result' in body)) {
        throw new MalformedResponseError(
          `the answer was not Sanity's JSON (${typeof body === 'string' ? `${body.length} characters of text` : typeof body})`,
        );
      }
      return (body as { result: T }).result;
    },
    classifyError,
    { policy, sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))), log: options.log },
  );
}

/**
 * Bounded retries with backoff for reads from Sanity. Pure decisions (retryDelay) and a small loop
 * (withRetries) whose sleep is passed in, so both are tested without waiting.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First backoff; doubled each time, with up to 20 % jitter. */
  baseDelayMs: number;
  /** No single wait is longer than this, Retry-After included. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/** What went wrong with one attempt, as far as retrying is concerned. */
export interface AttemptFailure {
  /** HTTP status, when the server answered. */
  status?: number | undefined;
  /** Retry-After header, when the server sent one (seconds or an HTTP date). */
  retryAfter?: string | undefined;
  /** True when the answer was not the JSON we asked for. */
  malformed?: boolean | undefined;
  /** A short description for messages. */
  reason: string;
}

/** Pure: whether a failure is worth another attempt. Client errors (4xx but 408/429) are not. */
function isTransient(f: AttemptFailure): boolean {
  if (f.malformed) return true;
  if (f.status === undefined) return true; // timeout, refused, reset, dropped
  return f.status === 408 || f.status === 429 || f.status >= 500;
}

/** Pure: milliseconds to wait before attempt `attempt + 1` (attempt counts from 1). */
function retryDelay(f: AttemptFailure, attempt: number, policy: RetryPolicy, now = Date.now(), random = Math.random()): number {
  if (f.retryAfter !== undefined) {
    const seconds = Number(f.retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(f.retryAfter) - now;
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), policy.maxDelayMs);
  }
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(backoff * (1 + 0.2 * random), policy.maxDelayMs);
}

export class SourceUnavailableError extends Error {
  override name = 'SourceUnavailableError';
}

export async function withRetries<T>(
  what: string,
  attemptOnce: () => Promise<T>,
  classify: (error: unknown) => AttemptFailure,
  options: { policy: RetryPolicy; sleep: (ms: number) => Promise<void>; log?: (line: string) => void },
): Promise<T> {
  const { policy, sleep } = options;
  const failures: string[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce();
    } catch (error) {
      const f = classify(error);
      failures.push(`attempt ${attempt}: ${f.reason}`);
      if (!isTransient(f) || attempt >= policy.attempts) {
        throw new SourceUnavailableError(
          `[tongbao] ${what} failed${isTransient(f) ? ` after ${attempt} attempt(s)` : ''}; the build stopped so that no article goes missing.\n` +
            failures.map((l) => `  - ${l}`).join('\n') +
            (isTransient(f)
              ? '\n  Sanity (or SANITY_API_HOST) did not answer properly. Check the service and the network, then build again.'
              : '\n  The request itself was refused: check SANITY_PROJECT_ID, SANITY_DATASET, SANITY_READ_TOKEN and the query.'),
        );
      }
      const ms = retryDelay(f, attempt, policy);
      options.log?.(`${what}: ${f.reason}; retrying in ${Math.round(ms)} ms (attempt ${attempt + 1} of ${policy.attempts})`);
      await sleep(ms);
    }
  }
}

/**
 * The lake's outgoing webhooks, shaped like Sanity's GROQ-powered document webhooks, so the site's
 * `/api/revalidate` can be tested end to end here:
 *
 * - one request per published document a transaction changed (drafts and versions do not fire, as with
 *   `includeDrafts: false`): publishing a draft (the published id written, the draft deleted) is one
 *   `create` or `update` of the published id; `delete` when the published document is gone;
 * - the body is the document after the change (before it, for a delete), or the result of the webhook's
 *   GROQ projection (`before()`, `after()`, `sanity::projectId()` and `sanity::dataset()` work), and an
 *   optional GROQ filter decides whether it fires;
 * - headers as Sanity sends them: `sanity-webhook-signature` (made by @sanity/webhook's own
 *   `encodeSignatureHeader`, so its `isValidSignature` accepts it), `sanity-transaction-id`,
 *   `sanity-transaction-time`, `sanity-operation`, `sanity-document-id`, `sanity-dataset`,
 *   `sanity-project-id`, `sanity-webhook-id`, `idempotency-key` (the same on every retry);
 * - delivered after the mutation has answered, never blocking it; retried with exponential backoff on a
 *   network error, a timeout, 429 or 5xx (other 4xx answers are final, as a receiver that refuses a
 *   payload will not accept it on a retry).
 */
import { createHash } from 'node:crypto';
import { encodeSignatureHeader } from '@sanity/webhook';
import { evaluate, parse, type ExprNode } from 'groq-js';
import type { Doc } from './index.ts';

export interface WebhookTarget {
  url: string;
  /** Signs the request (sanity-webhook-signature) when set. */
  secret?: string | undefined;
  /** A GROQ projection for the body, e.g. `{_id, _type, "slug": slug.current}`; default: the whole document. */
  projection?: string | undefined;
  /** A GROQ filter: the webhook fires only when it is true for the document, e.g. `_type == "article"`. */
  filter?: string | undefined;
  /** sanity-webhook-id (default: lake-webhook-<n>). */
  id?: string | undefined;
}

export interface WebhookOptions {
  targets: readonly WebhookTarget[];
  projectId: string;
  dataset: string;
  /** Attempts in all (default 6). */
  attempts?: number | undefined;
  /** First retry delay, doubled on each retry (default 500 ms). */
  backoffMs?: number | undefined;
  /** Per-attempt timeout (default 10 s). */
  timeoutMs?: number | undefined;
  log?: ((line: string) => void) | undefined;
}

export type Operation = 'create' | 'update' | 'delete';

export interface DocumentChange {
  id: string;
  before: Doc | undefined;
  after: Doc | undefined;
}

export interface Delivery {
  webhookId: string;
  url: string;
  documentId: string;
  operation: Operation;
  transactionId: string;
  idempotencyKey: string;
  body: string;
  attempts: number;
  /** The last HTTP status, or the network error's message. */
  last?: number | string | undefined;
  state: 'pending' | 'delivered' | 'failed';
}

interface CompiledHook {
  target: WebhookTarget;
  id: string;
  projection?: ExprNode;
  filter?: ExprNode;
}

const isPublishedId = (id: string) => !id.startsWith('drafts.') && !id.startsWith('versions.');

/** Pure: the webhook events a transaction's changes give (published ids only), in the order they changed. */
export function webhookEvents(
  changes: readonly DocumentChange[],
): { id: string; operation: Operation; before: Doc | undefined; after: Doc | undefined }[] {
  return changes.flatMap((c) => {
    if (!isPublishedId(c.id) || (!c.before && !c.after)) return [];
    const operation: Operation = !c.before ? 'create' : !c.after ? 'delete' : 'update';
    return [{ ...c, operation }];
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class WebhookSender {
  readonly deliveries: Delivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly compiled: CompiledHook[];
  private closed = false;

  constructor(readonly options: WebhookOptions) {
    this.compiled = options.targets.map((target, i) => {
      const compile = (what: string, text: string | undefined) => {
        if (!text) return undefined;
        try {
          return parse(text, { mode: 'delta' });
        } catch (error) {
          throw new Error(`[tongbao] --webhook-${what} ${JSON.stringify(text)}: not GROQ (${(error as Error).message})`, { cause: error });
        }
      };
      new URL(target.url); // throws on a bad URL, before any mutation
      const projection = compile('projection', target.projection);
      const filter = compile('filter', target.filter);
      return { target, id: target.id ?? `lake-webhook-${i + 1}`, ...(projection ? { projection } : {}), ...(filter ? { filter } : {}) };
    });
  }

  /** Queues the webhooks of one committed transaction; returns at once. */
  send(transactionId: string, time: string, changes: readonly DocumentChange[]): void {
    if (this.closed) return;
    for (const event of webhookEvents(changes)) {
      for (const hook of this.compiled) {
        const job = this.deliver(hook, transactionId, time, event).catch((error: unknown) => {
          this.options.log?.(`[tongbao] lake: webhook ${hook.id} for ${event.id}: ${(error as Error).message}`);
        });
        this.pending.add(job);
        void job.finally(() => this.pending.delete(job));
      }
    }
  }

  /** Resolves when every queued delivery has succeeded or given up. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** Stops retrying (pending attempts end at their next wait). */
  close(): void {
    this.closed = true;
  }

  private async deliver(hook: CompiledHook, transactionId: string, time: string, event: ReturnType<typeof webhookEvents>[number]): Promise<void> {
    const doc = event.after ?? event.before!;
    const scope = {
      root: doc,
      dataset: [],
      params: {},
      before: event.before ?? null,
      after: event.after ?? null,
      sanity: { projectId: this.options.projectId, dataset: this.options.dataset },
    };
    if (hook.filter && (await (await evaluate(hook.filter, scope)).get()) !== true) return;
    const payload = hook.projection ? await (await evaluate(hook.projection, scope)).get() : doc;
    const body = JSON.stringify(payload);
    const idempotencyKey = `msg_${createHash('sha256').update(`${hook.id}\n${transactionId}\n${event.id}`).digest('hex').slice(0, 32)}`;
    const delivery: Delivery = {
      webhookId: hook.id,
      url: hook.target.url,
      documentId: event.id,
      operation: event.operation,
      transactionId,
      idempotencyKey,
      body,
      attempts: 0,
      state: 'pending',
    };
    this.deliveries.push(delivery);
    const attempts = this.options.attempts ?? 6;
    let wait = this.options.backoffMs ?? 500;
    for (;;) {
      delivery.attempts++;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'Sanity.io webhook delivery (tongbao lake)',
        'idempotency-key': idempotencyKey,
        'sanity-project-id': this.options.projectId,
        'sanity-dataset': this.options.dataset,
        'sanity-document-id': event.id,
        'sanity-operation': event.operation,
        'sanity-transaction-id': transactionId,
        'sanity-transaction-time': time,
        'sanity-webhook-id': hook.id,
      };
      // Signed per attempt, with the attempt's time, as a receiver checks the timestamp's age.
      if (hook.target.secret) headers['sanity-webhook-signature'] = await encodeSignatureHeader(body, Date.now(), hook.target.secret);
      let retry: boolean;
      try {
        const res = await fetch(hook.target.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
        await res.arrayBuffer().catch(() => undefined);
        delivery.last = res.status;
        if (res.ok) {
          delivery.state = 'delivered';
          return;
        }
        retry = res.status === 429 || res.status === 408 || res.status >= 500;
      } catch (error) {
        delivery.last = (error as Error).message;
        retry = true;
      }
      if (!retry || delivery.attempts >= attempts || this.closed) {
        delivery.state = 'failed';
        this.options.log?.(
          `[tongbao] lake: webhook ${hook.id} → ${hook.target.url} for ${event.operation} ${event.id} failed after ${delivery.attempts} attempt(s) (${String(delivery.last)})`,
        );
        return;
      }
      await sleep(wait);
      wait *= 2;
    }
  }
}

/**
 * Which source the site is built from, decided once from the environment (src/config/env.ts):
 * no SANITY_* variables → the content folder; SANITY_PROJECT_ID and SANITY_DATASET → Sanity
 * (SANITY_API_HOST for another host such as the local lake; SANITY_READ_TOKEN for drafts).
 */
import { env, EnvError, type Env } from './env.ts';

/** How to reach Sanity: read by src/sources/sanity/client.ts. */
export interface SanityOptions {
  projectId: string;
  dataset: string;
  /** Another host than api.sanity.io, e.g. the local lake http://127.0.0.1:4444. */
  apiHost?: string | undefined;
  token?: string | undefined;
  perspective: 'published' | 'drafts';
  timeoutMs: number;
  attempts: number;
  backoffMs: number;
}

export type SourceConfig = { kind: 'local'; contentDir: string } | ({ kind: 'sanity' } & SanityOptions);

export function sourceFromEnv(e: Env): SourceConfig {
  const preview = e.TONGBAO_PREVIEW === '1';
  const any = e.SANITY_PROJECT_ID || e.SANITY_DATASET || e.SANITY_API_HOST || e.SANITY_READ_TOKEN;
  if (!any) {
    if (preview)
      throw new EnvError('[tongbao] a preview build reads drafts from Sanity: set SANITY_PROJECT_ID, SANITY_DATASET and SANITY_READ_TOKEN.');
    return { kind: 'local', contentDir: e.TONGBAO_CONTENT_DIR };
  }
  const missing = (['SANITY_PROJECT_ID', 'SANITY_DATASET'] as const).filter((k) => !e[k]);
  if (missing.length) {
    throw new EnvError(
      `[tongbao] ${missing.join(' and ')} missing: Sanity needs both SANITY_PROJECT_ID and SANITY_DATASET (unset every SANITY_* variable to build from content/).`,
    );
  }
  if (preview && !e.SANITY_READ_TOKEN) {
    throw new EnvError(
      '[tongbao] a preview build reads drafts: set SANITY_READ_TOKEN to a token with read access (Sanity → API → Tokens, "Viewer").',
    );
  }
  return {
    kind: 'sanity',
    projectId: e.SANITY_PROJECT_ID!,
    dataset: e.SANITY_DATASET!,
    apiHost: e.SANITY_API_HOST,
    // The token is only sent for drafts: a production build reads what the public reads.
    token: preview ? e.SANITY_READ_TOKEN : undefined,
    perspective: preview ? 'drafts' : 'published',
    timeoutMs: e.TONGBAO_SANITY_TIMEOUT_MS,
    attempts: e.TONGBAO_SANITY_ATTEMPTS,
    backoffMs: e.TONGBAO_SANITY_BACKOFF_MS,
  };
}

export const source: SourceConfig = sourceFromEnv(env);
export const isPreview = env.TONGBAO_PREVIEW === '1';

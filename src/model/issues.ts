/**
 * The one formatter of zod issues: each bad field (a dotted path; `whole` when the issue is about the
 * whole value) and what is wrong with it. An unknown key is reported as its own field. Pure; the callers
 * (environment, articles, glossaries) add where the value came from and how to fix it.
 */
import type { z } from 'zod';

export interface FieldIssue {
  field: string;
  message: string;
}

const UNKNOWN_FIELD = 'unknown field; check its spelling or remove it';

export function fieldIssues(error: z.ZodError, whole: string): FieldIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: [...issue.path, key].map(String).join('.'), message: UNKNOWN_FIELD }))
      : [{ field: issue.path.length ? issue.path.map(String).join('.') : whole, message: issue.message }],
  );
}

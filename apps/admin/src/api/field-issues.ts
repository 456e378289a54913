import type { ApiError } from './client';

/** One per-field problem from a 400 answer, with the path inside the request body. */
export type FieldIssue = { path: (string | number)[]; message: string };

const LOCATIONS = new Set(['body', 'query', 'params', 'querystring']);

/**
 * Reads the field issues of a validation error. The API sends them as
 * `details: [{path, message}]` or `details: {issues: [{path, message}]}`;
 * a path may be `"email"`, `"body/email"`, `"roleIds.0"` or an array.
 */
export function fieldIssues(err: ApiError): FieldIssue[] {
  const details = err.details as { issues?: unknown } | unknown[] | undefined;
  const list = Array.isArray(details) ? details : Array.isArray(details?.issues) ? details.issues : [];
  const out: FieldIssue[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    out.push({ path: normalisePath(path), message });
  }
  return out;
}

function normalisePath(path: unknown): (string | number)[] {
  const parts: unknown[] = Array.isArray(path)
    ? path
    : typeof path === 'string'
      ? path.split(/[/.]/).filter(Boolean)
      : [];
  const segs = parts.map((p) => (typeof p === 'number' || /^\d+$/.test(String(p)) ? Number(p) : String(p)));
  if (typeof segs[0] === 'string' && LOCATIONS.has(segs[0])) segs.shift();
  return segs;
}

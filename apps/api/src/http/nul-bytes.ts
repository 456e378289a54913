import { invalid } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';

/**
 * The path of the first string containing U+0000, which PostgreSQL text cannot store. Binary bodies
 * (uploads, parsed as Buffers) are the upload's business: a NUL byte there is data, not a field.
 * The path is built only on a hit: a batch of thousands of events allocates nothing.
 */
function findNul(v: unknown): (string | number)[] | null {
  if (typeof v === 'string') return v.includes('\u0000') ? [] : null;
  if (!v || typeof v !== 'object' || ArrayBuffer.isView(v)) return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = findNul(v[i]);
      if (p) return [i, ...p];
    }
    return null;
  }
  for (const k in v) {
    const p = findNul((v as Record<string, unknown>)[k]);
    if (p) return [k, ...p];
  }
  return null;
}

const at = (root: string, v: unknown) => {
  const p = findNul(v);
  return p ? [root, ...p].join('.') : null;
};

/** Rejects NUL characters anywhere in a request with a 400 naming the field. */
export function rejectNulBytes(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const where = at('body', req.body) ?? at('querystring', req.query) ?? at('params', req.params);
    if (where) throw invalid(where, 'must not contain NUL characters');
  });
}

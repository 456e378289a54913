import { invalid } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';

/** The path of the first string containing U+0000, which PostgreSQL text cannot store. */
function findNul(v: unknown, path: string): string | null {
  if (typeof v === 'string') return v.includes('\u0000') ? path : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = findNul(v[i], `${path}.${i}`);
      if (p) return p;
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = findNul(x, `${path}.${k}`);
      if (p) return p;
    }
  }
  return null;
}

/** Rejects NUL characters anywhere in a request with a 400 naming the field. */
export function rejectNulBytes(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const where = findNul(req.body, 'body') ?? findNul(req.query, 'querystring') ?? findNul(req.params, 'params');
    if (where) throw invalid(where, 'must not contain NUL characters');
  });
}

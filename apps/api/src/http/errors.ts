import { AppError } from '@siyu/core/platform';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

type Issue = { path: string; message: string };

const send = (status: number, code: string, message: string, details?: unknown) => ({
  status,
  body: { error: { code, message, ...(details === undefined ? {} : { details }) } },
});

/** Every error leaves as `{"error":{"code","message","details"}}`; only real bugs are 500s. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const r = toResponse(err);
    if (r.status >= 500) req.log.error({ err }, 'request failed');
    if (r.status === 429) {
      const retry = (r.body.error as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds;
      if (retry) reply.header('retry-after', String(retry));
    }
    return reply.code(r.status).send(r.body);
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` } }),
  );
}

function toResponse(err: FastifyError) {
  if (err instanceof AppError) return send(err.status, err.code, err.message, err.details);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const issues: Issue[] = err.validation.map((v) => {
      const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return { path: field ? `${where}.${field}` : where, message: v.message ?? 'is invalid' };
    });
    const first = issues[0];
    return send(400, 'VALIDATION_FAILED', first ? `${first.path}: ${first.message}` : 'Invalid request', { issues });
  }
  if (isResponseSerializationError(err)) return send(500, 'INTERNAL', 'The server produced an invalid response');
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError)
    return send(400, 'MALFORMED_JSON', 'body: is not valid JSON');
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return send(400, 'MALFORMED_JSON', 'body: must not be empty');
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(413, 'BODY_TOO_LARGE', 'body: is too large');
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return send(415, 'UNSUPPORTED_MEDIA_TYPE', 'body: send application/json');
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) return send(status, err.code ?? 'BAD_REQUEST', err.message);
  return send(500, 'INTERNAL', 'Something went wrong on our side');
}

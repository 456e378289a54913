import type { Runtime } from '@siyu/core/platform';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';

export function healthRoutes(app: FastifyInstance, rt: Runtime) {
  app.get('/api/health', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await rt.db.execute(sql`select 1`);
      return { status: 'ok', db: rt.database.engine };
    } catch {
      return reply.code(503).send({ status: 'unavailable', db: rt.database.engine });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

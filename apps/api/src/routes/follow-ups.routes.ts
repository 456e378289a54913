import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';

export function followUpRoutes(_app: FastifyInstance, _rt: Runtime) {}

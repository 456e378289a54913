import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';

export function customerRoutes(_app: FastifyInstance, _rt: Runtime) {}

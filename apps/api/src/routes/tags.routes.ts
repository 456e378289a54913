import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';

export function tagRoutes(_app: FastifyInstance, _rt: Runtime) {}

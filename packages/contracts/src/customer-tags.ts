import type { RouteDef } from './routes';

/** Routes of this area; see customers.ts for the conventions (route(), audience, permission). */
export const tagRoutes: Record<string, RouteDef> = {};

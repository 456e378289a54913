import { ALL_PERMISSIONS, type DataScope } from '@siyu/contracts';
import { type Ctx, forbidden } from '../platform';

const WIDTH: Record<DataScope | 'self' | 'org_units' | 'all', number> = { self: 0, org_units: 1, all: 2 };

/** The wider of two data scopes. */
export const widerScope = (a: DataScope, b: DataScope): DataScope => (WIDTH[b] > WIDTH[a] ? b : a);

const actorPermissions = (ctx: Ctx) => (ctx.actor.kind === 'staff' ? ctx.actor.permissions : [...ALL_PERMISSIONS]);

export type Grant = { name: string; key: string | null; permissions: string[]; dataScope: DataScope };

/**
 * Nobody grants more than they hold: a role (given to someone, or edited) may carry only permissions
 * the actor holds and a data scope no wider than the actor's. The owner role needs every permission.
 */
export function assertMayGrant(ctx: Ctx, role: Grant, verb = 'grant') {
  const mine = new Set(actorPermissions(ctx));
  const tooMuch =
    role.key === 'owner' ? mine.size < ALL_PERMISSIONS.length : role.permissions.some((p) => !mine.has(p));
  const wider = WIDTH[role.dataScope] > WIDTH[ctx.scope.kind];
  if (tooMuch || wider) throw forbidden(`You cannot ${verb} the role ${role.name}: it allows more than you hold`);
}

import { adminRoutes as r } from '@siyu/contracts';
import * as access from '@siyu/core/access';
import { listAudit, type Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { mount } from '../http/mount';

/** Roles and permissions, organisation units, tenant settings, audit log. */
export function adminOrgRoutes(app: FastifyInstance, rt: Runtime) {
  mount(app, rt, r.listPermissions, async () => access.listPermissionGroups());
  mount(app, rt, r.listRoles, async ({ ctx }) => access.listRoles(ctx));
  mount(app, rt, r.createRole, async ({ ctx, body }) => access.createRole(ctx, body));
  mount(app, rt, r.updateRole, async ({ ctx, params, body }) => access.updateRole(ctx, params.id, body));
  mount(app, rt, r.deleteRole, async ({ ctx, params }) => access.deleteRole(ctx, params.id));

  mount(app, rt, r.listOrgUnits, async ({ ctx }) => access.listOrgUnits(ctx));
  mount(app, rt, r.createOrgUnit, async ({ ctx, body }) => access.createOrgUnit(ctx, body));
  mount(app, rt, r.updateOrgUnit, async ({ ctx, params, body }) => access.updateOrgUnit(ctx, params.id, body));
  mount(app, rt, r.deleteOrgUnit, async ({ ctx, params }) => access.deleteOrgUnit(ctx, params.id));

  mount(app, rt, r.getSettings, async ({ ctx }) => access.getSettings(ctx));
  mount(app, rt, r.updateSettings, async ({ ctx, body }) => access.updateSettings(ctx, body));

  mount(app, rt, r.listAudit, async ({ ctx, query }) =>
    listAudit(ctx, query, (await access.getSettings(ctx)).timeZone),
  );
}

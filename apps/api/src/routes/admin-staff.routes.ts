import { adminRoutes as r } from '@siyu/contracts';
import * as access from '@siyu/core/access';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { mount } from '../http/mount';

export function adminStaffRoutes(app: FastifyInstance, rt: Runtime) {
  mount(app, rt, r.listStaff, async ({ ctx, query }) => access.listStaff(ctx, query));
  mount(app, rt, r.getStaff, async ({ ctx, params }) => access.getStaff(ctx, params.id));
  mount(app, rt, r.createStaff, async ({ ctx, body }) => access.createStaff(ctx, body, rt.config.publicUrl));
  mount(app, rt, r.updateStaff, async ({ ctx, params, body }) => access.updateStaff(ctx, params.id, body));
  mount(app, rt, r.disableStaff, async ({ ctx, params }) => access.setStaffEnabled(ctx, params.id, false));
  mount(app, rt, r.enableStaff, async ({ ctx, params }) => access.setStaffEnabled(ctx, params.id, true));
  mount(app, rt, r.resetStaffPassword, async ({ ctx, params, body }) =>
    access.resetStaffPassword(ctx, params.id, body.password),
  );
}

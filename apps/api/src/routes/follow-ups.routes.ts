import { followUpRoutes as r } from '@siyu/contracts';
import * as access from '@siyu/core/access';
import * as customers from '@siyu/core/customers';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { mount } from '../http/mount';

/** The sales workbench: notes, follow-up records, tasks, lead hand-off, staff notifications. */
export function followUpRoutes(app: FastifyInstance, rt: Runtime) {
  mount(app, rt, r.listNotes, async ({ ctx, params, query }) => customers.listNotes(ctx, params.id, query));
  mount(app, rt, r.createNote, async ({ ctx, params, body }) => customers.createNote(ctx, params.id, body));
  mount(app, rt, r.updateNote, async ({ ctx, params, body }) =>
    customers.updateNote(ctx, params.id, params.noteId, body),
  );
  mount(app, rt, r.deleteNote, async ({ ctx, params }) => customers.deleteNote(ctx, params.id, params.noteId));

  mount(app, rt, r.listFollowUps, async ({ ctx, params, query }) => customers.listFollowUps(ctx, params.id, query));
  mount(app, rt, r.createFollowUp, async ({ ctx, params, body }) => customers.recordFollowUp(ctx, params.id, body));
  mount(app, rt, r.handOff, async ({ ctx, params, body }) => customers.handOffLead(ctx, params.id, body));

  mount(app, rt, r.listTasks, async ({ ctx, query }) => customers.listTasks(ctx, query));
  mount(app, rt, r.myTasks, async ({ ctx, query }) => customers.listMyTasks(ctx, query));
  mount(app, rt, r.getTask, async ({ ctx, params }) => customers.getTask(ctx, params.id));
  mount(app, rt, r.createTask, async ({ ctx, body }) => customers.createTask(ctx, body));
  mount(app, rt, r.updateTask, async ({ ctx, params, body }) => customers.updateTask(ctx, params.id, body));
  mount(app, rt, r.completeTask, async ({ ctx, params }) => customers.completeTask(ctx, params.id));
  mount(app, rt, r.cancelTask, async ({ ctx, params }) => customers.cancelTask(ctx, params.id));
  mount(app, rt, r.workbench, async ({ ctx }) => customers.getWorkbench(ctx));

  mount(app, rt, r.listNotifications, async ({ ctx, query }) => access.listMyNotifications(ctx, query));
  mount(app, rt, r.readNotification, async ({ ctx, params }) => access.markNotificationRead(ctx, params.id));
  mount(app, rt, r.readAllNotifications, async ({ ctx }) => access.markAllNotificationsRead(ctx));
}

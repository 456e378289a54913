import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { accessOf, createStaff, listMyNotifications, setStaffEnabled } from '../../access';
import { AppError, type Ctx, HOUR, type JobEnv, MINUTE, type Runtime } from '../../platform';
import { registry } from '../../index';
import { createTestTenant, TEST_PASSWORD, testRuntime } from '../../testing';
import { getTimeline } from '../events/events.service';
import { resolveCustomer } from '../profiles/resolve.service';
import {
  cancelTask,
  completeTask,
  createTask,
  followUpsRegistry,
  getTask,
  getWorkbench,
  handOffLead,
  listMyTasks,
  listTasks,
  TASK_REMINDERS_JOB,
  updateTask,
} from './index';

/** 10:00 in Shanghai on a Tuesday: "today" there runs from 2026-03-09T16:00Z to 2026-03-10T16:00Z. */
const MORNING = '2026-03-10T02:00:00Z';

const rejectsWith = (status: number, field?: string) => (e: unknown) => {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.status, status, e.message);
  if (field) assert.ok(JSON.stringify(e.details).includes(`"path":"${field}"`), JSON.stringify(e.details));
  return true;
};

async function actingAs(rt: Runtime, tenantId: string, staffId: string): Promise<Ctx> {
  const a = await accessOf(rt.db, tenantId, staffId);
  return rt.ctx({
    tenantId,
    actor: { kind: 'staff', id: staffId, name: staffId, permissions: a.permissions },
    scope: a.scope,
  });
}

async function setup() {
  const { rt, clock } = await testRuntime();
  clock.set(MORNING);
  const t = await createTestTenant(rt);
  const hire = async (name: string) =>
    (
      await createStaff(
        t.ctx,
        {
          name,
          email: `${randomBytes(5).toString('hex')}@tasks.test`,
          roleIds: [t.roleIds.sales!],
          orgUnitIds: [],
          mode: 'password',
          password: TEST_PASSWORD,
        },
        'http://localhost',
      )
    ).staff;
  const ann = await hire('安');
  const bo = await hire('博');
  const customer = async (name: string) =>
    (
      await resolveCustomer(t.ctx, {
        identities: [
          { kind: 'phone', value: `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, verified: true },
        ],
        attributes: { name },
        source: 'test',
      })
    ).customerId;
  return {
    rt,
    clock,
    t,
    ann,
    bo,
    customer,
    annCtx: await actingAs(rt, t.tenantId, ann.id),
    boCtx: await actingAs(rt, t.tenantId, bo.id),
  };
}

const at = (iso: string, ms = 0) => new Date(Date.parse(iso) + ms).toISOString();
const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

function jobEnv(rt: Runtime, clock: { now(): Date }, tenantId: string): JobEnv {
  return {
    data: { tenantId },
    jobId: 'test',
    db: rt.db,
    clock,
    log: rt.log,
    ctxFor: (id) => rt.ctx({ tenantId: id, actor: { kind: 'system', name: 'job' } }),
  };
}

describe('tasks', () => {
  it('assigns only to active staff of the tenant, refuses a reminder after the due time, validates the customer', async () => {
    const s = await setup();
    const other = await createTestTenant(s.rt);
    const base = { kind: 'follow_up' as const, title: '回访' };
    await assert.rejects(createTask(s.t.ctx, { ...base, assigneeId: other.ownerId }), rejectsWith(400, 'assigneeId'));
    await setStaffEnabled(s.t.ctx, s.bo.id, false);
    await assert.rejects(createTask(s.t.ctx, { ...base, assigneeId: s.bo.id }), rejectsWith(400, 'assigneeId'));
    await assert.rejects(
      createTask(s.t.ctx, { ...base, assigneeId: s.ann.id, dueAt: at(MORNING, HOUR), remindAt: at(MORNING, 2 * HOUR) }),
      rejectsWith(400, 'remindAt'),
    );
    const foreign = await resolveCustomer(other.ctx, {
      identities: [{ kind: 'phone', value: '13900000001', verified: true }],
      source: 'test',
    });
    await assert.rejects(
      createTask(s.t.ctx, { ...base, assigneeId: s.ann.id, customerId: foreign.customerId }),
      rejectsWith(404),
    );
    const ok = await createTask(s.t.ctx, { ...base, assigneeId: s.ann.id, description: '问问满意度' });
    assert.deepEqual(
      [ok.assigneeName, ok.status, ok.overdue, ok.dueAt, ok.customer],
      ['安', 'open', false, null, null],
    );
    const inbox = await listMyNotifications(s.annCtx, { limit: 10 });
    assert.deepEqual([inbox.unread, inbox.items[0]?.kind], [1, 'task.assigned']);
  });

  it('flags overdue tasks by the clock and sorts my tasks into today, overdue and upcoming in the tenant time zone', async () => {
    const s = await setup();
    const c = await s.customer('张三');
    const mk = (title: string, dueAt: string | null) =>
      createTask(s.t.ctx, { kind: 'follow_up', title, assigneeId: s.ann.id, customerId: c, dueAt });
    const inTwoHours = await mk('两小时后', at(MORNING, 2 * HOUR));
    const tonight = await mk('今晚 23:30', '2026-03-10T15:30:00Z');
    const tomorrow = await mk('明天 00:30', '2026-03-10T16:30:00Z');
    const yesterday = await mk('昨天', '2026-03-09T15:00:00Z');
    const undated = await mk('无期限', null);
    await createTask(s.t.ctx, { kind: 'other', title: '博的', assigneeId: s.bo.id, dueAt: at(MORNING, HOUR) });
    assert.equal(inTwoHours.customer?.name, '张三');
    assert.deepEqual(
      (await listMyTasks(s.annCtx, { view: 'today', limit: 50 })).items.map((t) => t.title),
      ['两小时后', '今晚 23:30'],
    );
    assert.deepEqual(ids((await listMyTasks(s.annCtx, { view: 'overdue', limit: 50 })).items), [yesterday.id]);
    assert.deepEqual(
      (await listMyTasks(s.annCtx, { view: 'upcoming', limit: 50 })).items.map((t) => t.id),
      [tomorrow.id, undated.id],
    );
    assert.equal((await listMyTasks(s.annCtx, { view: 'all', limit: 50 })).items.length, 5);
    assert.deepEqual(await getWorkbench(s.annCtx), { customers: 0, tasksToday: 2, overdue: 1, unreadNotifications: 5 });

    s.clock.advance(3 * HOUR);
    assert.equal((await getTask(s.annCtx, inTwoHours.id)).overdue, true);
    assert.equal((await getTask(s.annCtx, tonight.id)).overdue, false);
    const overdue = (await listMyTasks(s.annCtx, { view: 'overdue', limit: 50 })).items;
    assert.deepEqual(ids(overdue), ids([yesterday, inTwoHours]));
    assert.ok(overdue.every((t) => t.overdue));
    assert.deepEqual(
      ids((await listTasks(s.t.ctx, { due: 'overdue', assignee: s.ann.id, limit: 50 })).items),
      ids([yesterday, inTwoHours]),
    );
    assert.deepEqual(
      ids((await listTasks(s.t.ctx, { due: 'today', limit: 50 })).items).length,
      3,
      "today: Ann's two and Bo's",
    );

    const done = await completeTask(s.annCtx, inTwoHours.id);
    assert.deepEqual([done.status, done.overdue, done.doneAt], ['done', false, s.clock.now().toISOString()]);
    await assert.rejects(completeTask(s.annCtx, inTwoHours.id), rejectsWith(409));
    await assert.rejects(updateTask(s.annCtx, inTwoHours.id, { title: 'x' }), rejectsWith(409));
    assert.equal((await cancelTask(s.annCtx, yesterday.id)).status, 'cancelled');
    assert.deepEqual((await getWorkbench(s.annCtx)).overdue, 0);
    const types = (await getTimeline(s.t.ctx, c, { limit: 50 })).items.map((e) => e.type);
    assert.equal(types.filter((x) => x === 'task.created').length, 5);
    assert.deepEqual(
      types.filter((x) => x === 'task.done'),
      ['task.done'],
    );
    assert.equal((await listTasks(s.t.ctx, { status: 'done', limit: 50 })).items[0]?.id, inTwoHours.id);
  });

  it('a sales person sees and changes only tasks assigned to or created by them', async () => {
    const s = await setup();
    const mine = await createTask(s.annCtx, { kind: 'follow_up', title: '自己的', assigneeId: s.ann.id });
    const given = await createTask(s.annCtx, { kind: 'follow_up', title: '给博的', assigneeId: s.bo.id });
    const boOwn = await createTask(s.boCtx, { kind: 'follow_up', title: '博自己的', assigneeId: s.bo.id });
    assert.deepEqual(ids((await listTasks(s.annCtx, { limit: 50 })).items), ids([mine, given]));
    assert.deepEqual(ids((await listTasks(s.boCtx, { limit: 50 })).items), ids([given, boOwn]));
    await assert.rejects(getTask(s.annCtx, boOwn.id), rejectsWith(404));
    await assert.rejects(completeTask(s.annCtx, boOwn.id), rejectsWith(404));
    await assert.rejects(updateTask(s.annCtx, boOwn.id, { title: '改' }), rejectsWith(404));
    assert.equal((await listTasks(s.t.ctx, { limit: 50 })).items.length, 3, 'the owner sees all');
    const c = await s.customer('李四');
    await assert.rejects(
      createTask(s.annCtx, { kind: 'follow_up', title: 'x', assigneeId: s.ann.id, customerId: c }),
      rejectsWith(404),
    );
    await handOffLead(s.t.ctx, c, { toStaffId: s.ann.id, reason: '到店咨询' });
    const about = await createTask(s.annCtx, {
      kind: 'follow_up',
      title: '约到店',
      assigneeId: s.ann.id,
      customerId: c,
    });
    assert.equal(about.customer?.id, c);
    const moved = await updateTask(s.annCtx, about.id, { assigneeId: s.bo.id, title: '约到店（博）' });
    assert.deepEqual([moved.assigneeId, moved.title], [s.bo.id, '约到店（博）']);
    assert.ok(
      (await listMyNotifications(s.boCtx, { limit: 10 })).items.some(
        (n) => n.kind === 'task.assigned' && n.title.includes('约到店'),
      ),
    );
  });
});

describe('task reminders', () => {
  it('is a minutely job registered with the runtime', () => {
    assert.equal(followUpsRegistry.jobs?.[TASK_REMINDERS_JOB]?.cron, '* * * * *');
    assert.ok(registry.jobs[TASK_REMINDERS_JOB]);
  });

  it('notifies the assignee once when the reminder time has passed; a new reminder time re-arms it', async () => {
    const s = await setup();
    const job = registry.jobs[TASK_REMINDERS_JOB]!;
    const run = () => job.handle(jobEnv(s.rt, s.clock, s.t.tenantId));
    const c = await s.customer('王五');
    await handOffLead(s.t.ctx, c, { toStaffId: s.ann.id, reason: '回访' });
    const task = await createTask(s.annCtx, {
      kind: 'follow_up',
      title: '回电',
      assigneeId: s.ann.id,
      customerId: c,
      dueAt: at(MORNING, HOUR),
      remindAt: at(MORNING, 30 * MINUTE),
    });
    const cancelled = await createTask(s.annCtx, {
      kind: 'other',
      title: '取消的',
      assigneeId: s.ann.id,
      remindAt: at(MORNING, 10 * MINUTE),
    });
    await cancelTask(s.annCtx, cancelled.id);
    const reminders = async () =>
      (await listMyNotifications(s.annCtx, { limit: 50 })).items.filter((n) => n.kind === 'task.reminder');

    await run();
    assert.deepEqual(await reminders(), []);
    s.clock.advance(31 * MINUTE);
    await run();
    const [r] = await reminders();
    assert.equal((await reminders()).length, 1);
    assert.equal(r?.title, '任务提醒：回电');
    assert.match(r?.body ?? '', /王五 · 截止 3\/10 11:00/);
    assert.equal(r?.link, `/customers/${c}?task=${task.id}`);
    assert.equal((await getTask(s.annCtx, task.id)).remindedAt, s.clock.now().toISOString());
    await run();
    assert.equal((await reminders()).length, 1, 'reminded once');

    await updateTask(s.annCtx, task.id, { remindAt: at(MORNING, 50 * MINUTE) });
    assert.equal((await getTask(s.annCtx, task.id)).remindedAt, null);
    await s.t.ctx.enqueue(TASK_REMINDERS_JOB, { tenantId: s.t.tenantId });
    await s.rt.drain({ tenantId: s.t.tenantId });
    assert.equal((await reminders()).length, 1, 'not yet');
    s.clock.advance(20 * MINUTE);
    await s.t.ctx.enqueue(TASK_REMINDERS_JOB, { tenantId: s.t.tenantId });
    await s.rt.drain({ tenantId: s.t.tenantId });
    assert.equal((await reminders()).length, 2, 'the job queue runs it too');
    assert.equal((await getWorkbench(s.annCtx)).unreadNotifications, 3, 'two reminders and the lead');
  });
});

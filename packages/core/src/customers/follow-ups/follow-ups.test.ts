import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  accessOf,
  createStaff,
  listMyNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../../access';
import { AppError, type Ctx, DAY, listAudit, type Runtime } from '../../platform';
import { createTestTenant, TEST_PASSWORD, testRuntime } from '../../testing';
import { getTimeline } from '../events/events.service';
import { getVisibleCustomer } from '../profiles/visibility';
import { resolveCustomer } from '../profiles/resolve.service';
import {
  createNote,
  deleteNote,
  getWorkbench,
  handOffLead,
  listFollowUps,
  listMyTasks,
  listNotes,
  recordFollowUp,
  updateNote,
} from './index';

const rejectsWith = (status: number, field?: string) => (e: unknown) => {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.status, status, e.message);
  if (field) assert.ok(JSON.stringify(e.details).includes(`"path":"${field}"`), JSON.stringify(e.details));
  return true;
};

async function actingAs(rt: Runtime, tenantId: string, staffId: string, name: string): Promise<Ctx> {
  const a = await accessOf(rt.db, tenantId, staffId);
  return rt.ctx({ tenantId, actor: { kind: 'staff', id: staffId, name, permissions: a.permissions }, scope: a.scope });
}

async function setup() {
  const { rt, clock } = await testRuntime();
  clock.set('2026-03-10T02:00:00Z');
  const t = await createTestTenant(rt);
  const hire = async (name: string, role: string) => {
    const s = (
      await createStaff(
        t.ctx,
        {
          name,
          email: `${randomBytes(5).toString('hex')}@fu.test`,
          roleIds: [t.roleIds[role]!],
          orgUnitIds: [],
          mode: 'password',
          password: TEST_PASSWORD,
        },
        'http://localhost',
      )
    ).staff;
    return { ...s, ctx: await actingAs(rt, t.tenantId, s.id, name) };
  };
  const customer = async (name: string) =>
    (
      await resolveCustomer(t.ctx, {
        identities: [
          { kind: 'phone', value: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, verified: true },
        ],
        attributes: { name },
        source: 'test',
      })
    ).customerId;
  return { rt, clock, t, hire, customer };
}

const auditActions = async (ctx: Ctx) =>
  (await listAudit(ctx, { limit: 200 }, 'Asia/Shanghai')).items.map((a) => a.action);

describe('notes', () => {
  it('adds notes to the timeline; only the author, or staff.write, may change or delete them', async () => {
    const s = await setup();
    const ann = await s.hire('安', 'sales');
    const ops = await s.hire('运营', 'operator');
    const c = await s.customer('张三');
    await handOffLead(s.t.ctx, c, { toStaffId: ann.id, reason: '新客' });
    const first = await createNote(ann.ctx, c, { body: '喜欢红色' });
    s.clock.advance(1000);
    const second = await createNote(ops.ctx, c, { body: '下周生日' });
    assert.deepEqual([first.authorName, first.body], ['安', '喜欢红色']);
    assert.deepEqual(
      (await listNotes(ann.ctx, c, { limit: 50 })).items.map((n) => n.id),
      [second.id, first.id],
    );
    const page = await listNotes(ann.ctx, c, { limit: 1 });
    assert.deepEqual([page.items[0]?.id, page.nextCursor], [second.id, second.id]);
    assert.deepEqual(
      (await listNotes(ann.ctx, c, { limit: 1, cursor: page.nextCursor! })).items.map((n) => n.id),
      [first.id],
    );

    await assert.rejects(updateNote(ann.ctx, c, second.id, { body: '改' }), rejectsWith(403));
    await assert.rejects(deleteNote(ops.ctx, c, first.id), rejectsWith(403));
    s.clock.advance(1000);
    const edited = await updateNote(ann.ctx, c, first.id, { body: '喜欢深红色' });
    assert.equal(edited.body, '喜欢深红色');
    assert.notEqual(edited.updatedAt, edited.createdAt);
    assert.deepEqual(await deleteNote(s.t.ctx, c, second.id), { ok: true }, 'the owner holds staff.write');
    await assert.rejects(deleteNote(s.t.ctx, c, second.id), rejectsWith(404));

    const other = await s.customer('李四');
    await assert.rejects(listNotes(ann.ctx, other, { limit: 10 }), rejectsWith(404), 'outside her data scope');
    await assert.rejects(createNote(ann.ctx, other, { body: 'x' }), rejectsWith(404));
    await assert.rejects(
      updateNote(s.t.ctx, other, first.id, { body: 'x' }),
      rejectsWith(404),
      'note of another customer',
    );
    const timeline = (await getTimeline(s.t.ctx, c, { limit: 50, types: ['note.added'] })).items;
    assert.equal(timeline.length, 2);
    assert.deepEqual(timeline.map((e) => e.properties.noteId).sort(), [first.id, second.id].sort());
    const actions = await auditActions(s.t.ctx);
    for (const a of ['note.create', 'note.update', 'note.delete']) assert.ok(actions.includes(a), a);
  });
});

describe('follow-up records', () => {
  it('records the method, content and next step, newest first, and creates the next task for the author', async () => {
    const s = await setup();
    const ann = await s.hire('安', 'sales');
    const c = await s.customer('王五');
    await handOffLead(s.t.ctx, c, { toStaffId: ann.id, reason: '到店' });
    const call = await recordFollowUp(ann.ctx, c, {
      method: 'call',
      content: '电话沟通，有意向',
      nextStep: '周五到店',
    });
    assert.deepEqual([call.method, call.staffName, call.nextStep, call.task], ['call', '安', '周五到店', null]);
    s.clock.advance(1000);
    const dueAt = new Date(s.clock.now().getTime() + 3 * DAY).toISOString();
    const visit = await recordFollowUp(ann.ctx, c, {
      method: 'wechat',
      content: '发了新品图',
      nextStep: '到店试穿',
      nextTask: { title: '提醒到店', dueAt, remindAt: new Date(Date.parse(dueAt) - 3_600_000).toISOString() },
    });
    assert.deepEqual(
      [visit.task?.title, visit.task?.assigneeId, visit.task?.dueAt, visit.task?.kind],
      ['提醒到店', ann.id, dueAt, 'follow_up'],
    );
    assert.equal(visit.task?.description, '到店试穿');
    assert.deepEqual(
      (await listMyTasks(ann.ctx, { view: 'upcoming', limit: 50 })).items.map((t) => t.title),
      ['提醒到店', '跟进线索：王五'],
    );
    await assert.rejects(
      recordFollowUp(ann.ctx, c, {
        method: 'sms',
        content: 'x',
        nextTask: { title: 't', dueAt, remindAt: new Date(Date.parse(dueAt) + 1).toISOString() },
      }),
      rejectsWith(400, 'nextTask.remindAt'),
    );
    const list = await listFollowUps(ann.ctx, c, { limit: 50 });
    assert.deepEqual(
      list.items.map((f) => f.method),
      ['wechat', 'call'],
    );
    const events = (await getTimeline(s.t.ctx, c, { limit: 50 })).items;
    const recorded = events.filter((e) => e.type === 'follow_up.recorded');
    assert.deepEqual(
      recorded.map((e) => e.properties.followUpId),
      [visit.id, call.id],
    );
    assert.equal(recorded[0]?.properties.taskId, visit.task?.id);
    assert.ok(events.some((e) => e.type === 'task.created' && e.properties.taskId === visit.task?.id));
    await assert.rejects(
      recordFollowUp(ann.ctx, await s.customer('别人'), { method: 'call', content: 'x' }),
      rejectsWith(404),
    );
    assert.ok((await auditActions(s.t.ctx)).includes('follow_up.create'));
  });
});

describe('lead hand-off', () => {
  it('makes the receiver a follower (and primary owner when there is none), with a lead task, a notification and a timeline event', async () => {
    const s = await setup();
    const ops = await s.hire('市场', 'operator');
    const ann = await s.hire('安', 'sales');
    const bo = await s.hire('博', 'sales');
    const c = await s.customer('赵六');
    await assert.rejects(getVisibleCustomer(ann.ctx, c), rejectsWith(404));
    const first = await handOffLead(ops.ctx, c, { toStaffId: ann.id, reason: '直播间留资，想买大衣' });
    assert.deepEqual(
      [first.primary, first.task.kind, first.task.assigneeId, first.task.title],
      [true, 'lead', ann.id, '跟进线索：赵六'],
    );
    assert.equal(first.task.description, '直播间留资，想买大衣');
    assert.equal((await getVisibleCustomer(ann.ctx, c)).primaryOwnerId, ann.id);

    s.clock.advance(1000);
    const second = await handOffLead(ann.ctx, c, { toStaffId: bo.id, reason: '博更懂大衣' });
    assert.equal(second.primary, false);
    assert.equal(
      (await getVisibleCustomer(bo.ctx, c)).primaryOwnerId,
      ann.id,
      'the primary owner stays (transfers change it)',
    );
    assert.equal((await getWorkbench(bo.ctx)).customers, 1);
    assert.deepEqual(await getWorkbench(ann.ctx), { customers: 1, tasksToday: 0, overdue: 0, unreadNotifications: 1 });

    const inbox = await listMyNotifications(ann.ctx, { limit: 10 });
    assert.deepEqual([inbox.unread, inbox.items[0]?.kind, inbox.items[0]?.title], [1, 'lead.assigned', '新线索：赵六']);
    assert.equal(inbox.items[0]?.body, '市场：直播间留资，想买大衣');
    assert.equal(inbox.items[0]?.link, `/customers/${c}`);
    assert.equal((await markNotificationRead(ann.ctx, inbox.items[0]!.id)).readAt, s.clock.now().toISOString());
    await assert.rejects(markNotificationRead(bo.ctx, inbox.items[0]!.id), rejectsWith(404), "someone else's");
    assert.equal((await listMyNotifications(ann.ctx, { limit: 10 })).unread, 0);
    assert.deepEqual(await markAllNotificationsRead(bo.ctx), { updated: 1 });
    assert.deepEqual(await markAllNotificationsRead(bo.ctx), { updated: 0 });

    const leads = (await getTimeline(s.t.ctx, c, { limit: 50, types: ['lead.assigned'] })).items;
    assert.deepEqual(
      leads.map((e) => e.properties.toStaffId),
      [bo.id, ann.id],
    );
    assert.deepEqual([leads[1]?.properties.reason, leads[1]?.properties.primary], ['直播间留资，想买大衣', true]);
    assert.ok((await auditActions(s.t.ctx)).filter((a) => a === 'lead.hand_off').length === 2);

    await assert.rejects(handOffLead(ann.ctx, c, { toStaffId: ann.id, reason: 'x' }), rejectsWith(400, 'toStaffId'));
    await assert.rejects(
      handOffLead(ops.ctx, c, { toStaffId: 'stf_0000000000aaaaaaaaaaaaaaaa', reason: 'x' }),
      rejectsWith(400, 'toStaffId'),
    );
    await assert.rejects(
      handOffLead(bo.ctx, await s.customer('别人'), { toStaffId: ann.id, reason: 'x' }),
      rejectsWith(404),
    );
  });
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { fillPath, followUpRoutes, type RouteDef } from '@siyu/contracts';
import { TASK_REMINDERS_JOB } from '@siyu/core/customers';
import { DAY, HOUR, MINUTE } from '@siyu/core/platform';
import { TEST_PASSWORD, testRuntime } from '@siyu/core/testing';
import { type Agent, loginAs, ownerOfNewTenant, type Res } from '../testing';

/** 10:00 in Shanghai tomorrow: after the real time, since the agent drops cookies that expired by it. */
const MORNING = `${new Date(Date.now() + DAY).toISOString().slice(0, 10)}T02:00:00Z`;
const at = (ms: number) => new Date(Date.parse(MORNING) + ms).toISOString();
const GHOST_STAFF = 'stf_0000000000aaaaaaaaaaaaaaaa';

const ok = (res: Res, status = 200) => {
  assert.equal(res.statusCode, status, res.body);
  return res.data;
};
/** A 400 whose issues name `field` (zod reports `body.field`, services `field`). */
const expectInvalid = (res: Res, field: string) => {
  assert.equal(res.statusCode, 400, res.body);
  const paths = res.data.error.details.issues.map((i: { path: string }) => i.path);
  assert.ok(
    paths.some((p: string) => p === field || p.endsWith(`.${field}`)),
    res.body,
  );
};
const titles = (res: Res): string[] => ok(res).items.map((t: { title: string }) => t.title);

/** A tenant (clock at MORNING), its owner, a sales person and one customer handed to nobody yet. */
async function tenant() {
  (await testRuntime()).clock.set(MORNING); // before logging in: sessions live on the same clock
  const o = await ownerOfNewTenant();
  const roles = ok(await o.agent.get('/api/admin/roles')).items as { key: string; id: string }[];
  const role = (key: string) => roles.find((r) => r.key === key)!.id;
  const hire = async (name: string, key: string) => {
    const email = `${randomBytes(5).toString('hex')}@fu.test`;
    const res = await o.agent.post('/api/admin/staff', {
      name,
      email,
      roleIds: [role(key)],
      mode: 'password',
      password: TEST_PASSWORD,
    });
    return { id: ok(res, 201).staff.id as string, agent: await loginAs(o.app, email, TEST_PASSWORD) };
  };
  const customer = async (name: string) => {
    const phone = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    return ok(await o.agent.post('/api/admin/customers', { name, phone }), 201).id as string;
  };
  return { ...o, hire, customer, sales: await hire('小安', 'sales') };
}

describe('follow-up workbench API', () => {
  it('notes and follow-up records on a handed-off lead, with the fields named on bad input', async () => {
    const t = await tenant();
    const c = await t.customer('张三');
    const sales = t.sales.agent;
    assert.equal((await sales.get(`/api/admin/customers/${c}/notes`)).statusCode, 404, 'not her customer yet');
    expectInvalid(await t.agent.post(`/api/admin/customers/${c}/hand-off`, { toStaffId: t.sales.id }), 'reason');
    expectInvalid(
      await t.agent.post(`/api/admin/customers/${c}/hand-off`, { toStaffId: GHOST_STAFF, reason: '试' }),
      'toStaffId',
    );
    const handed = ok(
      await t.agent.post(`/api/admin/customers/${c}/hand-off`, { toStaffId: t.sales.id, reason: '直播留资' }),
    );
    assert.deepEqual([handed.primary, handed.task.kind, handed.task.assigneeName], [true, 'lead', '小安']);

    const note = ok(await sales.post(`/api/admin/customers/${c}/notes`, { body: '喜欢红色' }), 201);
    t.clock.advance(1000);
    const ownerNote = ok(await t.agent.post(`/api/admin/customers/${c}/notes`, { body: '老客户介绍' }), 201);
    expectInvalid(await sales.post(`/api/admin/customers/${c}/notes`, { body: '  ' }), 'body');
    assert.deepEqual(
      ok(await sales.get(`/api/admin/customers/${c}/notes`)).items.map((n: { id: string }) => n.id),
      [ownerNote.id, note.id],
    );
    assert.equal(
      ok(await sales.patch(`/api/admin/customers/${c}/notes/${note.id}`, { body: '喜欢深红' })).body,
      '喜欢深红',
    );
    assert.equal(
      (await sales.patch(`/api/admin/customers/${c}/notes/${ownerNote.id}`, { body: '改' })).statusCode,
      403,
    );
    assert.equal((await sales.delete(`/api/admin/customers/${c}/notes/${ownerNote.id}`)).statusCode, 403);
    ok(await sales.delete(`/api/admin/customers/${c}/notes/${note.id}`));

    expectInvalid(await sales.post(`/api/admin/customers/${c}/follow-ups`, { method: 'fax', content: 'x' }), 'method');
    expectInvalid(await sales.post(`/api/admin/customers/${c}/follow-ups`, { method: 'call', content: '' }), 'content');
    const badTask = { method: 'call', content: '聊了', nextTask: { title: '回访', dueAt: 'tomorrow' } };
    expectInvalid(await sales.post(`/api/admin/customers/${c}/follow-ups`, badTask), 'nextTask.dueAt');
    const late = {
      method: 'call',
      content: '聊了',
      nextTask: { title: '回访', dueAt: at(HOUR), remindAt: at(2 * HOUR) },
    };
    expectInvalid(await sales.post(`/api/admin/customers/${c}/follow-ups`, late), 'nextTask.remindAt');
    const fu = ok(
      await sales.post(`/api/admin/customers/${c}/follow-ups`, {
        method: 'visit',
        content: '到店试穿',
        nextStep: '周末再来',
        nextTask: { title: '周末回访', dueAt: at(4 * HOUR) },
      }),
      201,
    );
    assert.deepEqual([fu.staffName, fu.task.title, fu.task.customer.name], ['小安', '周末回访', '张三']);
    const list = ok(await t.agent.get(`/api/admin/customers/${c}/follow-ups`));
    assert.deepEqual(
      list.items.map((f: { id: string; nextStep: string }) => [f.id, f.nextStep]),
      [[fu.id, '周末再来']],
    );
    assert.deepEqual(titles(await sales.get('/api/admin/tasks/mine?view=today')), ['周末回访']);
    expectInvalid(await sales.get('/api/admin/tasks/mine?view=someday'), 'view');

    const audit = ok(await t.agent.get('/api/admin/audit-log?limit=200')).items.map(
      (a: { action: string }) => a.action,
    );
    for (const a of ['lead.hand_off', 'note.create', 'note.update', 'note.delete', 'follow_up.create'])
      assert.ok(audit.includes(a), a);
  });

  it('tasks: assignment, my views and overdue by the clock, completion, workbench counters, scope', async () => {
    const t = await tenant();
    const bo = await t.hire('小博', 'sales');
    expectInvalid(await t.agent.post('/api/admin/tasks', { assigneeId: GHOST_STAFF, title: '回访' }), 'assigneeId');
    expectInvalid(await t.agent.post('/api/admin/tasks', { assigneeId: t.sales.id, title: '' }), 'title');
    expectInvalid(
      await t.agent.post('/api/admin/tasks', { assigneeId: t.sales.id, title: 'x', dueAt: '2026-13-01' }),
      'dueAt',
    );
    const mk = async (title: string, dueAt: string | null, assigneeId = t.sales.id) =>
      ok(await t.agent.post('/api/admin/tasks', { assigneeId, title, dueAt }), 201);
    const soon = await mk('一小时后', at(HOUR));
    const later = await mk('明天', at(20 * HOUR));
    await mk('博的', at(HOUR), bo.id);
    assert.equal(soon.overdue, false);
    assert.deepEqual(titles(await t.sales.agent.get('/api/admin/tasks/mine')), ['一小时后']);
    assert.deepEqual(titles(await t.sales.agent.get('/api/admin/tasks/mine?view=upcoming')), ['明天']);
    assert.deepEqual(ok(await t.sales.agent.get('/api/admin/workbench')), {
      customers: 0,
      tasksToday: 1,
      overdue: 0,
      unreadNotifications: 2,
    });

    t.clock.advance(2 * HOUR);
    const mine = ok(await t.sales.agent.get('/api/admin/tasks/mine?view=overdue')).items;
    assert.deepEqual(
      mine.map((x: { id: string; overdue: boolean }) => [x.id, x.overdue]),
      [[soon.id, true]],
    );
    assert.deepEqual(ok(await t.sales.agent.get('/api/admin/workbench')).overdue, 1);
    assert.deepEqual(titles(await t.agent.get(`/api/admin/tasks?due=overdue`)).sort(), ['一小时后', '博的'].sort());
    assert.deepEqual(
      titles(await t.sales.agent.get('/api/admin/tasks')).sort(),
      ['一小时后', '明天'].sort(),
      'sales sees only hers',
    );
    assert.equal((await t.sales.agent.get(`/api/admin/tasks?assignee=${bo.id}`)).data.items.length, 0);
    const other = ok(await bo.agent.get('/api/admin/tasks')).items[0];
    assert.equal((await t.sales.agent.post(`/api/admin/tasks/${other.id}/complete`)).statusCode, 404);

    const moved = ok(
      await t.sales.agent.patch(`/api/admin/tasks/${later.id}`, { dueAt: at(3 * HOUR), title: '今天下午' }),
    );
    assert.deepEqual([moved.title, moved.dueAt], ['今天下午', at(3 * HOUR)]);
    expectInvalid(await t.sales.agent.patch(`/api/admin/tasks/${later.id}`, { remindAt: at(4 * HOUR) }), 'remindAt');
    const done = ok(await t.sales.agent.post(`/api/admin/tasks/${soon.id}/complete`));
    assert.deepEqual([done.status, done.overdue], ['done', false]);
    assert.equal((await t.sales.agent.post(`/api/admin/tasks/${soon.id}/cancel`)).data.error.code, 'TASK_NOT_OPEN');
    assert.equal(ok(await t.sales.agent.post(`/api/admin/tasks/${later.id}/cancel`)).status, 'cancelled');
    assert.deepEqual(ok(await t.sales.agent.get('/api/admin/workbench')), {
      customers: 0,
      tasksToday: 0,
      overdue: 0,
      unreadNotifications: 2,
    });
    assert.deepEqual(titles(await t.agent.get(`/api/admin/tasks?status=done&assignee=${t.sales.id}`)), ['一小时后']);
    const audit = ok(await t.agent.get('/api/admin/audit-log?limit=200')).items.map(
      (a: { action: string }) => a.action,
    );
    for (const a of ['task.create', 'task.update', 'task.complete', 'task.cancel']) assert.ok(audit.includes(a), a);
  });

  it('reminders arrive as notifications once their time passes; read one, read all', async () => {
    const t = await tenant();
    const c = await t.customer('李四');
    ok(await t.agent.post(`/api/admin/customers/${c}/hand-off`, { toStaffId: t.sales.id, reason: '老客转介绍' }));
    ok(
      await t.sales.agent.post('/api/admin/tasks', {
        assigneeId: t.sales.id,
        customerId: c,
        title: '回电',
        dueAt: at(HOUR),
        remindAt: at(30 * MINUTE),
      }),
      201,
    );
    const remind = async () => {
      await t.rt
        .ctx({ tenantId: t.tenant.tenantId, actor: { kind: 'system', name: 'test' } })
        .enqueue(TASK_REMINDERS_JOB, { tenantId: t.tenant.tenantId });
      await t.rt.drain({ tenantId: t.tenant.tenantId });
    };
    await remind();
    const before = ok(await t.sales.agent.get('/api/admin/notifications'));
    assert.deepEqual([before.unread, before.items.map((n: { kind: string }) => n.kind)], [1, ['lead.assigned']]);
    t.clock.advance(31 * MINUTE);
    await remind();
    await remind();
    const after = ok(await t.sales.agent.get('/api/admin/notifications'));
    assert.deepEqual(
      after.items.map((n: { kind: string }) => n.kind),
      ['task.reminder', 'lead.assigned'],
    );
    assert.equal(after.unread, 2);
    assert.equal(after.items[0].title, '任务提醒：回电');
    assert.equal(
      ok(await t.sales.agent.get('/api/admin/notifications?unread=true&limit=1')).nextCursor,
      after.items[0].id,
    );
    const read = ok(await t.sales.agent.post(`/api/admin/notifications/${after.items[0].id}/read`));
    assert.ok(read.readAt);
    assert.equal(
      (await t.agent.post(`/api/admin/notifications/${after.items[1].id}/read`)).statusCode,
      404,
      'not the owner’s',
    );
    assert.deepEqual(ok(await t.sales.agent.post('/api/admin/notifications/read-all')), { updated: 1 });
    assert.equal(ok(await t.sales.agent.get('/api/admin/workbench')).unreadNotifications, 0);
    assert.equal(ok(await t.sales.agent.get('/api/admin/notifications?unread=true')).items.length, 0);
  });

  it('a read-only role cannot write; every :id route answers 404 for ids of another tenant', async () => {
    const a = await tenant();
    const b = await tenant();
    const analyst = await a.hire('分析', 'analyst');
    const own = await a.customer('甲');
    assert.equal((await analyst.agent.get(`/api/admin/customers/${own}/notes`)).statusCode, 200);
    assert.equal((await analyst.agent.post(`/api/admin/customers/${own}/notes`, { body: 'x' })).statusCode, 403);
    assert.equal(
      (await analyst.agent.post('/api/admin/tasks', { assigneeId: analyst.id, title: 'x' })).statusCode,
      403,
    );

    const c = await b.customer('乙');
    const note = ok(await b.agent.post(`/api/admin/customers/${c}/notes`, { body: 'B 的备注' }), 201);
    const task = ok(
      await b.agent.post('/api/admin/tasks', { assigneeId: b.sales.id, title: 'B 的任务', customerId: c }),
      201,
    );
    const ntf = ok(await b.sales.agent.get('/api/admin/notifications')).items[0];
    const ids = { id: c, noteId: note.id };
    const cases: Record<string, { params: Record<string, string>; body?: unknown }> = {
      listNotes: { params: ids },
      createNote: { params: ids, body: { body: 'x' } },
      updateNote: { params: ids, body: { body: 'x' } },
      deleteNote: { params: ids },
      listFollowUps: { params: ids },
      createFollowUp: { params: ids, body: { method: 'call', content: 'x' } },
      handOff: { params: ids, body: { toStaffId: a.sales.id, reason: 'x' } },
      getTask: { params: { id: task.id } },
      updateTask: { params: { id: task.id }, body: { title: 'x' } },
      completeTask: { params: { id: task.id } },
      cancelTask: { params: { id: task.id } },
      readNotification: { params: { id: ntf.id } },
    };
    const idRoutes = Object.entries(followUpRoutes as Record<string, RouteDef>).filter(([, r]) => r.path.includes(':'));
    assert.deepEqual(idRoutes.map(([k]) => k).sort(), Object.keys(cases).sort(), 'every :id route has a case');
    for (const [key, route] of idRoutes) {
      const k = cases[key]!;
      const agent: Agent = key === 'readNotification' ? a.sales.agent : a.agent;
      const res = await agent.request(
        route.method,
        `/api${fillPath(route.path, k.params)}`,
        k.body ?? (route.method === 'GET' || route.method === 'DELETE' ? undefined : {}),
      );
      assert.equal(res.statusCode, 404, `${key}: ${res.body}`);
    }
    assert.equal(ok(await b.agent.get(`/api/admin/customers/${c}/notes`)).items[0].body, 'B 的备注');
    const still = ok(await b.agent.get(`/api/admin/tasks/${task.id}`));
    assert.deepEqual([still.title, still.status], ['B 的任务', 'open']);
    assert.equal(ok(await b.sales.agent.get('/api/admin/notifications')).unread, 1);
    assert.equal(ok(await a.agent.get(`/api/admin/tasks?customerId=${c}`)).items.length, 0);
  });
});

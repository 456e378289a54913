/**
 * WeCom sync tests (tests only): a tenant connected to a corp of its own in the demo WeCom sandbox
 * (served by the test app over HTTP), with staff, and helpers to seed the sandbox's members, contacts
 * and tags as if people had done it in WeCom.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import * as messaging from '@siyu/core/messaging';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { type DemoWecom, demoWecomOf, WECOM_SANDBOX_PATH } from '../demo/wecom-sandbox';
import { ownerOfNewTenant, testApp } from '../testing';
import { ok } from './tags.fixtures';

let served: Promise<{ baseUrl: string; demo: DemoWecom }> | null = null;

/** The test app listening on loopback (the sandbox's callbacks reach its webhook over HTTP). */
export function servedApp() {
  served ??= (async () => {
    const { app } = await testApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, demo: demoWecomOf(app)! };
  })();
  return served;
}

export type SeedMember = { userid: string; name: string; department?: number[]; customerContact?: boolean };

/** A new tenant on a new sandbox corp with these members; `staff` creates staff with these email names. */
export async function syncTenant(members: SeedMember[], staffEmailNames: string[] = []) {
  const { baseUrl, demo } = await servedApp();
  const o = await ownerOfNewTenant();
  const tenantId = o.tenant.tenantId;
  const corpId = `wwsync${randomBytes(6).toString('hex')}`;
  const secret = randomBytes(16).toString('hex');
  const keys = messaging.generateCallbackSecrets();
  demo.sandbox.addCorp({
    corpId,
    secrets: [secret],
    ...keys,
    departments: [
      { id: 1, name: '总部', parentid: 0, order: 1 },
      { id: 2, name: '静安寺店', parentid: 1, order: 2 },
    ],
    staff: members.map((m) => ({ department: [2], ...m })),
  });
  const ctx = o.rt.ctx({ tenantId, actor: { kind: 'system', name: 'test' } });
  await messaging.saveSandboxWecomSettings(ctx, {
    corpId,
    agentId: '1000002',
    secret,
    ...keys,
    apiBaseUrl: `${baseUrl}${WECOM_SANDBOX_PATH}`,
  });
  demo.sandbox.configureCallback(corpId, { url: `${baseUrl}/webhooks/wecom/${tenantId}` });
  const roles = ok(await o.agent.get('/api/admin/roles')).items as { id: string; key: string }[];
  const staff: Record<string, string> = {};
  for (const name of staffEmailNames) {
    const res = ok(
      await o.agent.post('/api/admin/staff', {
        name: `员工${name}`,
        email: `${name}@s${randomBytes(4).toString('hex')}.test`,
        roleIds: [roles.find((r) => r.key === 'sales')!.id],
        mode: 'password',
        password: TEST_PASSWORD,
      }),
      201,
    );
    staff[name] = res.staff.id as string;
  }
  const client = messaging.createWecomClient({ corpId, secret, baseUrl: `${baseUrl}${WECOM_SANDBOX_PATH}` });
  const corp = () => demo.sandbox.corp(corpId);
  /** A contact of `userid` in WeCom (nobody told Siyu). */
  const contact = (
    userid: string,
    externalUserid: string,
    f: { name?: string; unionid?: string; remark?: string; tagIds?: string[]; state?: string } = {},
  ) => {
    const c = corp().contacts.get(externalUserid) ?? {
      external_userid: externalUserid,
      name: f.name ?? `客户${externalUserid.slice(-4)}`,
      avatar: 'https://wwcdn.weixin.qq.com/sandbox/avatar.png',
      type: 1 as const,
      gender: 2 as const,
      unionid: f.unionid,
      follow: new Map(),
    };
    c.follow.set(userid, {
      userid,
      remark: f.remark ?? '',
      description: '',
      createtime: 1_767_000_000,
      tagIds: new Set(f.tagIds ?? []),
      remark_mobiles: [],
      oper_userid: externalUserid,
      add_way: 1,
      state: f.state,
    });
    corp().contacts.set(externalUserid, c);
  };
  return { ...o, tenantId, ctx, corpId, demo, client, staff, corp, contact };
}

type SyncTenant = Awaited<ReturnType<typeof syncTenant>>;

/**
 * Runs queued work until `done()` holds. On PostgreSQL the job queue is shared by the test processes,
 * so another one may take a job of ours and run it (against our sandbox, over HTTP) a moment later.
 */
export async function settle(o: Pick<SyncTenant, 'rt' | 'tenantId'>, done: () => Promise<boolean>, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    await o.rt.drain({ tenantId: o.tenantId });
    if (await done()) return;
    if (Date.now() > until) throw new Error('queued work did not finish in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs queued work until the run is done or failed; answers it. */
export async function settleRun(o: SyncTenant, id: string) {
  let run: { status: string } | null = null;
  await settle(o, async () => {
    run = ok(await o.agent.get(`/api/admin/wecom/sync/${id}`));
    return run?.status === 'done' || run?.status === 'failed';
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read untyped JSON answers
  return run as any;
}

/** Starts a sync through the API and runs the queued work; answers the finished run. */
export async function syncThrough(o: SyncTenant, what: 'staff' | 'customers' | 'tags') {
  const run = ok(await o.agent.post('/api/admin/wecom/sync', { what }), 201);
  return settleRun(o, run.id);
}

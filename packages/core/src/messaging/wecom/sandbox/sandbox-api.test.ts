/**
 * The real WeCom client against the sandbox over HTTP on 127.0.0.1, one endpoint family at a time:
 * shapes, documented errcodes and caps.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DAY, SECOND, testClock } from '../../../platform';
import { createWecomClient, type WecomClient } from '../client';
import { generateCallbackSecrets } from '../crypto';
import { WecomError } from '../errors';
import { createAccessTokenStore } from '../tokens';
import { type RunningServer, sandboxFetch, serveOnLoopback } from './sandbox-http';
import { createWecomSandbox } from './sandbox';

const CORP = 'wwsandbox0000001';
const clock = testClock('2026-03-02T02:00:00Z');
const sandbox = createWecomSandbox({
  clock,
  basePath: '/sandbox/wecom',
  caps: { contactWayQuota: 3, corpTags: 5 },
  corps: [
    {
      corpId: CORP,
      secrets: ['s3cret'],
      ...generateCallbackSecrets(),
      departments: [
        { id: 1, name: '总部', parentid: 0, order: 1 },
        { id: 2, name: '门店', parentid: 1, order: 1 },
      ],
      staff: [
        { userid: 'zhangsan', name: '张三', department: [2] },
        { userid: 'lisi', name: '李四', department: [2] },
        { userid: 'wangwu', name: '王五', customerContact: false },
      ],
    },
  ],
});
let server: RunningServer;
let wecom: WecomClient;
const err = (errcode: number) => (e: unknown) => e instanceof WecomError && e.errcode === errcode;

before(async () => {
  server = await serveOnLoopback((req) => sandbox.handle(req));
  wecom = createWecomClient({
    corpId: CORP,
    secret: 's3cret',
    baseUrl: `${server.url}/sandbox/wecom`,
    clock,
    tokens: createAccessTokenStore(),
  });
});
after(() => server.close());

describe('tokens', () => {
  it('refuses a wrong secret (40001) and an unknown corp (40013); a revoked token is refreshed', async () => {
    const base = `${server.url}/sandbox/wecom`;
    await assert.rejects(
      createWecomClient({ corpId: CORP, secret: 'x', baseUrl: base, clock }).accessToken(),
      err(40001),
    );
    await assert.rejects(
      createWecomClient({ corpId: 'wwnobody', secret: 's3cret', baseUrl: base, clock }).accessToken(),
      err(40013),
    );
    await wecom.externalContacts.followUsers();
    const before = sandbox.tokenFetches(CORP);
    sandbox.revokeTokens(CORP);
    assert.deepEqual((await wecom.externalContacts.followUsers()).follow_user, ['zhangsan', 'lisi']);
    assert.equal(sandbox.tokenFetches(CORP), before + 1);
  });

  it('returns the same token to a second process while it is valid, as WeCom does', async () => {
    const other = createWecomClient({
      corpId: CORP,
      secret: 's3cret',
      baseUrl: `${server.url}/sandbox/wecom`,
      clock,
      tokens: createAccessTokenStore(),
    });
    assert.equal(await other.accessToken(), await wecom.accessToken());
  });

  it('retries an injected 45009 and succeeds', async () => {
    sandbox.failNext('/cgi-bin/externalcontact/get_follow_user_list', 45009, 2);
    const c = createWecomClient({
      corpId: CORP,
      secret: 's3cret',
      baseUrl: `${server.url}/sandbox/wecom`,
      clock,
      sleep: async () => {},
    });
    assert.equal((await c.externalContacts.followUsers()).errcode, 0);
  });
});

describe('without a socket', () => {
  it('serves the client through sandboxFetch, for domain tests', async () => {
    const direct = createWecomClient({
      corpId: CORP,
      secret: 's3cret',
      baseUrl: 'http://wecom.sandbox/sandbox/wecom',
      fetch: sandboxFetch(sandbox),
      clock,
    });
    const out = await direct.corpTags.list({});
    assert.equal(out.errcode, 0);
    await assert.rejects(direct.contactWays.get({ config_id: 'nope' }), err(40058));
  });
});

describe('contact ways', () => {
  it('adds, gets, lists, updates and deletes, with the quota shared with join ways', async () => {
    const a = await wecom.contactWays.add({
      type: 2,
      scene: 2,
      state: 'store-001',
      user: ['zhangsan'],
      party: [2],
      remark: '门店',
    });
    assert.match(a.config_id, /^[0-9a-f]{32}$/);
    assert.ok(a.qr_code);
    const got = await wecom.contactWays.get({ config_id: a.config_id });
    assert.equal(got.contact_way.state, 'store-001');
    assert.deepEqual(got.contact_way.party, [2]);
    await wecom.contactWays.update({ config_id: a.config_id, state: 'store-002', user: ['lisi'] });
    assert.deepEqual((await wecom.contactWays.get({ config_id: a.config_id })).contact_way.user, ['lisi']);
    const b = await wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'] });
    const listed = await wecom.contactWays.list({ limit: 1 });
    assert.equal(listed.contact_way.length, 1);
    assert.equal((await wecom.contactWays.list({ cursor: listed.next_cursor })).contact_way.length, 1);
    await wecom.contactWays.del({ config_id: b.config_id });
    await assert.rejects(wecom.contactWays.get({ config_id: b.config_id }), err(40058));
  });

  it('refuses unknown members (40003), members without customer contact (84074), a type-1 code with two members, and the quota', async () => {
    await assert.rejects(wecom.contactWays.add({ type: 1, scene: 2, user: ['nobody'] }), err(40003));
    await assert.rejects(wecom.contactWays.add({ type: 1, scene: 2, user: ['wangwu'] }), err(84074));
    await assert.rejects(wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan', 'lisi'] }), err(40058));
    await wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'] });
    await wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'] });
    await assert.rejects(wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'] }), err(40058)); // quota of 3
    await wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'], is_temp: true }); // temporary codes do not count
  });
});

describe('external contacts and corp tags', () => {
  let customer = '';
  let tag = '';

  before(async () => {
    const [first] = (await wecom.contactWays.list({})).contact_way;
    customer = (await sandbox.simulate.scan(CORP, first?.config_id ?? '', { name: '顾客甲' })).externalUserid;
  });

  it('pages follow_user by cursor (cursors stay strings on the query string)', async () => {
    const out = await wecom.externalContacts.get({ external_userid: customer, cursor: '0' });
    assert.equal(out.follow_user.length, 1);
  });

  it('lists, gets and batch-gets a customer with follow_user data', async () => {
    const owner = (await wecom.externalContacts.get({ external_userid: customer })).follow_user[0]?.userid ?? '';
    assert.deepEqual((await wecom.externalContacts.list({ userid: owner })).external_userid, [customer]);
    const got = await wecom.externalContacts.get({ external_userid: customer });
    assert.equal(got.external_contact.name, '顾客甲');
    assert.equal(got.follow_user[0]?.add_way, 1);
    const batch = await wecom.externalContacts.batchGetByUser({ userid_list: [owner] });
    assert.equal(batch.external_contact_list[0]?.external_contact.external_userid, customer);
    await assert.rejects(wecom.externalContacts.get({ external_userid: 'wmnope' }), err(40096));
    await assert.rejects(wecom.externalContacts.list({ userid: 'nobody' }), err(40003));
  });

  it('adds tags, marks them on the relation, edits and deletes; the 3,000 cap (5 here) holds', async () => {
    const g = await wecom.corpTags.add({ group_name: '来源', tag: [{ name: '门店' }, { name: '活动' }] });
    tag = g.tag_group.tag[0]?.id ?? '';
    await assert.rejects(wecom.corpTags.add({ group_id: g.tag_group.group_id, tag: [{ name: '门店' }] }), err(40071));
    const owner = (await wecom.externalContacts.get({ external_userid: customer })).follow_user[0]?.userid ?? '';
    await wecom.corpTags.mark({ userid: owner, external_userid: customer, add_tag: [tag] });
    const tags = (await wecom.externalContacts.get({ external_userid: customer })).follow_user[0]?.tags ?? [];
    assert.deepEqual(
      tags.map((t) => [t.group_name, t.tag_name]),
      [['来源', '门店']],
    );
    await assert.rejects(
      wecom.corpTags.mark({ userid: owner, external_userid: customer, add_tag: ['etnope'] }),
      err(40068),
    );
    const other = owner === 'lisi' ? 'zhangsan' : 'lisi';
    await assert.rejects(wecom.corpTags.mark({ userid: other, external_userid: customer, add_tag: [tag] }), err(84061));
    await wecom.corpTags.edit({ id: tag, name: '线下门店' });
    assert.equal((await wecom.corpTags.list({ tag_id: [tag] })).tag_group[0]?.tag[0]?.name, '线下门店');
    await wecom.corpTags.add({ group_name: '等级', tag: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] });
    await assert.rejects(wecom.corpTags.add({ group_name: '等级', tag: [{ name: 'D' }] }), err(40058));
    await wecom.corpTags.del({ tag_id: [tag] });
    assert.deepEqual((await wecom.externalContacts.get({ external_userid: customer })).follow_user[0]?.tags, []);
  });

  it("sets a remark within WeCom's lengths", async () => {
    const owner = (await wecom.externalContacts.get({ external_userid: customer })).follow_user[0]?.userid ?? '';
    await wecom.externalContacts.remark({
      userid: owner,
      external_userid: customer,
      remark: '老客户',
      description: '喜欢咖啡',
    });
    assert.equal((await wecom.externalContacts.get({ external_userid: customer })).follow_user[0]?.remark, '老客户');
    await assert.rejects(
      wecom.externalContacts.remark({ userid: owner, external_userid: customer, remark: 'x'.repeat(21) }),
      (e) => e instanceof WecomError && e.code === 'INVALID_INPUT',
    );
  });
});

describe('staff, transfers, moments and behaviour data', () => {
  it('lists departments and members', async () => {
    assert.deepEqual(
      (await wecom.org.departments({ id: 2 })).department.map((d) => d.id),
      [2],
    );
    assert.deepEqual(
      (await wecom.org.members({ department_id: 2 })).userlist.map((u) => u.userid),
      ['zhangsan', 'lisi'],
    );
    assert.equal((await wecom.org.memberIds({ limit: 2 })).dept_user.length, 2);
  });

  it('transfers a customer on the job; it completes after 24 h; resigned transfer needs a member who left', async () => {
    const cw = await wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'], is_temp: true });
    const { externalUserid } = await sandbox.simulate.scan(CORP, cw.config_id);
    const t = await wecom.transfers.transfer({
      handover_userid: 'zhangsan',
      takeover_userid: 'lisi',
      external_userid: [externalUserid, 'wmnope'],
    });
    assert.deepEqual(
      t.customer.map((c) => c.errcode),
      [0, 84061],
    );
    assert.equal(
      (await wecom.transfers.result({ handover_userid: 'zhangsan', takeover_userid: 'lisi' })).customer[0]?.status,
      2,
    );
    clock.advance(DAY + SECOND);
    assert.equal(
      (await wecom.transfers.result({ handover_userid: 'zhangsan', takeover_userid: 'lisi' })).customer[0]?.status,
      1,
    );
    assert.equal(
      (await wecom.externalContacts.get({ external_userid: externalUserid })).follow_user[0]?.userid,
      'lisi',
    );
    await assert.rejects(
      wecom.transfers.resignedTransfer({
        handover_userid: 'lisi',
        takeover_userid: 'zhangsan',
        external_userid: [externalUserid],
      }),
      err(40097),
    );
    sandbox.simulate.staffLeaves(CORP, 'lisi');
    const unassigned = await wecom.transfers.unassigned({});
    assert.ok(unassigned.info.some((i) => i.external_userid === externalUserid && i.handover_userid === 'lisi'));
    const r = await wecom.transfers.resignedTransfer({
      handover_userid: 'lisi',
      takeover_userid: 'zhangsan',
      external_userid: [externalUserid],
    });
    assert.equal(r.customer[0]?.errcode, 0);
    assert.equal(
      (await wecom.transfers.resignedResult({ handover_userid: 'lisi', takeover_userid: 'zhangsan' })).customer[0]
        ?.status,
      2,
    );
  });

  it('runs a moment task asynchronously and reports invalid senders', async () => {
    const { jobid } = await wecom.moments.add({
      text: { content: '新品上架' },
      visible_range: { sender_list: { user_list: ['zhangsan', 'wangwu'] } },
    });
    assert.equal((await wecom.moments.result({ jobid })).status, 2);
    clock.advance(2 * SECOND);
    const done = await wecom.moments.result({ jobid });
    assert.equal(done.status, 3);
    assert.deepEqual(done.result?.invalid_sender_list?.user_list, ['wangwu']);
  });

  it('computes behaviour data and refuses a span over 31 days before sending', async () => {
    const day = Math.floor(Date.UTC(2026, 2, 2) / 1000);
    const out = await wecom.stats.userBehavior({ userid: ['zhangsan', 'lisi'], start_time: day, end_time: day });
    assert.equal(out.behavior_data.length, 1);
    assert.ok((out.behavior_data[0]?.new_contact_cnt ?? 0) >= 1);
    await assert.rejects(
      wecom.stats.userBehavior({ userid: ['zhangsan'], start_time: day, end_time: day + 32 * 86_400 }),
      (e) => e instanceof WecomError && e.code === 'INVALID_INPUT',
    );
  });
});

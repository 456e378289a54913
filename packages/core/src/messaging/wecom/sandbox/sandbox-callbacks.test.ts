/**
 * People in the simulated client and the callbacks they cause: every delivery reaches a receiver on
 * 127.0.0.1, which verifies and decrypts it with the crypto module exactly as Siyu's webhook will.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SECOND, testClock } from '../../../platform';
import { decryptCallback } from '../callback';
import { createWecomClient, type WecomClient } from '../client';
import { generateCallbackSecrets } from '../crypto';
import { WecomError } from '../errors';
import { callbackIdentity, parseWecomEvent, type WecomEvent } from '../events';
import { createAccessTokenStore } from '../tokens';
import { type RunningServer, serveOnLoopback } from './sandbox-http';
import { createWecomSandbox } from './sandbox';

const CORP = 'wwcallbacks00001';
const secrets = generateCallbackSecrets();
const keys = { ...secrets, receiveId: CORP };
const clock = testClock('2026-03-02T02:00:00Z');
const sandbox = createWecomSandbox({
  clock,
  retryDelayMs: 5,
  caps: { groupScanJoinMax: 3 },
  corps: [
    {
      corpId: CORP,
      secrets: ['sec'],
      ...secrets,
      staff: [
        { userid: 'zhangsan', name: '张三' },
        { userid: 'lisi', name: '李四' },
      ],
    },
  ],
});
let api: RunningServer;
let receiver: RunningServer;
let wecom: WecomClient;
let events: WecomEvent[] = [];
let identities: string[] = [];
let answers: number[] = [];

before(async () => {
  api = await serveOnLoopback((req) => sandbox.handle(req));
  receiver = await serveOnLoopback((req) => {
    const q = new URL(req.path, 'http://x').searchParams;
    const status = answers.shift() ?? 200;
    try {
      const out = decryptCallback(
        keys,
        {
          msgSignature: q.get('msg_signature') ?? '',
          timestamp: q.get('timestamp') ?? '',
          nonce: q.get('nonce') ?? '',
        },
        req.body,
      );
      if (status === 200) {
        events.push(parseWecomEvent(out.fields));
        identities.push(callbackIdentity(out.fields));
      }
      return { status, body: '' };
    } catch (e) {
      return { status: 400, body: e instanceof Error ? e.message : 'bad' };
    }
  });
  sandbox.configureCallback(CORP, { url: `${receiver.url}/webhooks/wecom/t1` });
  wecom = createWecomClient({ corpId: CORP, secret: 'sec', baseUrl: api.url, clock, tokens: createAccessTokenStore() });
});
after(async () => {
  await api.close();
  await receiver.close();
});
beforeEach(() => {
  events = [];
  identities = [];
  answers = [];
});

describe('a customer scans a contact way', () => {
  it('adds the customer with the code state and sends an encrypted add_external_contact with State and WelcomeCode', async () => {
    const way = await wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'], state: 'lc_spring' });
    const scan = await sandbox.simulate.scan(CORP, way.config_id, { name: '顾客乙' });
    assert.equal(scan.delivery?.outcome, 'delivered');
    const [e] = events;
    assert.equal(e?.kind, 'contact');
    if (e?.kind !== 'contact') return;
    assert.equal(e.changeType, 'add_external_contact');
    assert.equal(e.corpId, CORP);
    assert.equal(e.userId, 'zhangsan');
    assert.equal(e.externalUserId, scan.externalUserid);
    assert.equal(e.state, 'lc_spring');
    assert.equal(e.welcomeCode, scan.welcomeCode);
    assert.equal(
      (await wecom.externalContacts.get({ external_userid: scan.externalUserid })).follow_user[0]?.state,
      'lc_spring',
    );
  });

  it('takes the welcome message once within 20 s; a used code answers 41051, an expired one 40058', async () => {
    const way = await wecom.contactWays.add({ type: 1, scene: 2, user: ['lisi'] });
    const first = await sandbox.simulate.scan(CORP, way.config_id);
    clock.advance(19 * SECOND);
    await wecom.welcome.send({
      welcome_code: first.welcomeCode ?? '',
      text: { content: '欢迎！' },
      attachments: [{ msgtype: 'link', link: { title: '新人券', url: 'https://example.com/c' } }],
    });
    const sent = sandbox.corp(CORP).welcomes.at(-1);
    assert.equal(sent?.external_userid, first.externalUserid);
    assert.equal(sent?.text, '欢迎！');
    await assert.rejects(
      wecom.welcome.send({ welcome_code: first.welcomeCode ?? '', text: { content: 'again' } }),
      (e) => e instanceof WecomError && e.code === 'WELCOME_ALREADY_SENT' && e.errcode === 41051,
    );
    const late = await sandbox.simulate.scan(CORP, way.config_id);
    clock.advance(21 * SECOND);
    await assert.rejects(
      wecom.welcome.send({ welcome_code: late.welcomeCode ?? '', text: { content: 'late' } }),
      (e) => e instanceof WecomError && e.errcode === 40058,
    );
  });

  it('reports a customer the member has not confirmed yet as add_half_external_contact, with a WelcomeCode', async () => {
    const way = await wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'] });
    const scan = await sandbox.simulate.scan(CORP, way.config_id, { half: true });
    assert.ok(events[0]?.kind === 'contact');
    assert.equal(events[0].changeType, 'add_half_external_contact');
    assert.equal(events[0].welcomeCode, scan.welcomeCode);
  });

  it('sends no event when the two are already contacts, as WeCom does', async () => {
    const way = await wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'] });
    const a = await sandbox.simulate.scan(CORP, way.config_id);
    const again = await sandbox.simulate.scan(CORP, way.config_id, { externalUserid: a.externalUserid });
    assert.equal(again.delivery, null);
    assert.equal(events.length, 1);
  });

  it('retries a delivery that is not answered with 200, repeating the same message (same identity)', async () => {
    const way = await wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'] });
    answers = [500, 503];
    const scan = await sandbox.simulate.scan(CORP, way.config_id);
    assert.equal(scan.delivery?.attempts, 3);
    assert.equal(scan.delivery?.outcome, 'delivered');
    answers = [500, 500, 500, 500];
    const lost = await sandbox.simulate.scan(CORP, way.config_id);
    assert.equal(lost.delivery?.outcome, 'failed');
    assert.equal(lost.delivery?.attempts, 4);
  });

  it('delivers JSON callbacks when the corp is configured for JSON', async () => {
    sandbox.configureCallback(CORP, { url: `${receiver.url}/webhooks/wecom/t1`, format: 'json' });
    try {
      const way = await wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'], state: 'json' });
      await sandbox.simulate.scan(CORP, way.config_id);
      assert.equal(events[0]?.kind === 'contact' && events[0].state, 'json');
    } finally {
      sandbox.configureCallback(CORP, { url: `${receiver.url}/webhooks/wecom/t1`, format: 'xml' });
    }
  });
});

describe('losses, edits and tags', () => {
  it('sends del_follow_user when the customer deletes the member, del_external_contact the other way round', async () => {
    const way = await wecom.contactWays.add({ type: 2, scene: 2, user: ['zhangsan', 'lisi'] });
    const a = await sandbox.simulate.scan(CORP, way.config_id);
    const b = await sandbox.simulate.scan(CORP, way.config_id, { externalUserid: a.externalUserid });
    assert.notEqual(a.userid, b.userid);
    await sandbox.simulate.customerDeletesStaff(CORP, a.externalUserid, a.userid);
    await sandbox.simulate.staffDeletesCustomer(CORP, b.userid, a.externalUserid);
    assert.deepEqual(
      events.map((e) => (e.kind === 'contact' ? e.changeType : e.kind)),
      ['add_external_contact', 'add_external_contact', 'del_follow_user', 'del_external_contact'],
    );
    await assert.rejects(
      wecom.externalContacts.get({ external_userid: a.externalUserid }),
      (e) => e instanceof WecomError && e.errcode === 40096,
    );
  });

  it('sends edit_external_contact for a tag set in the client and change_external_tag for the library', async () => {
    const { tagId } = await sandbox.simulate.adminChangesTag(CORP, { create: { groupName: '兴趣', name: '咖啡' } });
    const way = await wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'] });
    const c = await sandbox.simulate.scan(CORP, way.config_id);
    await sandbox.simulate.staffEditsCustomer(CORP, 'zhangsan', c.externalUserid, { addTags: [tagId] });
    const kinds = events.map((e) => `${e.kind}:${e.changeType}`);
    assert.deepEqual(kinds, ['tag:create', 'contact:add_external_contact', 'contact:edit_external_contact']);
    assert.equal(events[0]?.kind === 'tag' && events[0].id, tagId);
    const tags = (await wecom.externalContacts.get({ external_userid: c.externalUserid })).follow_user[0]?.tags;
    assert.equal(tags?.[0]?.tag_name, '咖啡');
    assert.equal(new Set(identities).size, identities.length);
  });
});

describe('groups', () => {
  it("fills a join way's group up to the cap, creates the next room, and reports joins and leaves", async () => {
    const { chatId } = await sandbox.simulate.createGroup(CORP, 'zhangsan', '春季福利群');
    const jw = await wecom.joinWays.add({
      scene: 2,
      chat_id_list: [chatId],
      state: 'gq_spring',
      auto_create_room: 1,
      room_base_name: '福利群',
      room_base_id: 1,
    });
    assert.equal((await wecom.joinWays.get({ config_id: jw.config_id })).join_way.state, 'gq_spring');
    await wecom.joinWays.update({
      config_id: jw.config_id,
      scene: 2,
      chat_id_list: [chatId],
      state: 'gq_spring',
      remark: '春季',
    });
    assert.equal((await wecom.joinWays.get({ config_id: jw.config_id })).join_way.remark, '春季');
    await assert.rejects(
      wecom.joinWays.update({ config_id: jw.config_id, scene: 2, chat_id_list: ['wrnope'] }),
      (e) => e instanceof WecomError && e.errcode === 40050,
    );
    const joined = [];
    for (const id of ['wmguest1', 'wmguest2', 'wmguest3'])
      joined.push(await sandbox.simulate.joinGroup(CORP, id, { joinWay: jw.config_id }));
    assert.equal(joined[0]?.chatId, chatId);
    assert.equal(joined[1]?.chatId, chatId); // owner + 2 guests = 3, the cap here
    assert.notEqual(joined[2]?.chatId, chatId);
    const g = (await wecom.groupChats.get({ chat_id: chatId, need_name: 1 })).group_chat;
    assert.equal(g.member_list.length, 3);
    assert.equal(g.member_list.find((m) => m.userid === 'wmguest1')?.state, 'gq_spring');
    assert.equal(g.member_list.find((m) => m.userid === 'wmguest1')?.join_scene, 3);
    const update = events.find((e) => e.kind === 'chat' && e.changeType === 'update');
    assert.ok(update?.kind === 'chat');
    assert.deepEqual(update.memChangeList, ['wmguest1']);
    assert.equal(update.updateDetail, 'add_member');
    await sandbox.simulate.leaveGroup(CORP, chatId, 'wmguest1');
    await sandbox.simulate.dismissGroup(CORP, joined[2]?.chatId ?? '');
    assert.deepEqual(
      events.slice(-2).map((e) => (e.kind === 'chat' ? `${e.changeType}:${e.updateDetail ?? ''}` : '')),
      ['update:del_member', 'dismiss:'],
    );
    const list = await wecom.groupChats.list({ limit: 100, owner_filter: { userid_list: ['zhangsan'] } });
    assert.deepEqual(
      list.group_chat_list.map((x) => x.chat_id),
      [chatId],
    );
    await assert.rejects(
      wecom.groupChats.get({ chat_id: 'wrnope' }),
      (e) => e instanceof WecomError && e.errcode === 40050,
    );
    await wecom.joinWays.del({ config_id: jw.config_id });
  });

  it('keeps group welcome templates (入群欢迎语素材)', async () => {
    const { template_id } = await wecom.groupWelcomeTemplates.add({
      text: { content: '欢迎入群' },
      link: { title: '群规', url: 'https://example.com/r' },
    });
    assert.equal((await wecom.groupWelcomeTemplates.get({ template_id })).text?.content, '欢迎入群');
    await wecom.groupWelcomeTemplates.edit({ template_id, text: { content: '欢迎！' } });
    const got = await wecom.groupWelcomeTemplates.get({ template_id });
    assert.equal(got.text?.content, '欢迎！');
    assert.equal(got.link, undefined);
    await assert.rejects(wecom.groupWelcomeTemplates.add({}), (e) => e instanceof WecomError && e.errcode === 40058);
    await wecom.groupWelcomeTemplates.del({ template_id });
    await assert.rejects(
      wecom.groupWelcomeTemplates.get({ template_id }),
      (e) => e instanceof WecomError && e.errcode === 40058,
    );
  });
});

describe('mass messages wait for members to confirm', () => {
  it('creates tasks, staff confirm, results show sent, no-longer-friends and the monthly cap', async () => {
    const way = await wecom.contactWays.add({ type: 1, scene: 2, user: ['lisi'] });
    const a = await sandbox.simulate.scan(CORP, way.config_id);
    const b = await sandbox.simulate.scan(CORP, way.config_id);
    const { msgid, fail_list } = await wecom.massMessages.add({
      sender: 'lisi',
      external_userid: [a.externalUserid, b.externalUserid, 'wmstranger'],
      text: { content: '周末上新' },
    });
    assert.deepEqual(fail_list, ['wmstranger']);
    assert.deepEqual(
      (await wecom.massMessages.tasks({ msgid })).task_list.map((t) => [t.userid, t.status]),
      [['lisi', 0]],
    );
    await sandbox.simulate.customerDeletesStaff(CORP, b.externalUserid, 'lisi');
    sandbox.simulate.confirmMassMessage(CORP, msgid, 'lisi');
    assert.equal((await wecom.massMessages.tasks({ msgid })).task_list[0]?.status, 2);
    const sends = (await wecom.massMessages.sendResults({ msgid, userid: 'lisi' })).send_list;
    assert.deepEqual(
      sends.map((s) => [s.external_userid, s.status]),
      [
        [a.externalUserid, 1],
        [b.externalUserid, 2],
      ],
    );
    const now = Math.floor(clock.now().getTime() / 1000);
    const listed = await wecom.massMessages.list({ chat_type: 'single', start_time: now - 60, end_time: now + 60 });
    assert.ok(listed.group_msg_list.some((m) => m.msgid === msgid));
    for (let i = 0; i < 30; i++) {
      const m = await wecom.massMessages.add({
        sender: 'lisi',
        external_userid: [a.externalUserid],
        text: { content: `第${i}条` },
      });
      sandbox.simulate.confirmMassMessage(CORP, m.msgid, 'lisi');
    }
    const pending = await wecom.massMessages.add({
      sender: 'lisi',
      external_userid: [a.externalUserid],
      text: { content: '提醒' },
    });
    for (let i = 0; i < 3; i++) await wecom.massMessages.remind({ msgid: pending.msgid });
    await assert.rejects(
      wecom.massMessages.remind({ msgid: pending.msgid }),
      (e) => e instanceof WecomError && e.errcode === 40058,
    );
    await wecom.massMessages.cancel({ msgid: pending.msgid });
    assert.throws(() => sandbox.simulate.confirmMassMessage(CORP, pending.msgid, 'lisi'), /cancelled/);
    const capped = await wecom.massMessages.add({
      sender: 'lisi',
      external_userid: [a.externalUserid],
      text: { content: '超额' },
    });
    sandbox.simulate.confirmMassMessage(CORP, capped.msgid, 'lisi');
    assert.equal(
      (await wecom.massMessages.sendResults({ msgid: capped.msgid, userid: 'lisi' })).send_list[0]?.status,
      3,
    ); // March: 31 a month
  });
});

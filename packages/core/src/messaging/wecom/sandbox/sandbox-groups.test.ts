/**
 * Groups, group welcome templates and mass messages in the simulated client, with the callbacks
 * they cause verified and decrypted by a receiver on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { WecomClient } from '../client';
import { WecomError } from '../errors';
import type { WecomEvent } from '../events';
import { callbackHarness } from './sandbox.fixtures';

const CORP = 'wwgroups00000001';
let h: Awaited<ReturnType<typeof callbackHarness>>;
let wecom: WecomClient;
let sandbox: typeof h.sandbox;
let clock: typeof h.clock;
let events: WecomEvent[] = [];

before(async () => {
  h = await callbackHarness(CORP, { groupScanJoinMax: 3 });
  ({ wecom, sandbox, clock } = h);
  events = h.seen.events;
});
after(() => h.close());
beforeEach(() => h.reset());

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

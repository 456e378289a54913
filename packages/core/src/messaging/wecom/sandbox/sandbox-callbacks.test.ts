/**
 * People in the simulated client and the callbacks they cause (contacts, losses, tags): every
 * delivery reaches a receiver on 127.0.0.1 that verifies and decrypts it with the crypto module.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SECOND } from '../../../platform';
import type { WecomClient } from '../client';
import { WecomError } from '../errors';
import type { WecomEvent } from '../events';
import { callbackHarness } from './sandbox.fixtures';

const CORP = 'wwcallbacks00001';
let h: Awaited<ReturnType<typeof callbackHarness>>;
let wecom: WecomClient;
let sandbox: typeof h.sandbox;
let clock: typeof h.clock;
let events: WecomEvent[] = [];
let identities: string[] = [];

before(async () => {
  h = await callbackHarness(CORP);
  ({ wecom, sandbox, clock } = h);
  events = h.seen.events;
  identities = h.seen.identities;
});
after(() => h.close());
beforeEach(() => h.reset());

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
    h.seen.answers.push(500, 503);
    const scan = await sandbox.simulate.scan(CORP, way.config_id);
    assert.equal(scan.delivery?.attempts, 3);
    assert.equal(scan.delivery?.outcome, 'delivered');
    h.seen.answers.push(500, 500, 500, 500);
    const lost = await sandbox.simulate.scan(CORP, way.config_id);
    assert.equal(lost.delivery?.outcome, 'failed');
    assert.equal(lost.delivery?.attempts, 4);
  });

  it('delivers JSON callbacks when the corp is configured for JSON', async () => {
    sandbox.configureCallback(CORP, { url: h.callbackUrl, format: 'json' });
    try {
      const way = await wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'], state: 'json' });
      await sandbox.simulate.scan(CORP, way.config_id);
      assert.equal(events[0]?.kind === 'contact' && events[0].state, 'json');
    } finally {
      sandbox.configureCallback(CORP, { url: h.callbackUrl, format: 'xml' });
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

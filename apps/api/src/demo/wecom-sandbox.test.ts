/**
 * The WeCom sandbox as the demo API serves it, over HTTP on 127.0.0.1: the real client creates a
 * contact way through /sandbox/wecom/cgi-bin, a person "scans" it through /sandbox/wecom/simulate,
 * and the encrypted callback reaches a receiver that verifies it with the demo corp's keys.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import * as messaging from '@siyu/core/messaging';
import { testApp } from '../testing';
import { type DemoWecom, demoWecomOf, WECOM_SANDBOX_PATH } from './wecom-sandbox';

let baseUrl = '';
let demo: DemoWecom;
let receiver: messaging.RunningServer;
const received: messaging.WecomEvent[] = [];
let closeApp: () => Promise<void> = async () => {};

before(async () => {
  const { app } = await testApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  closeApp = () => app.close();
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const wired = demoWecomOf(app);
  assert.ok(wired, 'the WeCom sandbox is wired in demo mode');
  demo = wired;
  const keys = { token: demo.token, encodingAesKey: demo.encodingAesKey, receiveId: demo.corpId };
  receiver = await messaging.serveOnLoopback((req) => {
    const q = new URL(req.path, 'http://x').searchParams;
    const signed = {
      msgSignature: q.get('msg_signature') ?? '',
      timestamp: q.get('timestamp') ?? '',
      nonce: q.get('nonce') ?? '',
    };
    received.push(messaging.parseWecomEvent(messaging.decryptCallback(keys, signed, req.body).fields));
    return { status: 200, body: '' };
  });
  demo.sandbox.configureCallback(demo.corpId, { url: `${receiver.url}/webhooks/wecom/t` });
});
after(async () => {
  await receiver.close();
  await closeApp();
});

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${baseUrl}${WECOM_SANDBOX_PATH}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, data: (await res.json()) as Record<string, unknown> & { error?: { message: string } } };
};

describe('the demo WeCom sandbox', () => {
  it("serves WeCom's API to the real client and simulates a scan that calls back, encrypted", async () => {
    const wecom = messaging.createWecomClient({
      corpId: demo.corpId,
      secret: demo.secret,
      baseUrl: `${baseUrl}${WECOM_SANDBOX_PATH}`,
    });
    assert.ok((await wecom.externalContacts.followUsers()).follow_user.includes('wangyutong'));
    const way = await wecom.contactWays.add({ type: 1, scene: 2, user: ['wangyutong'], state: 'lc_demo' });
    const scan = await post('/simulate/scan', { configId: way.config_id, name: '演示顾客' });
    assert.equal(scan.status, 200, JSON.stringify(scan.data));
    assert.equal((scan.data.delivery as { outcome: string }).outcome, 'delivered');
    const event = received.at(-1);
    assert.ok(event?.kind === 'contact');
    assert.equal(event.state, 'lc_demo');
    assert.equal(event.welcomeCode, scan.data.welcomeCode);
    await wecom.welcome.send({ welcome_code: String(scan.data.welcomeCode), text: { content: '欢迎光临拾光咖啡' } });
    const state = (await (await fetch(`${baseUrl}${WECOM_SANDBOX_PATH}/state`)).json()) as {
      customers: { name: string }[];
      welcomes: { text: string }[];
      deliveries: { outcome: string }[];
    };
    assert.ok(state.customers.some((c) => c.name === '演示顾客'));
    assert.equal(state.welcomes.at(-1)?.text, '欢迎光临拾光咖啡');
    const tag = await post('/simulate/admin-changes-tag', { create: { groupName: '兴趣', name: '手冲' } });
    assert.equal(tag.status, 200, JSON.stringify(tag.data));
    const edit = await post('/simulate/staff-edits-customer', {
      userid: 'wangyutong',
      externalUserid: scan.data.externalUserid,
      addTags: [tag.data.tagId],
    });
    assert.equal(edit.status, 200, JSON.stringify(edit.data));
    assert.deepEqual(
      received.slice(-2).map((e) => e.kind),
      ['tag', 'contact'],
    );
    const got = await wecom.externalContacts.get({ external_userid: String(scan.data.externalUserid) });
    assert.equal(got.follow_user[0]?.tags?.[0]?.tag_name, '手冲');
  });

  it('gives each code a real QR image that opens the scan page, where a person adds the member', async () => {
    const wecom = messaging.createWecomClient({
      corpId: demo.corpId,
      secret: demo.secret,
      baseUrl: `${baseUrl}${WECOM_SANDBOX_PATH}`,
    });
    const way = await wecom.contactWays.add({ type: 1, scene: 2, user: ['lijiayi'], state: 'lc_qr' });
    const qrPath = new URL(way.qr_code ?? '').pathname;
    assert.match(qrPath, /^\/sandbox\/wecom\/qr\/contact_way\/[0-9a-f]{32}\.png$/);
    const png = await fetch(`${baseUrl}${qrPath}`);
    assert.equal(png.headers.get('content-type'), 'image/png');
    assert.deepEqual([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    const scanPath = `${WECOM_SANDBOX_PATH}/scan/contact_way/${way.config_id}`;
    const html = await (await fetch(`${baseUrl}${scanPath}`)).text();
    assert.ok(html.includes('企业微信沙箱') && html.includes('添加为好友'));
    const res = await fetch(`${baseUrl}${scanPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"扫码顾客"}',
    });
    const out = (await res.json()) as { userid: string; delivered: string };
    assert.deepEqual([res.status, out.userid, out.delivered], [200, 'lijiayi', 'delivered']);
    const added = received.at(-1);
    assert.ok(added?.kind === 'contact' && added.state === 'lc_qr');
    assert.equal((await fetch(`${baseUrl}${WECOM_SANDBOX_PATH}/qr/contact_way/${'0'.repeat(32)}.png`)).status, 404);
  });

  it('answers bad input with 400 naming the field, and impossible actions with 400 SANDBOX', async () => {
    const bad = await post('/simulate/scan', { configId: '' });
    assert.equal(bad.status, 400);
    assert.match(bad.data.error?.message ?? '', /configId/);
    const missing = await post('/simulate/scan', { configId: 'nope' });
    assert.equal(missing.status, 400);
    assert.equal((missing.data.error as { code?: string }).code, 'SANDBOX');
    const both = await post('/simulate/join-group', { externalUserid: 'wm1', joinWay: 'a', chatId: 'b' });
    assert.equal(both.status, 400);
  });

  it('refuses API calls without a valid access_token, as WeCom does', async () => {
    const res = await fetch(
      `${baseUrl}${WECOM_SANDBOX_PATH}/cgi-bin/externalcontact/get_follow_user_list?access_token=forged`,
    );
    assert.deepEqual(await res.json(), { errcode: 40014, errmsg: 'invalid access_token' });
  });
});

/**
 * GET /api/admin/live-codes/:id/qr: a live code made through the API is a contact way in the demo
 * sandbox, whose `qr_code` image the route reads and draws again as a print file; the file holds the
 * same content (the sandbox scan page). Bad formats and sizes are 400 naming the field; another
 * tenant gets 404.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import * as messaging from '@siyu/core/messaging';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { type DemoWecom, demoWecomOf, WECOM_SANDBOX_PATH } from '../demo/wecom-sandbox';
import { ownerOfNewTenant, testApp } from '../testing';
import { expectInvalid, ok } from './tags.fixtures';

let baseUrl = '';
let demo: DemoWecom;

before(async () => {
  const { app } = await testApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  demo = demoWecomOf(app)!;
});
after(async () => (await testApp()).app.close());

/** A tenant on the sandbox corp with one live code for the member wangyutong. */
async function codeOfNewTenant(name: string) {
  const o = await ownerOfNewTenant();
  await demo.configureTenant(o.tenant.tenantId, baseUrl);
  const roles = ok(await o.agent.get('/api/admin/roles')).items as { id: string; key: string }[];
  const staff = ok(
    await o.agent.post('/api/admin/staff', {
      name: '王雨桐',
      email: `wangyutong@w${randomBytes(4).toString('hex')}.test`,
      roleIds: [roles.find((r) => r.key === 'sales')!.id],
      mode: 'password',
      password: TEST_PASSWORD,
    }),
    201,
  );
  const code = ok(await o.agent.post('/api/admin/live-codes', { name, members: [{ staffId: staff.staff.id }] }), 201);
  assert.ok(code.configId && code.qrCodeUrl, 'the code is on the sandbox');
  return { ...o, code };
}

const contentOf = (bytes: Buffer, type: string) =>
  messaging.readQrContent(`data:${type};base64,${bytes.toString('base64')}`);

describe('live code QR downloads (/api/admin/live-codes/:id/qr)', () => {
  it('answers the code as a branded PNG or SVG of a print size, holding the same content', async () => {
    const o = await codeOfNewTenant('静安寺店 海报');
    const { rt } = await testApp();
    const scanUrl = `${rt.config.publicUrl}${WECOM_SANDBOX_PATH}/scan/contact_way/${o.code.configId}`;
    const url = `/api/admin/live-codes/${o.code.id}/qr`;

    const png = await o.agent.get(`${url}?format=png&size=344&logo=true`);
    assert.equal(png.statusCode, 200, png.body);
    assert.equal(png.headers['content-type'], 'image/png');
    assert.match(
      String(png.headers['content-disposition']),
      /^attachment; filename="[^"]*-344\.png"; filename\*=UTF-8''%E9%9D%99%E5%AE%89%E5%AF%BA%E5%BA%97%20%E6%B5%B7%E6%8A%A5-344\.png$/,
    );
    assert.equal(await contentOf(png.rawPayload, 'image/png'), scanUrl);

    const byDefault = await o.agent.get(url);
    assert.equal(byDefault.statusCode, 200);
    assert.match(String(byDefault.headers['content-disposition']), /-430\.png/);

    const svg = await o.agent.get(`${url}?format=svg&size=1280&logo=false`);
    assert.equal(svg.statusCode, 200, svg.body);
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    assert.match(svg.body, /^<svg [^>]*width="1280" height="1280" viewBox="0 0 \d+ \d+"/);
    assert.ok(!svg.body.includes('<image'));
    const branded = await o.agent.get(`${url}?format=svg&size=258`);
    assert.match(branded.body, /<image [^>]*href="data:image\/png;base64,/);
    assert.equal(await contentOf(svg.rawPayload, 'image/svg+xml'), scanUrl);
  });

  it('refuses a bad format, size or logo flag naming the field', async () => {
    const o = await codeOfNewTenant('参数');
    const url = `/api/admin/live-codes/${o.code.id}/qr`;
    expectInvalid(await o.agent.get(`${url}?format=jpg`), 'format');
    for (const size of ['500', 'abc', '0', '-258', '258.5'])
      expectInvalid(await o.agent.get(`${url}?size=${size}`), 'size');
    expectInvalid(await o.agent.get(`${url}?logo=yes`), 'logo');
    expectInvalid(await o.agent.get('/api/admin/live-codes/not-an-id/qr'), 'id');
  });

  it('answers 404 for a live code of another tenant, and for one that does not exist', async () => {
    const a = await codeOfNewTenant('A 的码');
    const b = await ownerOfNewTenant();
    const res = await b.agent.get(`/api/admin/live-codes/${a.code.id}/qr?format=png&size=258`);
    assert.equal(res.statusCode, 404, res.body);
    assert.equal(res.data.error.code, 'NOT_FOUND');
    const none = await a.agent.get('/api/admin/live-codes/lc_0000000000aaaaaaaaaaaaaaaa/qr');
    assert.equal(none.statusCode, 404);
  });
});

/** "Test connection" against the sandbox over HTTP: every step passes, or the failing one is named. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testClock } from '../../platform';
import { createWecomClient } from './client';
import { testWecomConnection } from './connection';
import { generateCallbackSecrets } from './crypto';
import { createWecomSandbox } from './sandbox/sandbox';
import { type RunningServer, serveOnLoopback } from './sandbox/sandbox-http';
import { createAccessTokenStore } from './tokens';

const CORP = 'wwconnection0001';
const clock = testClock('2026-03-02T02:00:00Z');
const sandbox = createWecomSandbox({
  clock,
  corps: [
    { corpId: CORP, secrets: ['s3cret'], ...generateCallbackSecrets(), staff: [{ userid: 'zhangsan', name: '张三' }] },
  ],
});
let server: RunningServer;
before(async () => {
  server = await serveOnLoopback((req) => sandbox.handle(req));
});
after(() => server.close());

describe('test connection', () => {
  const base = () => server.url;
  const fresh = (secret = 's3cret', corpId = CORP) =>
    createWecomClient({
      corpId,
      secret,
      baseUrl: base(),
      clock,
      tokens: createAccessTokenStore(),
      sleep: async () => {},
    });

  it('passes every step with the right corp id and secret', async () => {
    const out = await testWecomConnection(fresh());
    assert.equal(out.ok, true);
    assert.deepEqual(
      out.steps.map((s) => [s.step, s.ok]),
      [
        ['access_token', true],
        ['customer_contact', true],
        ['corp_tags', true],
      ],
    );
  });

  it('names what failed: corp id, secret, trusted IP, customer-contact permission, an unreachable server', async () => {
    assert.equal((await testWecomConnection(fresh('s3cret', 'wwnobody'))).steps[0]?.problem, 'WRONG_CORP_ID');
    const wrong = await testWecomConnection(fresh('nope'));
    assert.deepEqual(
      [wrong.ok, wrong.steps.length, wrong.steps[0]?.problem, wrong.steps[0]?.errcode],
      [false, 1, 'WRONG_SECRET', 40001],
    );
    sandbox.failNext('/cgi-bin/gettoken', 60020, 1, 'not allow to access from your ip');
    assert.equal((await testWecomConnection(fresh())).steps[0]?.problem, 'IP_NOT_TRUSTED');
    sandbox.failNext('/cgi-bin/externalcontact/get_follow_user_list', 48002, 1, 'api forbidden');
    const perm = await testWecomConnection(fresh());
    assert.deepEqual(
      perm.steps.map((s) => s.problem ?? 'ok'),
      ['ok', 'NO_CUSTOMER_CONTACT_PERMISSION'],
    );
    assert.match(perm.steps[1]?.message ?? '', /可调用接口的应用/);
    const gone = createWecomClient({
      corpId: CORP,
      secret: 's3cret',
      baseUrl: 'http://127.0.0.1:9',
      clock,
      tokens: createAccessTokenStore(),
    });
    assert.equal((await testWecomConnection(gone)).steps[0]?.problem, 'UNREACHABLE');
  });
});

import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { describe, it } from 'node:test';
import { MINUTE, SECOND } from '@siyu/core/platform';
import { createTestTenant } from '@siyu/core/testing';
import type { FastifyInstance } from 'fastify';
import { Agent, type Res, testApp } from '../testing';

const newPhone = () => `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
const expectError = (res: Res, status: number, code: string) => {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.data.error.code, code);
};
const names = (res: Res, field: string) =>
  res.data.error.details.issues.some((i: { path: string }) => i.path === field || i.path.endsWith(`.${field}`));
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** A shopper's browser with its own client IP (the per-IP limits are shared by all tests on one database). */
function browser(app: FastifyInstance) {
  const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  return new Agent({ inject: (o: object) => app.inject({ ...o, remoteAddress: ip }) } as unknown as FastifyInstance);
}

/** A fresh tenant's shop, a browser, and helpers for codes and logins. */
async function shop() {
  const { app, rt, clock } = await testApp();
  const t = await createTestTenant(rt);
  const base = `/api/shop/t/${t.slug}`;
  const agent = browser(app);
  const sendCode = (phone: string, purpose = 'login', a = agent) => a.post(`${base}/auth/sms-code`, { phone, purpose });
  const lastCode = async (phone: string): Promise<string> =>
    (await agent.get(`/api/dev/sms?phone=${phone}`)).data.items[0]?.code;
  const codeFor = async (phone: string, purpose = 'login', a = agent) => {
    const res = await sendCode(phone, purpose, a);
    assert.equal(res.statusCode, 200, res.body);
    return lastCode(phone);
  };
  const login = async (phone: string, a = agent) => {
    const res = await a.post(`${base}/auth/sms-login`, { phone, code: await codeFor(phone, 'login', a) });
    assert.equal(res.statusCode, 200, res.body);
    clock.advance(61 * SECOND); // the next code for this phone may be sent
    return res;
  };
  return { app, clock, t, base, agent, sendCode, lastCode, codeFor, login };
}

describe('shop accounts', () => {
  it('describes the storefront of a slug; an unknown slug is 404', async () => {
    const { app, t, base } = await shop();
    const res = await browser(app).get(`${base}/storefront`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.data, {
      slug: t.slug,
      brandName: `Tenant ${t.slug}`,
      logoUrl: null,
      smsSandboxUrl: `/shop/t/${t.slug}/dev/sms`,
    });
    const unknown = await browser(app).get('/api/shop/t/no-such-shop-here/storefront');
    expectError(unknown, 404, 'NOT_FOUND');
    assert.equal((await browser(app).get('/api/shop/t/Bad_Slug/storefront')).statusCode, 400);
  });

  it('registers a phone on the first SMS login and logs it in again without registering', async () => {
    const { t, base, agent, sendCode, lastCode, clock, login } = await shop();
    const phone = newPhone();
    const sent = await sendCode(phone);
    assert.deepEqual(sent.data, { expiresInSeconds: 300, resendAfterSeconds: 60 });
    const code = await lastCode(phone);
    assert.match(code, /^\d{6}$/);
    const sms = (await agent.get(`/api/dev/sms?phone=${phone}`)).data.items[0];
    assert.equal(sms.tenantSlug, t.slug);
    assert.ok(sms.text.includes(code) && sms.text.includes(`Tenant ${t.slug}`), sms.text);
    const first = await agent.post(`${base}/auth/sms-login`, { phone, code });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.data.registered, true);
    assert.equal(first.data.account.phone, `${phone.slice(0, 3)}****${phone.slice(-4)}`);
    assert.ok(!first.body.includes(phone), 'the full phone number never leaves the server');
    assert.deepEqual(
      { ...first.data.account, id: undefined, createdAt: undefined },
      {
        id: undefined,
        createdAt: undefined,
        phone: first.data.account.phone,
        nickname: null,
        avatarUrl: null,
        gender: 'unknown',
        birthday: null,
        hasPassword: false,
      },
    );
    assert.ok(first.data.csrfToken);
    assert.equal((await agent.get(`${base}/me`)).data.account.id, first.data.account.id);
    clock.advance(61 * SECOND);
    const again = await login(phone);
    assert.equal(again.data.registered, false);
    assert.equal(again.data.account.id, first.data.account.id);
  });

  it('refuses wrong codes (CODE_WRONG); five wrong guesses burn the code; a used code is spent', async () => {
    const { base, agent, codeFor, clock } = await shop();
    const phone = newPhone();
    const code = await codeFor(phone);
    for (let i = 0; i < 5; i++) {
      const wrong = await agent.post(`${base}/auth/sms-login`, { phone, code: otherCode(code) });
      expectError(wrong, 400, 'CODE_WRONG');
      assert.ok(names(wrong, 'code'));
    }
    const burnt = await agent.post(`${base}/auth/sms-login`, { phone, code });
    expectError(burnt, 400, 'CODE_EXPIRED');
    assert.equal((await agent.get(`${base}/me`)).statusCode, 401);
    clock.advance(61 * SECOND);
    const fresh = await codeFor(phone);
    assert.equal((await agent.post(`${base}/auth/sms-login`, { phone, code: fresh })).statusCode, 200);
    const reused = await agent.post(`${base}/auth/sms-login`, { phone, code: fresh });
    assert.equal(reused.data.error.code, 'CODE_EXPIRED');
  });

  it('counts wrong guesses sent at the same time: no more than five are judged', async () => {
    const { base, agent, codeFor } = await shop();
    const phone = newPhone();
    const code = await codeFor(phone);
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        agent.post(`${base}/auth/sms-login`, { phone, code: otherCode(String(Number(code) + i)) }),
      ),
    );
    const judged = guesses.filter((g) => g.data.error?.code === 'CODE_WRONG').length;
    assert.ok(judged <= 5, `${judged} wrong guesses were judged against one code`);
  });

  it('a code expires after 5 minutes', async () => {
    const { base, agent, codeFor, clock } = await shop();
    const phone = newPhone();
    const code = await codeFor(phone);
    clock.advance(6 * MINUTE);
    const late = await agent.post(`${base}/auth/sms-login`, { phone, code });
    expectError(late, 400, 'CODE_EXPIRED');
  });

  it('allows one code per phone per minute (429 with retryAfterSeconds)', async () => {
    const { sendCode, clock, lastCode } = await shop();
    const phone = newPhone();
    assert.equal((await sendCode(phone)).statusCode, 200);
    const first = await lastCode(phone);
    const again = await sendCode(phone);
    expectError(again, 429, 'RATE_LIMITED');
    const wait = again.data.error.details.retryAfterSeconds;
    assert.ok(wait >= 1 && wait <= 60, String(wait));
    assert.equal(again.headers['retry-after'], String(wait));
    assert.equal(await lastCode(phone), first, 'no second message was sent');
    clock.advance(wait * SECOND);
    assert.equal((await sendCode(phone)).statusCode, 200);
  });

  it('validates phone and code formats (400 naming the field)', async () => {
    const { base, agent, sendCode } = await shop();
    for (const bad of ['12345', '23800000000', '1380000000a']) {
      const res = await sendCode(bad);
      assert.equal(res.statusCode, 400, bad);
      assert.ok(names(res, 'phone'), res.body);
    }
    assert.ok(names(await agent.post(`${base}/auth/sms-login`, { phone: '123', code: '123456' }), 'phone'));
    assert.ok(names(await agent.post(`${base}/auth/password-login`, { phone: '123', password: 'x' }), 'phone'));
    const code = await agent.post(`${base}/auth/sms-login`, { phone: newPhone(), code: '12ab56' });
    assert.equal(code.statusCode, 400);
    assert.ok(names(code, 'code'));
  });

  it('answers me and changes the profile; a bad birthday is 400 naming birthday', async () => {
    const { base, agent, login } = await shop();
    const phone = newPhone();
    const { data } = await login(phone);
    const me = await agent.get(`${base}/me`);
    assert.equal(me.statusCode, 200);
    assert.deepEqual(me.data.account, data.account);
    const profile = { nickname: '小鹿', gender: 'female', birthday: '1995-06-01' };
    const upd = await agent.patch(`${base}/me`, profile);
    assert.equal(upd.statusCode, 200, upd.body);
    assert.deepEqual(upd.data, { ...data.account, ...profile });
    assert.deepEqual((await agent.get(`${base}/me`)).data.account, { ...data.account, ...profile });
    for (const birthday of ['1995/06/01', 'yesterday']) {
      const bad = await agent.patch(`${base}/me`, { birthday });
      assert.equal(bad.statusCode, 400, birthday);
      assert.ok(names(bad, 'birthday'), bad.body);
    }
    assert.equal((await agent.patch(`${base}/me`, { gender: 'other' })).statusCode, 400);
    assert.deepEqual((await agent.patch(`${base}/me`, { nickname: null })).data.nickname, null);
  });

  it('refuses an impossible calendar date as birthday with 400, not 500', async () => {
    const { base, agent, login } = await shop();
    await login(newPhone());
    const bad = await agent.patch(`${base}/me`, { birthday: '1995-02-30' });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.ok(names(bad, 'birthday'), bad.body);
  });

  it('sets a password, logs in with it, and changes it only with the current one', async () => {
    const { app, base, agent, login } = await shop();
    const phone = newPhone();
    await login(phone);
    assert.deepEqual((await agent.post(`${base}/me/password`, { newPassword: 'shop-pass-1' })).data, { ok: true });
    assert.equal((await agent.get(`${base}/me`)).data.account.hasPassword, true);
    const other = browser(app);
    const ok = await other.post(`${base}/auth/password-login`, { phone, password: 'shop-pass-1' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.data.account.hasPassword, true);
    assert.equal((await other.get(`${base}/me`)).statusCode, 200);
    for (const attempt of [
      { phone, password: 'wrong-pass-1' },
      { phone: newPhone(), password: 'shop-pass-1' },
    ]) {
      const bad = await browser(app).post(`${base}/auth/password-login`, attempt);
      expectError(bad, 401, 'INVALID_CREDENTIALS');
    }
    const noCurrent = await agent.post(`${base}/me/password`, { newPassword: 'shop-pass-2' });
    assert.equal(noCurrent.statusCode, 400);
    assert.ok(names(noCurrent, 'currentPassword'));
    const wrongCurrent = await agent.post(`${base}/me/password`, {
      currentPassword: 'nope-nope',
      newPassword: 'shop-pass-2',
    });
    assert.equal(wrongCurrent.statusCode, 400);
    assert.equal(
      (await agent.post(`${base}/me/password`, { currentPassword: 'shop-pass-1', newPassword: 'shop-pass-2' }))
        .statusCode,
      200,
    );
    assert.equal(
      (await browser(app).post(`${base}/auth/password-login`, { phone, password: 'shop-pass-1' })).statusCode,
      401,
    );
    assert.equal(
      (await browser(app).post(`${base}/auth/password-login`, { phone, password: 'shop-pass-2' })).statusCode,
      200,
    );
  });

  it('resets the password with a reset_password code, ending the other sessions', async () => {
    const { app, base, agent, login, codeFor, sendCode, lastCode, clock } = await shop();
    const phone = newPhone();
    await login(phone);
    const loginCode = await codeFor(phone, 'login');
    clock.advance(61 * SECOND);
    const misuse = await agent.post(`${base}/auth/reset-password`, {
      phone,
      code: loginCode,
      newPassword: 'reset-pass-1',
    });
    assert.equal(misuse.statusCode, 400, 'a login code does not reset passwords');
    const stranger = newPhone();
    assert.equal((await sendCode(stranger, 'reset_password')).statusCode, 200, 'unknown phones get the same answer');
    assert.equal(await lastCode(stranger), undefined, 'but no message');
    const reset = browser(app);
    const code = await codeFor(phone, 'reset_password', reset);
    assert.equal(code === loginCode, false);
    const res = await reset.post(`${base}/auth/reset-password`, { phone, code, newPassword: 'reset-pass-1' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.data.account.hasPassword, true);
    assert.equal((await reset.get(`${base}/me`)).statusCode, 200);
    assert.equal((await agent.get(`${base}/me`)).statusCode, 401, 'the old session ended');
    assert.equal(
      (await browser(app).post(`${base}/auth/password-login`, { phone, password: 'reset-pass-1' })).statusCode,
      200,
    );
  });

  it('logs out (me → 401), demands the csrf token on writes, and keeps sessions inside their tenant', async () => {
    const { app, rt } = await testApp();
    const { base, agent, login } = await shop();
    await login(newPhone());
    const token = agent.csrf;
    agent.csrf = null;
    assert.equal((await agent.patch(`${base}/me`, { nickname: 'x' })).statusCode, 403);
    assert.equal((await agent.post(`${base}/auth/logout`)).statusCode, 403);
    agent.csrf = 'wrong-token';
    assert.equal((await agent.post(`${base}/me/password`, { newPassword: 'shop-pass-1' })).statusCode, 403);
    agent.csrf = token;
    assert.equal((await agent.get(`${base}/me`)).data.account.nickname, null, 'refused writes changed nothing');
    assert.equal((await agent.get(`${base}/me`)).data.account.hasPassword, false);

    const other = `/api/shop/t/${(await createTestTenant(rt)).slug}`;
    assert.equal((await agent.get(`${other}/me`)).statusCode, 401);
    assert.equal((await agent.patch(`${other}/me`, { nickname: 'x' })).statusCode, 401);
    assert.equal((await browser(app).get(`${base}/me`)).statusCode, 401);

    assert.deepEqual((await agent.post(`${base}/auth/logout`)).data, { ok: true });
    assert.equal((await agent.get(`${base}/me`)).statusCode, 401);
  });
});

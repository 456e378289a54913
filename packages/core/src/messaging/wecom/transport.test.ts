/**
 * Access tokens and the transport against a fake WeCom on 127.0.0.1: one token fetch for many
 * concurrent callers, reuse until expiry minus the margin, one refresh (and one retry) on
 * 40014/42001, backoff on 45009/45033, typed errors for the rest.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { MINUTE, testClock } from '../../platform';
import { createWecomClient } from './client';
import { WecomError } from './errors';
import { WECOM_LIMITS } from './limits';
import { type RunningServer, serveOnLoopback } from './sandbox/sandbox-http';
import { createAccessTokenStore } from './tokens';

const clock = testClock('2026-03-01T02:00:00Z');
let server: RunningServer;
let tokenFetches = 0;
let issued = 0;
let valid = new Set<string>();
/** Answers queued for the next calls of the API path (after token checks). */
let queue: Record<string, unknown>[] = [];
let apiCalls = 0;
let tokenDelayMs = 0;

before(async () => {
  server = await serveOnLoopback(async (req) => {
    const url = new URL(req.path, 'http://x');
    if (url.pathname === '/cgi-bin/gettoken') {
      tokenFetches++;
      await new Promise((r) => setTimeout(r, tokenDelayMs));
      if (url.searchParams.get('corpsecret') !== 'right')
        return { status: 200, body: '{"errcode":40001,"errmsg":"invalid secret"}' };
      const t = `tok${++issued}`;
      valid.add(t);
      return { status: 200, body: JSON.stringify({ errcode: 0, errmsg: 'ok', access_token: t, expires_in: 7200 }) };
    }
    apiCalls++;
    if (!valid.has(url.searchParams.get('access_token') ?? ''))
      return { status: 200, body: '{"errcode":40014,"errmsg":"invalid access_token"}' };
    const next = queue.shift() ?? { errcode: 0, errmsg: 'ok', follow_user: ['zhangsan'] };
    if (next.httpStatus) return { status: Number(next.httpStatus), body: 'oops' };
    return { status: 200, body: JSON.stringify(next) };
  });
});
after(() => server.close());
beforeEach(() => {
  tokenFetches = 0;
  apiCalls = 0;
  queue = [];
  valid = new Set();
  tokenDelayMs = 0;
});

const sleeps: number[] = [];
const client = (secret = 'right') =>
  createWecomClient({
    corpId: 'ww1',
    secret,
    baseUrl: server.url,
    clock,
    tokens: createAccessTokenStore(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
const code = (c: string) => (e: unknown) => e instanceof WecomError && e.code === c;

describe('access tokens', () => {
  it('shares one fetch among 20 concurrent callers, then reuses the token', async () => {
    tokenDelayMs = 50;
    const c = client();
    const out = await Promise.all(Array.from({ length: 20 }, () => c.externalContacts.followUsers()));
    assert.equal(out.length, 20);
    assert.deepEqual(out[0]?.follow_user, ['zhangsan']);
    assert.equal(tokenFetches, 1);
    await c.externalContacts.followUsers();
    assert.equal(tokenFetches, 1);
  });

  it('fetches a new token once the old one is within the margin of its expiry', async () => {
    const c = client();
    await c.accessToken();
    clock.advance(7200 * 1000 - WECOM_LIMITS.accessToken.refreshMarginMs - MINUTE);
    await c.accessToken();
    assert.equal(tokenFetches, 1);
    clock.advance(2 * MINUTE);
    assert.equal(await c.accessToken(), `tok${issued}`);
    assert.equal(tokenFetches, 2);
  });

  it('on 40014 drops the token, refreshes once for all concurrent callers, and retries each call once', async () => {
    const c = client();
    await c.accessToken();
    valid.clear(); // WeCom revoked it
    const out = await Promise.all(Array.from({ length: 10 }, () => c.externalContacts.followUsers()));
    assert.equal(out.length, 10);
    assert.equal(tokenFetches, 2);
    assert.equal(apiCalls, 20);
  });

  it('gives up after one retry when the fresh token is refused too', async () => {
    const c = client();
    queue = [
      { errcode: 42001, errmsg: 'access_token expired' },
      { errcode: 42001, errmsg: 'access_token expired' },
    ];
    await assert.rejects(c.externalContacts.followUsers(), code('TOKEN_EXPIRED'));
    assert.equal(tokenFetches, 2);
  });

  it('reports a wrong secret as INVALID_CREDENTIALS with errcode and errmsg', async () => {
    await assert.rejects(client('wrong').externalContacts.followUsers(), (e) => {
      assert.ok(e instanceof WecomError);
      assert.equal(e.code, 'INVALID_CREDENTIALS');
      assert.equal(e.errcode, 40001);
      assert.equal(e.errmsg, 'invalid secret');
      return true;
    });
  });
});

describe('errors and retries', () => {
  it('retries 45009 and 45033 with growing backoff, then succeeds', async () => {
    sleeps.length = 0;
    queue = [
      { errcode: 45009, errmsg: 'api freq out of limit' },
      { errcode: 45033, errmsg: 'api concurrent out of limit' },
    ];
    const out = await client().externalContacts.followUsers();
    assert.deepEqual(out.follow_user, ['zhangsan']);
    assert.equal(sleeps.length, 2);
    assert.ok((sleeps[1] ?? 0) > (sleeps[0] ?? 0) / 2);
  });

  it('stops after the configured attempts and keeps the errcode', async () => {
    queue = Array.from({ length: 10 }, () => ({ errcode: 45009, errmsg: 'api freq out of limit' }));
    await assert.rejects(
      client().externalContacts.followUsers(),
      (e) => e instanceof WecomError && e.code === 'RATE_LIMITED' && e.errcode === 45009 && e.retryable,
    );
    assert.equal(apiCalls, WECOM_LIMITS.retry.attempts + 1);
  });

  it('maps documented codes, keeps unknown ones as REJECTED, never retries them', async () => {
    queue = [{ errcode: 60020, errmsg: 'not allow to access from your ip' }];
    await assert.rejects(client().externalContacts.followUsers(), code('IP_NOT_ALLOWED'));
    queue = [{ errcode: 41051, errmsg: 'externaluser has started chatting' }];
    await assert.rejects(
      client().welcome.send({ welcome_code: 'x', text: { content: 'hi' } }),
      code('WELCOME_ALREADY_SENT'),
    );
    queue = [{ errcode: 99999, errmsg: 'new' }];
    await assert.rejects(
      client().externalContacts.followUsers(),
      (e) => e instanceof WecomError && e.code === 'REJECTED' && !e.retryable,
    );
    assert.equal(apiCalls, 3);
  });

  it('refuses bad input before sending, naming the field', async () => {
    await assert.rejects(
      client().contactWays.add({ type: 1, scene: 2, state: 'x'.repeat(31), user: ['a'] }),
      (e) => e instanceof WecomError && e.code === 'INVALID_INPUT' && /state/.test(e.message),
    );
    assert.equal(apiCalls, 0);
  });

  it('reports HTTP failures as UNAVAILABLE and wrong shapes as MALFORMED_RESPONSE', async () => {
    queue = [{ httpStatus: 502 }];
    await assert.rejects(client().externalContacts.followUsers(), code('UNAVAILABLE'));
    queue = [{ errcode: 0, errmsg: 'ok', follow_user: 'not a list' }];
    await assert.rejects(client().externalContacts.followUsers(), code('MALFORMED_RESPONSE'));
  });
});

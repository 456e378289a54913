/**
 * The real SMS clients talking to the sandbox over 127.0.0.1: delivery, signature and clock checks,
 * approved sign names and templates, per-number limits, and provider codes mapped to typed errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testClock } from '../../platform';
import { type RunningServer, serveOnLoopback } from '../wecom/sandbox/sandbox-http';
import { createAliyunSms } from './aliyun-sms';
import { SmsError } from './sms-errors';
import { createSmsSandbox } from './sms-sandbox';
import type { SmsSender, TemplateSms } from './sms-sender';
import { createTencentSms } from './tencent-sms';

const clock = testClock('2026-11-22T10:00:00Z');
// biome-ignore lint/suspicious/noTemplateCurlyInString: Aliyun's template syntax
const templates = [{ code: 'SMS_100', text: '您的验证码为${code}，5分钟内有效。', params: ['code'] }];
const sandbox = createSmsSandbox({
  clock,
  accounts: [
    { provider: 'aliyun', keyId: 'LTAI-test', secret: 'ali-secret', signNames: ['思域商城'], templates },
    {
      provider: 'tencent',
      keyId: 'AKID-test',
      secret: 'tc-secret',
      sdkAppId: '1400000001',
      signNames: ['思域商城'],
      templates: [{ ...templates[0]!, code: '100' }],
    },
  ],
});
let server: RunningServer;
before(async () => {
  server = await serveOnLoopback((req) => sandbox.handle(req));
});
after(() => server.close());

const aliyun = (over: Partial<Parameters<typeof createAliyunSms>[0]> = {}) =>
  createAliyunSms({
    accessKeyId: 'LTAI-test',
    accessKeySecret: 'ali-secret',
    endpoint: `${server.url}/sandbox/sms/aliyun/`,
    clock,
    ...over,
  });
const tencent = (over: Partial<Parameters<typeof createTencentSms>[0]> = {}) =>
  createTencentSms({
    secretId: 'AKID-test',
    secretKey: 'tc-secret',
    sdkAppId: '1400000001',
    endpoint: `${server.url}/sandbox/sms/tencent/`,
    clock,
    ...over,
  });
const sms = (phone: string, over: Partial<TemplateSms> = {}): TemplateSms => ({
  phone,
  signName: '思域商城',
  templateCode: 'SMS_100',
  params: { code: '123456' },
  paramOrder: ['code'],
  reference: 'msg_1',
  ...over,
});

async function rejects(p: Promise<unknown>, kind: string, code: string) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof SmsError, String(e));
    assert.equal(e.kind, kind);
    assert.equal(e.providerCode, code);
    return true;
  });
}

describe('Aliyun SendSms against the sandbox', () => {
  it('delivers a template message with the rendered text and a BizId', async () => {
    const sent = await aliyun().send(sms('13800000001'));
    assert.match(sent.messageId, /\^0$/);
    const [m] = sandbox.messages({ phone: '13800000001' });
    assert.equal(m?.text, '【思域商城】您的验证码为123456，5分钟内有效。');
    assert.equal(m?.reference, 'msg_1');
  });

  it('refuses wrong keys, a stale clock and a replayed nonce', async () => {
    await rejects(aliyun({ accessKeySecret: 'wrong' }).send(sms('13800000002')), 'AUTH', 'SignatureDoesNotMatch');
    await rejects(aliyun({ accessKeyId: 'nobody' }).send(sms('13800000002')), 'AUTH', 'InvalidAccessKeyId.NotFound');
    const late = { now: () => new Date(clock.now().getTime() - 16 * 60_000) };
    await rejects(aliyun({ clock: late }).send(sms('13800000002')), 'AUTH', 'InvalidTimeStamp.Expired');
    const fixed = aliyun({ nonce: () => 'same-nonce' });
    await fixed.send(sms('13800000003'));
    await rejects(fixed.send(sms('13800000004')), 'AUTH', 'SignatureNonceUsed');
  });

  it('maps business errors: number, sign name, template, variables, frequency', async () => {
    const a = aliyun();
    await rejects(a.send(sms('12345')), 'INVALID_PHONE', 'isv.MOBILE_NUMBER_ILLEGAL');
    await rejects(a.send(sms('13800000005', { signName: '别家' })), 'SIGN_NAME', 'isv.SMS_SIGNATURE_ILLEGAL');
    await rejects(a.send(sms('13800000005', { templateCode: 'SMS_9' })), 'TEMPLATE', 'isv.SMS_TEMPLATE_ILLEGAL');
    await rejects(
      a.send(sms('13800000005', { params: {}, paramOrder: ['x'] })),
      'TEMPLATE_PARAMS',
      'isv.TEMPLATE_MISSING_PARAMETERS',
    );
    await a.send(sms('13800000006'));
    const limited = a.send(sms('13800000006')).catch((e: unknown) => e);
    const e = (await limited) as SmsError;
    assert.equal(e.providerCode, 'isv.BUSINESS_LIMIT_CONTROL');
    assert.equal(e.kind, 'RATE_LIMITED');
    assert.ok(e.retryable);
  });
});

describe('Tencent SendSms against the sandbox', () => {
  const t = () => tencent();
  const tsms = (phone: string, over: Partial<TemplateSms> = {}) => sms(phone, { templateCode: '100', ...over });

  it('delivers to an E.164 number and answers a SerialNo', async () => {
    const sent = await t().send(tsms('13900000001'));
    assert.match(sent.messageId, /^2433:/);
    assert.equal(sandbox.messages({ phone: '13900000001' })[0]?.phone, '+8613900000001');
  });

  it('refuses a wrong key, an unknown SecretId, an old timestamp and a wrong app', async () => {
    await rejects(tencent({ secretKey: 'x' }).send(tsms('13900000002')), 'AUTH', 'AuthFailure.SignatureFailure');
    await rejects(tencent({ secretId: 'AKID-no' }).send(tsms('13900000002')), 'AUTH', 'AuthFailure.SecretIdNotFound');
    const late = { now: () => new Date(clock.now().getTime() - 6 * 60_000) };
    await rejects(tencent({ clock: late }).send(tsms('13900000002')), 'AUTH', 'AuthFailure.SignatureExpire');
    await rejects(
      tencent({ sdkAppId: '1400000009' }).send(tsms('13900000002')),
      'AUTH',
      'UnauthorizedOperation.SmsSdkAppIdVerifyFail',
    );
  });

  it('maps template, number and frequency codes; the daily limit is its own kind', async () => {
    const c: SmsSender = t();
    await rejects(
      c.send(tsms('13900000003', { templateCode: '7' })),
      'TEMPLATE',
      'FailedOperation.TemplateIncorrectOrUnapproved',
    );
    await rejects(c.send(tsms('+1555', {})), 'INVALID_PHONE', 'InvalidParameterValue.IncorrectPhoneNumber');
    await c.send(tsms('13900000004'));
    await rejects(c.send(tsms('13900000004')), 'RATE_LIMITED', 'LimitExceeded.PhoneNumberThirtySecondLimit');
    for (let i = 0; i < 4; i++) {
      clock.advance(31 * 60_000);
      await c.send(tsms('13900000007'));
    }
    clock.advance(31 * 60_000);
    await c.send(tsms('13900000007'));
    for (let i = 0; i < 4; i++) {
      clock.advance(61 * 60_000);
      await c.send(tsms('13900000007'));
    }
    clock.advance(61 * 60_000);
    await c.send(tsms('13900000007')); // the 10th of the day
    clock.advance(61 * 60_000);
    await rejects(c.send(tsms('13900000007')), 'DAILY_LIMIT', 'LimitExceeded.PhoneNumberDailyLimit');
  });

  it('tells an unreachable endpoint apart (NETWORK, retryable)', async () => {
    await rejects(tencent({ endpoint: 'http://127.0.0.1:9/' }).send(tsms('13900000005')), 'NETWORK', 'UNREACHABLE');
  });
});

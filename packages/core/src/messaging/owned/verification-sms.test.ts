/**
 * Shop verification codes through the tenant's SMS settings: sent with the verify_code template over
 * the sandbox (real Aliyun client), logged with the code masked; 409 SMS_NOT_CONFIGURED outside demo
 * mode when the tenant has no usable settings; demo mode keeps the dev recorder; provider refusals
 * mapped to 4xx/503; a verify_code template without ${code} is refused when saved.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomInt } from 'node:crypto';
import type { SmsMessage, SmsProvider } from '../../platform';
import { createTestTenant, testRuntime } from '../../testing';
import { type RunningServer, serveOnLoopback } from '../wecom/sandbox/sandbox-http';
import { listOwnedMessages } from './messages.service';
import { createSmsSandbox } from './sms-sandbox';
import { saveSandboxSmsSettings, updateSmsSettings } from './sms-settings.service';
import { tenantSmsProvider } from './verification-sms';

const { rt, clock } = await testRuntime();
// biome-ignore lint/suspicious/noTemplateCurlyInString: Aliyun's template syntax
const CODE_TEXT = '您的验证码为${code}，${minutes}分钟内有效。';
// biome-ignore lint/suspicious/noTemplateCurlyInString: Aliyun's template syntax
const SHIPPED_TEXT = '订单${order}已发货';
const sandbox = createSmsSandbox({
  clock,
  accounts: [
    {
      provider: 'aliyun',
      keyId: 'LTAI-verify',
      secret: 'verify-secret',
      signNames: ['思域'],
      templates: [
        { code: 'SMS_7', text: CODE_TEXT, params: ['code', 'minutes'] },
        { code: 'SMS_8', text: SHIPPED_TEXT, params: ['order'] },
      ],
    },
  ],
});
let server: RunningServer;
before(async () => {
  server = await serveOnLoopback((req) => sandbox.handle(req));
});
after(() => server.close());

const phone = () => `137${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
const codeTemplate = {
  key: 'verify_code',
  name: '验证码',
  code: 'SMS_7',
  params: ['code', 'minutes'],
  text: CODE_TEXT,
};
const shippedTemplate = { key: 'order_shipped', name: '发货', code: 'SMS_8', params: ['order'], text: SHIPPED_TEXT };

async function tenant(templates = [{ ...codeTemplate, marketing: false }]) {
  const t = await createTestTenant(rt);
  await saveSandboxSmsSettings(t.ctx, {
    provider: 'aliyun',
    keyId: 'LTAI-verify',
    keySecret: 'verify-secret',
    endpoint: `${server.url}/sandbox/sms/aliyun/`,
    signName: '思域',
    templates,
  });
  return t;
}

/** A recorder standing in for the runtime's dev provider. */
function recorder() {
  const sent: SmsMessage[] = [];
  const p: SmsProvider = { name: 'rec', send: async (m) => void sent.push(m) };
  return { p, sent };
}
const env = (mode: 'demo' | 'production') => ({
  mode,
  ctx: (tenantId: string) => rt.ctx({ tenantId, actor: { kind: 'system' as const, name: 'test' } }),
});
const message = (tenantId: string, to: string, code = '123456'): SmsMessage => ({
  tenantId,
  tenantSlug: 'x',
  phone: to,
  code,
  text: `【X】您的登录验证码是 ${code}，5 分钟内有效。`,
});

describe('verification codes through the tenant SMS settings', () => {
  it('sends the code with the verify_code template and logs it masked', async () => {
    const t = await tenant();
    const to = phone();
    const rec = recorder();
    await tenantSmsProvider(env('production'), rec.p).send(message(t.tenantId, to, '654321'));
    assert.equal(rec.sent.length, 0, 'no dev recorder outside demo mode');
    const got = sandbox.messages({ phone: to });
    assert.equal(got.length, 1);
    assert.equal(got[0]!.text, '【思域】您的验证码为654321，5分钟内有效。');
    const log = await listOwnedMessages(t.ctx, { limit: 10 });
    const row = log.items.find((m) => m.recipient.endsWith(to.slice(-4)) || m.recipient === to);
    assert.ok(row, JSON.stringify(log.items));
    assert.equal(row.purpose, 'code');
    assert.equal(row.status, 'sent');
    assert.equal(row.templateKey, 'verify_code');
    assert.ok(!JSON.stringify(log).includes('654321'), 'the code never appears in the log');
    assert.ok(row.body.includes('******'));
  });

  it('answers 409 SMS_NOT_CONFIGURED outside demo mode: nothing set up, switched off, or no verify_code template', async () => {
    const bare = await createTestTenant(rt);
    const prod = tenantSmsProvider(env('production'), recorder().p);
    await assert.rejects(prod.send(message(bare.tenantId, phone())), { status: 409, code: 'SMS_NOT_CONFIGURED' });
    const noTemplate = await tenant([{ ...shippedTemplate, marketing: false }]);
    await assert.rejects(prod.send(message(noTemplate.tenantId, phone())), (e: Error & { code: string }) => {
      assert.equal(e.code, 'SMS_NOT_CONFIGURED');
      assert.match(e.message, /verify_code/);
      return true;
    });
  });

  it('demo mode keeps the dev recorder, alone when the tenant has no settings and beside the tenant provider', async () => {
    const bare = await createTestTenant(rt);
    const rec = recorder();
    const demo = tenantSmsProvider(env('demo'), rec.p);
    await demo.send(message(bare.tenantId, phone()));
    assert.equal(rec.sent.length, 1);
    const t = await tenant();
    const to = phone();
    await demo.send(message(t.tenantId, to, '111222'));
    assert.equal(rec.sent.length, 2);
    assert.equal(sandbox.messages({ phone: to }).length, 1);
  });

  it('maps the provider refusing a second code within a minute to 429', async () => {
    const t = await tenant();
    const to = phone();
    const prod = tenantSmsProvider(env('production'), recorder().p);
    await prod.send(message(t.tenantId, to));
    await assert.rejects(prod.send(message(t.tenantId, to)), { status: 429, code: 'RATE_LIMITED' });
  });

  it('refuses a verify_code template without ${code} or with other variables when the settings are saved', async () => {
    const t = await tenant();
    const input = {
      enabled: false,
      provider: 'aliyun' as const,
      signName: '思域',
      templates: [{ ...shippedTemplate, key: 'verify_code', marketing: false }],
    };
    await assert.rejects(updateSmsSettings(t.ctx, input, { publicUrl: 'https://x.test' }), (e: Error) => {
      assert.match(e.message, /^templates\.0\.params: .*\$\{code\}/);
      return true;
    });
  });
});

/**
 * sendOwned end to end on the real clients: SMS through the sandbox over 127.0.0.1, email through a
 * local SMTP server; consent honoured (refused and recorded), idempotency, retry after a retryable
 * failure, unsubscribe links and SMS "T" replies, secrets sealed at rest, tenant isolation of the log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createCustomer, reachabilityOf, setConsent } from '../../customers';
import { createTestTenant, testRuntime } from '../../testing';
import { type RunningServer, serveOnLoopback } from '../wecom/sandbox/sandbox-http';
import { saveSandboxEmailSettings } from './email-settings.service';
import { listOwnedMessages } from './messages.service';
import { channelSettings } from './owned.tables';
import { sendOwned } from './send.service';
import { createSmsSandbox } from './sms-sandbox';
import { saveSandboxSmsSettings } from './sms-settings.service';
import { type SmtpSandbox, startSmtpSandbox } from './smtp-sandbox';
import { testEmail, testSms } from './test-send.service';
import { handleSmsReplies, unsubscribeByLink } from './unsubscribe.service';

const { rt, clock } = await testRuntime();
const PUBLIC = 'https://siyu.test';
const opts = { publicUrl: PUBLIC };
// biome-ignore lint/suspicious/noTemplateCurlyInString: Aliyun's template syntax
const CODE_TEXT = '您的验证码为${code}，5分钟内有效。';
// biome-ignore lint/suspicious/noTemplateCurlyInString: our variable syntax
const HTML_BODY = '<p>Hi ${name}</p>';
// biome-ignore lint/suspicious/noTemplateCurlyInString: our variable syntax
const NEWS = { subject: '${name}，新品上市', text: '你好 ${name}' };
const sandbox = createSmsSandbox({
  clock,
  accounts: [
    {
      provider: 'aliyun',
      keyId: 'LTAI-owned',
      secret: 'owned-secret',
      signNames: ['思域'],
      templates: [{ code: 'SMS_1', text: CODE_TEXT, params: ['code'] }],
    },
  ],
});
let server: RunningServer;
let smtp: SmtpSandbox;
before(async () => {
  server = await serveOnLoopback((req) => sandbox.handle(req));
  smtp = await startSmtpSandbox();
});
after(async () => {
  await server.close();
  await smtp.close();
});

let n = 0;
const phone = () => `135${String(Date.now() + n++).slice(-8)}`;

async function tenantWithChannels() {
  const t = await createTestTenant(rt);
  await saveSandboxSmsSettings(t.ctx, {
    provider: 'aliyun',
    keyId: 'LTAI-owned',
    keySecret: 'owned-secret',
    endpoint: `${server.url}/sandbox/sms/aliyun/`,
    signName: '思域',
    templates: [
      { key: 'login_code', name: '验证码', code: 'SMS_1', params: ['code'], text: CODE_TEXT, marketing: false },
    ],
  });
  await saveSandboxEmailSettings(t.ctx, {
    host: smtp.host,
    port: smtp.port,
    fromAddress: 'shop@siyu.test',
    fromName: '思域商城',
  });
  return t;
}

describe('sendOwned', () => {
  it('sends an SMS through the tenant provider, records it and is idempotent on the key', async () => {
    const t = await tenantWithChannels();
    const p = phone();
    const c = await createCustomer(t.ctx, { name: '张三', phone: p });
    const input = {
      channel: 'sms' as const,
      customerId: c.id,
      templateKey: 'login_code',
      variables: { code: '4321' },
      idempotencyKey: 'k-1',
    };
    const row = await sendOwned(t.ctx, input, opts);
    assert.equal(row.status, 'sent', row.errorMessage ?? '');
    assert.equal(row.body, '【思域】您的验证码为4321，5分钟内有效。');
    assert.equal(row.provider, 'aliyun');
    assert.ok(row.providerMessageId);
    assert.equal(sandbox.messages({ phone: p }).length, 1);
    const again = await sendOwned(t.ctx, input, opts);
    assert.equal(again.id, row.id);
    assert.equal(sandbox.messages({ phone: p }).length, 1, 'not sent twice');
  });

  it('refuses (and records) a send to a customer who opted out, or who has no address', async () => {
    const t = await tenantWithChannels();
    const p = phone();
    const c = await createCustomer(t.ctx, { name: '李四', phone: p });
    await setConsent(t.ctx, c.id, { channel: 'sms', status: 'opt_out', source: 'staff' });
    const row = await sendOwned(
      t.ctx,
      { channel: 'sms', customerId: c.id, templateKey: 'login_code', variables: { code: '1' } },
      opts,
    );
    assert.equal(row.status, 'refused');
    assert.equal(row.errorKind, 'OPTED_OUT');
    assert.equal(sandbox.messages({ phone: p }).length, 0);
    const noMail = await sendOwned(t.ctx, { channel: 'email', customerId: c.id, subject: 'Hi', text: 'x' }, opts);
    assert.equal(noMail.errorKind, 'NO_ADDRESS');
  });

  it('fails typed before calling the provider: unknown template, missing variable, channel not configured; retries after', async () => {
    const bare = await createTestTenant(rt);
    const c = await createCustomer(bare.ctx, { name: '王五', phone: phone() });
    const key = {
      channel: 'sms' as const,
      customerId: c.id,
      templateKey: 'login_code',
      variables: { code: '9' },
      idempotencyKey: 'retry-1',
    };
    const first = await sendOwned(bare.ctx, key, opts);
    assert.equal(first.errorKind, 'NOT_CONFIGURED');
    await saveSandboxSmsSettings(bare.ctx, {
      provider: 'aliyun',
      keyId: 'LTAI-owned',
      keySecret: 'owned-secret',
      endpoint: `${server.url}/sandbox/sms/aliyun/`,
      signName: '思域',
      templates: [{ key: 'login_code', name: 'x', code: 'SMS_1', params: ['code'], text: CODE_TEXT, marketing: false }],
    });
    const second = await sendOwned(bare.ctx, key, opts);
    assert.equal(second.id, first.id);
    assert.equal(second.status, 'sent');
    assert.equal(second.attempts, 1);
    const unknown = await sendOwned(bare.ctx, { ...key, idempotencyKey: undefined, templateKey: 'nope' }, opts);
    assert.equal(unknown.errorKind, 'TEMPLATE_UNKNOWN');
    const missing = await sendOwned(bare.ctx, { ...key, idempotencyKey: undefined, variables: {} }, opts);
    assert.equal(missing.errorKind, 'TEMPLATE_PARAMS');
  });

  it('emails with a List-Unsubscribe link that opts the customer out of email', async () => {
    const t = await tenantWithChannels();
    const to = `buyer${n++}@example.com`;
    const c = await createCustomer(t.ctx, { name: '赵六', email: to });
    const row = await sendOwned(
      t.ctx,
      {
        channel: 'email',
        customerId: c.id,
        ...NEWS,
        variables: { name: '赵六' },
      },
      opts,
    );
    assert.equal(row.status, 'sent', row.errorMessage ?? '');
    const [mail] = smtp.mails({ to });
    assert.equal(mail?.subject, '赵六，新品上市');
    assert.equal(mail?.html, null, 'text only when no html is given');
    assert.match(mail?.text ?? '', /你好 赵六/);
    assert.equal(mail?.listUnsubscribePost, 'List-Unsubscribe=One-Click');
    const link = /https:\/\/siyu\.test\/unsubscribe\/([^/]+)\/([^>\s]+)/.exec(mail?.listUnsubscribe ?? '');
    assert.ok(link, mail?.listUnsubscribe ?? 'no header');
    assert.equal(link[1], t.tenantId);
    const other = await tenantWithChannels();
    await assert.rejects(unsubscribeByLink(other.ctx, link[2]!), /not found/, 'another tenant cannot use the link');
    await assert.rejects(unsubscribeByLink(t.ctx, `${link[2]!.slice(0, -2)}AA`), /not found/, 'tampered');
    await unsubscribeByLink(t.ctx, link[2]!);
    assert.equal((await reachabilityOf(t.ctx, c.id, 'email')).consent, 'opt_out');
    const refused = await sendOwned(t.ctx, { channel: 'email', customerId: c.id, subject: 'x', text: 'y' }, opts);
    assert.equal(refused.errorKind, 'OPTED_OUT');
  });

  it('fills variables into an HTML body as text, with the unsubscribe link', async () => {
    const t = await tenantWithChannels();
    const to = `html${n++}@example.com`;
    const c = await createCustomer(t.ctx, { name: 'x', email: to });
    const row = await sendOwned(
      t.ctx,
      {
        channel: 'email',
        customerId: c.id,
        subject: 'Hi',
        text: 'Hi',
        html: HTML_BODY,
        variables: { name: '<b>x</b>' },
      },
      opts,
    );
    assert.equal(row.status, 'sent');
    const html = smtp.mails({ to })[0]?.html ?? '';
    assert.match(html, /<p>Hi &lt;b&gt;x&lt;\/b&gt;<\/p>/);
    assert.match(html, /href="https:\/\/siyu\.test\/unsubscribe\//);
  });

  it('an SMS reply "T" on the tenant reply URL opts the number out of SMS', async () => {
    const t = await tenantWithChannels();
    const p = phone();
    const c = await createCustomer(t.ctx, { name: '孙七', phone: p });
    const [row] = await rt.db
      .select()
      .from(channelSettings)
      .where(and(eq(channelSettings.tenantId, t.tenantId), eq(channelSettings.channel, 'sms')));
    const token = (row!.config as { replyToken: string }).replyToken;
    await assert.rejects(handleSmsReplies(t.ctx, 'wrong-token', [{ phone: p, text: 'T' }]), /not found/);
    const r = await handleSmsReplies(t.ctx, token, [
      { phone: `+86${p}`, text: ' t ' },
      { phone: p, text: '谢谢' },
    ]);
    assert.deepEqual(r, { received: 2, optedOut: 1 });
    assert.equal((await reachabilityOf(t.ctx, c.id, 'sms')).consent, 'opt_out');
  });

  it('keeps secrets sealed at rest and the log per tenant; test sends report what failed', async () => {
    const t = await tenantWithChannels();
    const [row] = await rt.db
      .select()
      .from(channelSettings)
      .where(and(eq(channelSettings.tenantId, t.tenantId), eq(channelSettings.channel, 'sms')));
    assert.match(row!.secrets.keySecret ?? '', /^v1:/);
    assert.ok(!JSON.stringify(row).includes('owned-secret'));
    const ok = await testSms(t.ctx, { phone: phone(), templateKey: 'login_code', variables: { code: '7' } });
    assert.equal(ok.ok, true);
    const bad = await testSms(t.ctx, { phone: '13000000000', templateKey: 'nope', variables: {} });
    assert.deepEqual(bad.error?.kind, 'TEMPLATE_UNKNOWN');
    const mail = await testEmail(t.ctx, { to: 'ops@example.com' });
    assert.equal(mail.ok, true, JSON.stringify(mail.error));
    const other = await createTestTenant(rt);
    const none = await testEmail(other.ctx, { to: 'ops@example.com' });
    assert.equal(none.error?.kind, 'NOT_CONFIGURED');
    const mine = await listOwnedMessages(t.ctx, { limit: 50 });
    assert.equal(mine.items.length, 3);
    assert.ok(mine.items.every((m) => m.purpose === 'test'));
    assert.equal((await listOwnedMessages(other.ctx, { limit: 50 })).items.length, 1);
  });
});

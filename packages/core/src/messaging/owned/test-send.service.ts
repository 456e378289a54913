/**
 * The settings pages' "send test": one message through the stored settings to a typed-in phone or
 * address (no customer, no consent check), recorded in the log as `test`, answering exactly what failed.
 */
import type { EmailTestInput, OwnedTestResult, SmsTestInput } from '@siyu/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../platform';
import { deliver, type Outcome } from './deliver';
import type { OwnedMessageRow } from './messages.repo';
import { smsContent } from './send.service';
import { tenantChannels } from './senders';

const resultOf = (row: OwnedMessageRow): OwnedTestResult => ({
  ok: row.status === 'sent',
  messageId: row.id,
  providerMessageId: row.providerMessageId,
  error:
    row.status === 'sent'
      ? null
      : { kind: row.errorKind ?? 'UNKNOWN', code: row.errorCode ?? '', message: row.errorMessage ?? '' },
});

const unusable = (problems: string[], channel: string): Outcome => ({
  fail: {
    kind: 'NOT_CONFIGURED',
    message: problems.find((p) => p.startsWith(channel)) ?? `No ${channel} settings are stored yet`,
  },
});

export async function testSms(ctx: Ctx, input: z.output<typeof SmsTestInput>) {
  const ch = await tenantChannels(ctx);
  const base = { channel: 'sms' as const, customerId: null, recipient: input.phone, purpose: 'test' as const };
  if (!ch.sms) return resultOf(await deliver(ctx, { ...base, body: '' }, null, unusable(ch.problems, 'sms')));
  const sms = ch.sms;
  const content = smsContent(sms, input.templateKey, input.variables);
  const draft = { ...base, provider: sms.sender.provider, templateKey: input.templateKey };
  if ('fail' in content) return resultOf(await deliver(ctx, { ...draft, body: '' }, null, content));
  const { template, text } = content;
  const send = () =>
    sms.sender.send({
      phone: input.phone,
      signName: sms.signName,
      templateCode: template.code,
      params: input.variables,
      paramOrder: template.params,
    });
  return resultOf(await deliver(ctx, { ...draft, body: text }, null, { send }));
}

export async function testEmail(ctx: Ctx, input: z.output<typeof EmailTestInput>) {
  const ch = await tenantChannels(ctx);
  const subject = '思域测试邮件 / Siyu test mail';
  const body = '这是一封测试邮件：邮件设置可以发信。\nThis is a test mail: the email settings can send.';
  const base = { channel: 'email' as const, customerId: null, recipient: input.to, purpose: 'test' as const, subject };
  if (!ch.email) return resultOf(await deliver(ctx, { ...base, body }, null, unusable(ch.problems, 'email')));
  const sender = ch.email.sender;
  const send = () => sender.send({ to: input.to, subject, text: body });
  return resultOf(await deliver(ctx, { ...base, body, provider: 'smtp' }, null, { send }));
}

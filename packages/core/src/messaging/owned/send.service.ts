/**
 * The channel-neutral entry point for SOPs, mass sends and journeys: `sendOwned(ctx, …)` checks the
 * customer's consent for the channel (an opt-out is refused and recorded), finds the address and the
 * tenant's provider, sends, and records one row per message (status, provider id, error). A caller's
 * `idempotencyKey` returns the first call's row; a failed row with a retryable kind is tried again.
 * Call it outside a database transaction: it talks to the provider.
 */
import type { SmsTemplate } from '@siyu/contracts';
import { type Ctx, invalid } from '../../platform';
import { reachabilityOf } from '../../customers';
import { type Draft, deliver, type Outcome, RETRYABLE_KINDS } from './deliver';
import { messageByKey } from './messages.repo';
import { type TenantChannels, tenantChannels } from './senders';
import { unsubscribeToken, unsubscribeUrl } from './unsubscribe';

type Common = { customerId: string; variables?: Record<string, string>; idempotencyKey?: string };
export type OwnedSendInput =
  | (Common & { channel: 'sms'; templateKey: string })
  | (Common & { channel: 'email'; subject: string; text: string; html?: string });

export const fillVariables = (text: string, vars: Record<string, string>, encode = (v: string) => v) =>
  text.replace(/\$\{(\w+)\}/g, (_, k: string) => encode(vars[k] ?? ''));

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Variables go into an HTML body as text, never as markup. */
export const escapeHtml = (v: string) => v.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** The template and its text as the phone shows it, or why it cannot be sent. */
export function smsContent(
  sms: NonNullable<TenantChannels['sms']>,
  templateKey: string,
  vars: Record<string, string>,
): { template: SmsTemplate; text: string } | { fail: { kind: string; message: string } } {
  const template = sms.templates.find((t) => t.key === templateKey);
  if (!template)
    return { fail: { kind: 'TEMPLATE_UNKNOWN', message: `No SMS template "${templateKey}" in the settings` } };
  const missing = template.params.find((p) => !vars[p]);
  if (missing) return { fail: { kind: 'TEMPLATE_PARAMS', message: `The variable "${missing}" has no value` } };
  return { template, text: `【${sms.signName}】${fillVariables(template.text, vars)}` };
}

const notConfigured = (channel: string) => ({
  fail: { kind: 'NOT_CONFIGURED', message: `The ${channel} channel is not configured or switched off` },
});

function smsOutcome(
  ch: TenantChannels,
  input: Extract<OwnedSendInput, { channel: 'sms' }>,
  phone: string,
  vars: Record<string, string>,
) {
  if (!ch.sms?.enabled) return { body: '', outcome: notConfigured('SMS') as Outcome };
  const sms = ch.sms;
  const content = smsContent(sms, input.templateKey, vars);
  if ('fail' in content) return { body: '', outcome: content as Outcome };
  const { template, text } = content;
  const send = () =>
    sms.sender.send({
      phone,
      signName: sms.signName,
      templateCode: template.code,
      params: Object.fromEntries(template.params.map((p) => [p, vars[p] ?? ''])),
      paramOrder: template.params,
      ...(input.idempotencyKey ? { reference: input.idempotencyKey.slice(0, 64) } : {}),
    });
  return { body: text, provider: sms.sender.provider, outcome: { send } as Outcome };
}

function emailOutcome(
  ctx: Ctx,
  ch: TenantChannels,
  input: Extract<OwnedSendInput, { channel: 'email' }>,
  to: string,
  customerId: string,
  publicUrl: string,
) {
  const vars = input.variables ?? {};
  const subject = fillVariables(input.subject, vars);
  const text = fillVariables(input.text, vars);
  if (!ch.email?.enabled) return { subject, body: text, outcome: notConfigured('email') as Outcome };
  const email = ch.email;
  const link = unsubscribeUrl(
    publicUrl,
    ctx.tenantId,
    unsubscribeToken(email.unsubscribeKey, customerId, 'email', ctx.clock.now()),
  );
  const footer = `\n\n--\n退订 / Unsubscribe: ${link}`;
  const html = input.html
    ? `${fillVariables(input.html, vars, escapeHtml)}<p style="font-size:12px;color:#888"><a href="${link}">退订 / Unsubscribe</a></p>`
    : undefined;
  const send = () =>
    email.sender.send({ to, subject, text: text + footer, ...(html ? { html } : {}), unsubscribeUrl: link });
  return { subject, body: text + footer, provider: 'smtp', outcome: { send } as Outcome };
}

export async function sendOwned(ctx: Ctx, input: OwnedSendInput, opts: { publicUrl: string }) {
  if (ctx.inTransaction) throw new Error('sendOwned talks to a provider: call it outside a transaction');
  if (input.idempotencyKey !== undefined && (input.idempotencyKey.length < 1 || input.idempotencyKey.length > 200))
    throw invalid('idempotencyKey', 'must have 1 to 200 characters');
  const previous = input.idempotencyKey ? await messageByKey(ctx.db, ctx.tenantId, input.idempotencyKey) : null;
  if (previous && !(previous.status === 'failed' && RETRYABLE_KINDS.has(previous.errorKind ?? ''))) return previous;
  const reach = await reachabilityOf(ctx, input.customerId, input.channel);
  const vars = input.variables ?? {};
  const base = {
    channel: input.channel,
    customerId: reach.customerId,
    recipient: reach.address ?? '',
    purpose: 'send' as const,
    idempotencyKey: input.idempotencyKey ?? null,
  };
  const templateKey = input.channel === 'sms' ? input.templateKey : null;
  if (reach.consent === 'opt_out' || !reach.address) {
    const refuse =
      reach.consent === 'opt_out'
        ? { kind: 'OPTED_OUT', message: `The customer opted out of ${input.channel}` }
        : {
            kind: 'NO_ADDRESS',
            message: `The customer has no ${input.channel === 'sms' ? 'phone number' : 'email address'}`,
          };
    const subject = input.channel === 'email' ? input.subject : null;
    return deliver(ctx, { ...base, templateKey, subject, body: '' }, previous, { refuse });
  }
  const ch = await tenantChannels(ctx);
  const prepared =
    input.channel === 'sms'
      ? { subject: null, ...smsOutcome(ch, input, reach.address, vars) }
      : emailOutcome(ctx, ch, input, reach.address, reach.customerId, opts.publicUrl);
  const draft: Draft = {
    ...base,
    templateKey,
    subject: prepared.subject,
    body: prepared.body,
    provider: prepared.provider ?? null,
  };
  return deliver(ctx, draft, previous, prepared.outcome);
}

/**
 * Verification codes (the shop's login and password-reset codes) through the tenant's own SMS settings.
 *
 * access sits below messaging (DESIGN R1) and only knows the platform's `SmsProvider`; the API composes
 * this tenant-aware implementation into the shop routes. The code goes out with the tenant's template
 * of key `verify_code` (variables `${code}` and optionally `${minutes}`), recorded in the owned-message
 * log as purpose `code` with the code masked (staff must not read a customer's code in the log).
 * Demo mode keeps the runtime's dev recorder (codes readable at /api/dev/sms) and also sends through
 * the tenant's settings when they are usable (the sandbox for the demo tenant); outside demo mode a
 * tenant without usable SMS settings answers 409 SMS_NOT_CONFIGURED.
 */
import type { SmsTemplate } from '@siyu/contracts';
import { AppError, type Config, type Ctx, invalid, type SmsMessage, type SmsProvider } from '../../platform';
import { deliver } from './deliver';
import { fillVariables } from './send.service';
import { type TenantSms, tenantChannels } from './senders';

/** The template key reserved for verification codes, and the variables it may use. */
export const VERIFY_CODE_TEMPLATE = 'verify_code';
export const VERIFY_CODE_PARAMS = ['code', 'minutes'] as const;

/** Why a template of key verify_code cannot carry codes, or null when it can. */
export function verifyCodeTemplateProblem(t: Pick<SmsTemplate, 'params' | 'marketing'>): string | null {
  if (!t.params.includes('code')) return `the verification code template must contain \${code}`;
  const extra = t.params.find((p) => !(VERIFY_CODE_PARAMS as readonly string[]).includes(p));
  if (extra) return `the verification code template may use only \${code} and \${minutes}, not \${${extra}}`;
  if (t.marketing) return 'the verification code template cannot be a marketing template';
  return null;
}

const notConfigured = (why: string) =>
  new AppError(
    409,
    'SMS_NOT_CONFIGURED',
    `This shop cannot send verification codes: ${why}. Set up SMS in 触达渠道 with a template of key ${VERIFY_CODE_TEMPLATE}.`,
  );

/** The usable SMS channel and template of a tenant, or why there is none. */
function codeChannel(
  sms: TenantSms | null,
  problems: string[],
): { why: string } | { sms: TenantSms; template: SmsTemplate } {
  if (!sms) return { why: problems.find((p) => p.startsWith('sms')) ?? 'SMS is not set up' };
  if (!sms.enabled) return { why: 'SMS is switched off' };
  const template = sms.templates.find((t) => t.key === VERIFY_CODE_TEMPLATE);
  if (!template) return { why: `no SMS template of key ${VERIFY_CODE_TEMPLATE}` };
  const problem = verifyCodeTemplateProblem(template);
  if (problem) return { why: problem };
  return { sms, template };
}

const codeMinutes = (text: string) => /(\d+)\s*分钟/.exec(text)?.[1] ?? '5';

/** Sends one code through the tenant's settings; throws an AppError the shop can show. */
export async function sendVerificationCode(ctx: Ctx, msg: SmsMessage, opts: { required: boolean }) {
  if (!msg.code) throw new Error('a verification SMS needs its code');
  const ch = await tenantChannels(ctx);
  const found = codeChannel(ch.sms, ch.problems);
  if ('why' in found) {
    if (opts.required) throw notConfigured(found.why);
    return null;
  }
  const { sms, template } = found;
  const vars: Record<string, string> = { code: msg.code, minutes: codeMinutes(msg.text) };
  const masked = `【${sms.signName}】${fillVariables(template.text, { ...vars, code: '*'.repeat(msg.code.length) })}`;
  const send = () =>
    sms.sender.send({
      phone: msg.phone,
      signName: sms.signName,
      templateCode: template.code,
      params: Object.fromEntries(template.params.map((p) => [p, vars[p] ?? ''])),
      paramOrder: template.params,
    });
  const draft = {
    channel: 'sms' as const,
    customerId: null,
    recipient: msg.phone,
    purpose: 'code' as const,
    templateKey: template.key,
    body: masked,
    provider: sms.sender.provider,
  };
  const row = await deliver(ctx, draft, null, { send });
  if (row.status === 'sent') return row;
  const kind = row.errorKind ?? 'PROVIDER';
  if (kind === 'RATE_LIMITED' || kind === 'DAILY_LIMIT')
    throw new AppError(429, 'RATE_LIMITED', 'The SMS provider limits codes to this number; try again later', {
      retryAfterSeconds: kind === 'RATE_LIMITED' ? 60 : 3600,
    });
  if (kind === 'INVALID_PHONE') throw invalid('phone', 'the SMS provider does not accept this number');
  throw new AppError(503, 'SMS_SEND_FAILED', `The verification code could not be sent (${kind})`);
}

/**
 * The shop's SmsProvider: the tenant's own SMS settings; in demo mode the given dev recorder as well
 * (and alone when the tenant has no usable settings).
 */
export function tenantSmsProvider(
  env: { mode: Config['mode']; ctx(tenantId: string): Ctx },
  devRecorder: SmsProvider,
): SmsProvider {
  const demo = env.mode === 'demo';
  return {
    name: demo ? 'tenant+dev' : 'tenant',
    async send(msg) {
      if (demo) await devRecorder.send(msg);
      await sendVerificationCode(env.ctx(msg.tenantId), msg, { required: !demo });
    },
  };
}

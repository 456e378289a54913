import { z } from 'zod';
import { CnMobile, Email, idOf, PageQuery, pageOf, Timestamp } from './common';
import { route } from './routes';

/**
 * Owned channels (SMS and email): a tenant's provider settings, a test send, the sent-messages log and
 * the public unsubscribe link. Secrets are write-only: answers say only whether one is set; a blank
 * secret in a PUT keeps the stored one. docs/messaging-channels.md.
 */
export const OWNED_SETTINGS_LIMITS = {
  /** Templates a tenant may list. */
  templates: 50,
  /** Variables of one template (Tencent's TemplateParamSet allows no more). */
  templateParams: 10,
  /** Characters of one variable value. */
  paramChars: 35,
  /** Characters of a template's text as approved by the provider. */
  templateChars: 500,
  subjectChars: 200,
  bodyChars: 100_000,
} as const;

export const OwnedChannel = z.enum(['sms', 'email']);
export type OwnedChannel = z.infer<typeof OwnedChannel>;
export const SmsProvider = z.enum(['aliyun', 'tencent']);

/** Words in a marketing SMS that tell the reader how to stop them (the 回T退订 convention). */
export const SMS_OPT_OUT_HINT = /回T退订|退订回T|拒收请回复R|回TD退订/;

const Trimmed = (max: number) => z.string().trim().max(max);
const SecretText = z.string().max(200).optional().describe('Write-only; blank or absent keeps the stored one');

export const SmsTemplate = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lowercase letters, digits and _ (our name for the template)'),
    name: Trimmed(60).min(1),
    code: Trimmed(40)
      .min(1)
      .regex(/^[A-Za-z0-9_]+$/, 'must be the provider template code (SMS_… or digits)'),
    params: z
      .array(z.string().regex(/^[A-Za-z_]\w{0,29}$/, 'must be a variable name'))
      .max(OWNED_SETTINGS_LIMITS.templateParams),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the providers' variable syntax
    text: Trimmed(OWNED_SETTINGS_LIMITS.templateChars).min(1).describe('The approved text, variables as ${name}'),
    marketing: z.boolean().default(false),
  })
  .refine((t) => !t.marketing || SMS_OPT_OUT_HINT.test(t.text), {
    path: ['text'],
    message: 'a marketing template must tell how to opt out (e.g. 回T退订)',
  });
export type SmsTemplate = z.output<typeof SmsTemplate>;

export const SmsSettingsInput = z.object({
  enabled: z.boolean(),
  provider: SmsProvider,
  signName: Trimmed(20).min(2, 'must be the approved sign name (签名)'),
  templates: z.array(SmsTemplate).max(OWNED_SETTINGS_LIMITS.templates),
  /** Aliyun AccessKey ID or Tencent SecretId. */
  keyId: Trimmed(64).optional(),
  /** Aliyun AccessKey secret or Tencent SecretKey. */
  keySecret: SecretText,
  /** Tencent SmsSdkAppId (1400…). */
  sdkAppId: z
    .string()
    .regex(/^\d{10}$/, 'must be the 10-digit SmsSdkAppId')
    .optional(),
  region: Trimmed(40).optional(),
});
const SecretState = z.object({ set: z.boolean() });
export const SmsSettings = z.object({
  configured: z.boolean(),
  enabled: z.boolean(),
  provider: SmsProvider.nullable(),
  sandbox: z.boolean(),
  signName: z.string().nullable(),
  templates: z.array(SmsTemplate),
  keyId: z.string().nullable(),
  keySecret: SecretState,
  sdkAppId: z.string().nullable(),
  region: z.string().nullable(),
  /** Where the provider should push replies (上行短信), so that "T" opts the sender out. */
  replyUrl: z.string().nullable(),
  updatedAt: Timestamp.nullable(),
  secretsReady: z.boolean(),
  demo: z.boolean(),
});
export type SmsSettings = z.infer<typeof SmsSettings>;

export const EmailSecurity = z.enum(['tls', 'starttls', 'none']);
export const EmailSettingsInput = z.object({
  enabled: z.boolean(),
  host: Trimmed(253).min(1, 'must be the SMTP server host'),
  port: z.coerce.number().int().min(1).max(65535),
  /** tls: TLS from the start (465); starttls: upgrade required (587); none: plain (local relays only). */
  security: EmailSecurity,
  user: Trimmed(254).optional(),
  password: SecretText,
  fromAddress: Email,
  fromName: Trimmed(60).min(1),
  replyTo: Email.optional(),
});
export const EmailSettings = z.object({
  configured: z.boolean(),
  enabled: z.boolean(),
  sandbox: z.boolean(),
  host: z.string().nullable(),
  port: z.number().nullable(),
  security: EmailSecurity.nullable(),
  user: z.string().nullable(),
  password: SecretState,
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  replyTo: z.string().nullable(),
  updatedAt: Timestamp.nullable(),
  secretsReady: z.boolean(),
  demo: z.boolean(),
});
export type EmailSettings = z.infer<typeof EmailSettings>;

const Variables = z.record(z.string().max(40), z.string().max(OWNED_SETTINGS_LIMITS.paramChars));
export const SmsTestInput = z.object({ phone: CnMobile, templateKey: z.string().max(40), variables: Variables });
export const EmailTestInput = z.object({ to: Email });
export const OwnedTestResult = z.object({
  ok: z.boolean(),
  messageId: z.string().nullable().describe('Our log id of the test message'),
  providerMessageId: z.string().nullable(),
  error: z
    .object({
      kind: z.string().describe('NOT_CONFIGURED, AUTH, SIGN_NAME, TEMPLATE, RATE_LIMITED, NETWORK, SMTP_AUTH…'),
      code: z.string().describe("The provider's own code when it gave one"),
      message: z.string(),
    })
    .nullable(),
});
export type OwnedTestResult = z.infer<typeof OwnedTestResult>;

export const OwnedMessageStatus = z.enum(['sending', 'sent', 'failed', 'refused']);
export const OwnedMessage = z.object({
  id: z.string(),
  channel: OwnedChannel,
  customerId: z.string().nullable(),
  recipient: z.string().describe('Masked unless the viewer holds customers.pii'),
  provider: z.string().nullable(),
  templateKey: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string(),
  status: OwnedMessageStatus,
  errorKind: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  attempts: z.number(),
  /** send: sendOwned; test: a settings page test; code: a shop verification code (masked). */
  purpose: z.enum(['send', 'test', 'code']),
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
});
export type OwnedMessage = z.infer<typeof OwnedMessage>;
export const OwnedMessageQuery = PageQuery.extend({
  channel: OwnedChannel.optional(),
  status: OwnedMessageStatus.optional(),
  customerId: idOf('cus').optional(),
});

const read = { audience: 'admin' as const, permission: 'settings.read' };
const write = { audience: 'admin' as const, permission: 'settings.write' };
export const ownedChannelRoutes = {
  getSms: route({
    ...read,
    method: 'GET',
    path: '/admin/settings/sms',
    summary: 'SMS provider settings (secrets only as set)',
    response: SmsSettings,
  }),
  updateSms: route({
    ...write,
    method: 'PUT',
    path: '/admin/settings/sms',
    summary: 'Change the SMS provider settings (blank secret keeps; audited)',
    body: SmsSettingsInput,
    response: SmsSettings,
  }),
  testSms: route({
    ...write,
    method: 'POST',
    path: '/admin/settings/sms/test',
    summary: 'Send one template SMS with the stored settings and report what failed',
    body: SmsTestInput,
    response: OwnedTestResult,
  }),
  getEmail: route({
    ...read,
    method: 'GET',
    path: '/admin/settings/email',
    summary: 'SMTP settings (password only as set)',
    response: EmailSettings,
  }),
  updateEmail: route({
    ...write,
    method: 'PUT',
    path: '/admin/settings/email',
    summary: 'Change the SMTP settings (blank password keeps; audited)',
    body: EmailSettingsInput,
    response: EmailSettings,
  }),
  testEmail: route({
    ...write,
    method: 'POST',
    path: '/admin/settings/email/test',
    summary: 'Send a test mail with the stored settings and report what failed',
    body: EmailTestInput,
    response: OwnedTestResult,
  }),
  messages: route({
    ...read,
    method: 'GET',
    path: '/admin/owned-messages',
    summary: 'Sent, failed and refused SMS and emails, newest first',
    query: OwnedMessageQuery,
    response: pageOf(OwnedMessage),
  }),
};

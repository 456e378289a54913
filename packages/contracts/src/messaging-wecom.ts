import { z } from 'zod';
import { Timestamp } from './common';
import { route } from './routes';

/**
 * A tenant's WeCom (企业微信) settings: the self-built app that Siyu calls (corp id, secret, agent id)
 * and the callback keys WeCom signs and encrypts deliveries with (Token, EncodingAESKey). The secret
 * is write-only: no answer carries it, only `secretSet`. docs/wecom.md.
 */
export const WecomCorpId = z
  .string()
  .trim()
  .regex(/^w[wx][A-Za-z0-9]{14,30}$/, 'must be the 企业ID from 我的企业 → 企业信息 (ww… or wx…, letters and digits)');
export const WecomCallbackToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3–32 letters or digits (the Token of 接收消息服务器配置)');
export const WecomEncodingAesKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{43}$/, 'must be exactly 43 letters or digits (the EncodingAESKey of 接收消息服务器配置)');

export const WecomSettingsInput = z.object({
  corpId: WecomCorpId,
  secret: z
    .string()
    .trim()
    .max(128)
    .regex(/^[A-Za-z0-9_-]*$/, 'must be the app Secret (letters, digits, - and _)')
    .optional()
    .describe('Write-only; blank or absent keeps the stored one (required the first time)'),
  agentId: z
    .string()
    .trim()
    .regex(/^\d{1,10}$/, 'must be the AgentId of the self-built app (digits)'),
  token: WecomCallbackToken,
  encodingAesKey: WecomEncodingAesKey,
});
export type WecomSettingsInput = z.infer<typeof WecomSettingsInput>;

export const WecomSettings = z.object({
  configured: z.boolean(),
  corpId: z.string().nullable(),
  agentId: z.string().nullable(),
  token: z.string().nullable(),
  encodingAesKey: z.string().nullable(),
  secretSet: z.boolean(),
  /** Paste into WeCom's 接收消息服务器配置 → URL: `<publicUrl>/webhooks/wecom/<tenant id>`. */
  callbackUrl: z.string(),
  /** The demo tenant's settings point at the built-in WeCom sandbox. */
  sandbox: z.boolean(),
  updatedAt: Timestamp.nullable(),
  /** The server can seal secrets (SIYU_SECRET_KEY is set). */
  secretsReady: z.boolean(),
});
export type WecomSettings = z.infer<typeof WecomSettings>;

export const WecomConnectionStep = z.object({
  step: z.enum(['access_token', 'customer_contact', 'corp_tags']),
  ok: z.boolean(),
  problem: z
    .enum([
      'WRONG_CORP_ID',
      'WRONG_SECRET',
      'IP_NOT_TRUSTED',
      'NO_CUSTOMER_CONTACT_PERMISSION',
      'NO_MEMBERS_WITH_CUSTOMER_CONTACT',
      'UNREACHABLE',
      'REJECTED',
    ])
    .optional(),
  errcode: z.number().optional(),
  message: z.string(),
});
export const WecomConnectionResult = z.object({ ok: z.boolean(), steps: z.array(WecomConnectionStep) });
export type WecomConnectionResult = z.infer<typeof WecomConnectionResult>;

export const WecomCallbackSecrets = z.object({ token: z.string(), encodingAesKey: z.string() });

const read = { audience: 'admin' as const, permission: 'settings.read' };
const write = { audience: 'admin' as const, permission: 'settings.write' };
export const wecomSettingsRoutes = {
  get: route({
    ...read,
    method: 'GET',
    path: '/admin/settings/wecom',
    summary: 'WeCom settings and the callback URL to paste (the secret only as set)',
    response: WecomSettings,
  }),
  update: route({
    ...write,
    method: 'PUT',
    path: '/admin/settings/wecom',
    summary: 'Store the WeCom app and callback settings (secret sealed, blank secret keeps; audited)',
    body: WecomSettingsInput,
    response: WecomSettings,
  }),
  test: route({
    ...write,
    method: 'POST',
    path: '/admin/settings/wecom/test',
    summary: 'Call WeCom with the stored settings and report the step that failed',
    response: WecomConnectionResult,
  }),
  generate: route({
    ...write,
    method: 'POST',
    path: '/admin/settings/wecom/generate-callback-secrets',
    summary: 'A new random callback Token and EncodingAESKey to paste into WeCom (nothing is stored)',
    response: WecomCallbackSecrets,
  }),
};

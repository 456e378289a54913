import { z } from 'zod';
import { Timestamp } from './common';
import { route } from './routes';

/**
 * A tenant's own merchant settings for WeChat Pay (API v3) and Alipay. Secrets (private keys, the
 * APIv3 key) are write-only: answers say whether one is set and, for private keys, the fingerprint of
 * the public half; a blank secret in a PUT keeps the stored one. docs/payments.md.
 */
export const PAYMENT_SETTINGS_LIMITS = {
  /** Seconds another process may keep using providers built from settings changed meanwhile. */
  cacheTtlSeconds: 30,
  /** Characters of one PEM text (a 4096-bit private key is about 3,300). */
  pemChars: 12_000,
  /** WeChat Pay verification keys kept at once (old certificate + new public key while switching). */
  platformKeys: 4,
} as const;

/** Alipay gateways a non-sandbox setting may point at (the server signs requests to it). */
export const ALIPAY_GATEWAYS = [
  'https://openapi.alipay.com/gateway.do',
  'https://openapi-sandbox.dl.alipaydev.com/gateway.do',
] as const;

export const PaymentProviderKey = z.enum(['wechatpay', 'alipay']);
export type PaymentProviderKey = z.infer<typeof PaymentProviderKey>;
export const WechatChannel = z.enum(['wechat_jsapi', 'wechat_h5', 'wechat_native']);
export const AlipayChannel = z.enum(['alipay_wap', 'alipay_page']);

const Pem = z
  .string()
  .max(PAYMENT_SETTINGS_LIMITS.pemChars, `must be at most ${PAYMENT_SETTINGS_LIMITS.pemChars} characters`);
/** A secret field of a PUT: blank (or absent) keeps the stored value. */
const SecretText = Pem.optional().transform((s) => (s?.trim() ? s.trim() : undefined));
const NotifyBase = z
  .url('must be a URL such as https://shop.example.com')
  .regex(/^https?:\/\/[^/?#]+$/, 'must be the scheme and host only, such as https://shop.example.com')
  .optional();

export const WechatPlatformKeyInput = z.object({
  serial: z
    .string()
    .trim()
    .max(64)
    .regex(/^(PUB_KEY_ID_[0-9A-Za-z_]+|[0-9A-Fa-f]{8,40})?$/, 'must be PUB_KEY_ID_… or the certificate serial (hex)')
    .optional()
    .describe('PUB_KEY_ID_… for a WeChat Pay public key; read from a certificate when left out'),
  key: Pem.trim().min(1, 'must not be empty').describe('WeChat Pay public key (PEM) or a platform certificate (PEM)'),
});

export const WechatPaySettingsInput = z.object({
  enabled: z.boolean(),
  channels: z.array(WechatChannel).max(3).default([]),
  appid: z
    .string()
    .trim()
    .regex(/^wx[0-9a-f]{16}$/, 'must be wx followed by 16 lowercase hex characters')
    .optional(),
  mchid: z
    .string()
    .trim()
    .regex(/^\d{8,12}$/, 'must be the 8–12 digit merchant id (商户号)')
    .optional(),
  merchantSerial: z
    .string()
    .trim()
    .regex(/^[0-9A-Fa-f]{8,40}$/, 'must be the merchant certificate serial (hex, usually 40 characters)')
    .optional(),
  merchantPrivateKey: SecretText.describe('apiclient_key.pem; blank keeps the stored key'),
  merchantCertificate: Pem.trim()
    .optional()
    .describe('apiclient_cert.pem, optional: lets the test check serial and key'),
  apiV3Key: SecretText.describe('the 32-character APIv3 key; blank keeps the stored key'),
  platformKeys: z.array(WechatPlatformKeyInput).max(PAYMENT_SETTINGS_LIMITS.platformKeys).default([]),
  notifyUrlBase: NotifyBase,
  /** Demo only: `false` turns a demo sandbox setting into a real one (the keys must then be given). */
  sandbox: z.boolean().optional(),
});

export const AlipaySettingsInput = z.object({
  enabled: z.boolean(),
  channels: z.array(AlipayChannel).max(2).default([]),
  appId: z
    .string()
    .trim()
    .regex(/^\d{16}$/, 'must be the 16-digit application id')
    .optional(),
  appPrivateKey: SecretText.describe('application private key (PKCS#8 or PKCS#1, PEM or bare Base64); blank keeps it'),
  alipayPublicKey: Pem.trim()
    .optional()
    .describe('the Alipay public key (支付宝公钥), not your application public key'),
  gatewayUrl: z.enum(ALIPAY_GATEWAYS).default(ALIPAY_GATEWAYS[0]),
  sellerId: z
    .string()
    .trim()
    .regex(/^(2088\d{12})?$/, 'must be your 2088… user id (16 digits)')
    .optional(),
  notifyUrlBase: NotifyBase,
  sandbox: z.boolean().optional(),
});

export const PaymentSettingsInput = z
  .object({ wechatpay: WechatPaySettingsInput.optional(), alipay: AlipaySettingsInput.optional() })
  .refine((v) => v.wechatpay || v.alipay, { message: 'give wechatpay or alipay' });

export const SecretState = z.object({
  set: z.boolean(),
  /** `sha256:` + 16 hex of the public half (private keys) — safe to show, comparable with the console. */
  fingerprint: z.string().nullable(),
});
export const WechatPlatformKeyView = z.object({
  serial: z.string(),
  kind: z.enum(['public_key', 'certificate']),
  key: z.string(),
  fingerprint: z.string(),
  expiresAt: Timestamp.nullable(),
});
const Common = {
  configured: z.boolean(),
  enabled: z.boolean(),
  sandbox: z.boolean(),
  notifyUrlBase: z.string(),
  notifyUrl: z.string().describe('where the provider sends notifications: set it in the merchant console'),
  updatedAt: Timestamp.nullable(),
  updatedBy: z.string().nullable(),
};
export const WechatPaySettings = z.object({
  ...Common,
  channels: z.array(WechatChannel),
  appid: z.string().nullable(),
  mchid: z.string().nullable(),
  merchantSerial: z.string().nullable(),
  merchantCertificate: z.string().nullable(),
  merchantPrivateKey: SecretState,
  apiV3Key: SecretState,
  platformKeys: z.array(WechatPlatformKeyView),
});
export const AlipaySettings = z.object({
  ...Common,
  channels: z.array(AlipayChannel),
  appId: z.string().nullable(),
  appPrivateKey: SecretState,
  alipayPublicKey: z.string().nullable(),
  gatewayUrl: z.string(),
  sellerId: z.string().nullable(),
});
export const PaymentSettings = z.object({
  wechatpay: WechatPaySettings,
  alipay: AlipaySettings,
  /** False when the server has no SIYU_SECRET_KEY: secrets cannot be saved (503). */
  secretsReady: z.boolean(),
  demo: z.boolean(),
});
export type PaymentSettings = z.infer<typeof PaymentSettings>;

export const PaymentSettingsTestInput = z.object({
  provider: PaymentProviderKey,
  /** Also ask the provider (a query of an unknown trade must pass its signature check). Always in the sandbox. */
  online: z.boolean().default(false),
});
export const PaymentSettingsCheck = z.object({
  name: z.string(),
  ok: z.boolean(),
  message: z.string(),
});
export const PaymentSettingsTestResult = z.object({
  provider: PaymentProviderKey,
  ok: z.boolean(),
  checks: z.array(PaymentSettingsCheck),
});

const base = { audience: 'admin' as const, permission: 'orders.payments' };
export const paymentSettingsRoutes = {
  get: route({
    ...base,
    method: 'GET',
    path: '/admin/settings/payments',
    summary: 'WeChat Pay and Alipay merchant settings; secrets only as set / fingerprint',
    response: PaymentSettings,
  }),
  update: route({
    ...base,
    method: 'PUT',
    path: '/admin/settings/payments',
    summary: 'Change merchant settings (a blank secret keeps the stored one; audited)',
    body: PaymentSettingsInput,
    response: PaymentSettings,
  }),
  test: route({
    ...base,
    method: 'POST',
    path: '/admin/settings/payments/test',
    summary:
      'Check the stored keys locally (parse, key ↔ certificate, sign and verify) and, online or in the sandbox, with the provider',
    body: PaymentSettingsTestInput,
    response: PaymentSettingsTestResult,
  }),
};

/** What a stored settings row holds and how a provider is built from it (secrets opened on the way). */
import { type Clock, secrets } from '../../platform';
import { createAlipayProvider, createWechatPayProvider, type PaymentChannel, type PaymentProvider } from '../payments';
import type { PlatformKey } from './payment-keys';
import type { PaymentSettingsRow } from './payment-settings.repo';

export type WechatConfigJson = {
  appid: string | null;
  mchid: string | null;
  merchantSerial: string | null;
  merchantCertificate: string | null;
  platformKeys: PlatformKey[];
  /** Fingerprint of the public half of the merchant private key (shown instead of the key). */
  merchantKeyFingerprint: string | null;
  /** Sandbox rows only: the demo sandbox this API serves. */
  baseUrl?: string;
};
export type AlipayConfigJson = {
  appId: string | null;
  alipayPublicKey: string | null;
  gatewayUrl: string;
  sellerId: string | null;
  appKeyFingerprint: string | null;
};
export const WECHAT_SECRETS = ['merchantPrivateKey', 'apiV3Key'] as const;
export const ALIPAY_SECRETS = ['appPrivateKey'] as const;

/** Binds a sealed value to its tenant, provider and field (platform/secrets aad). */
export const secretAad = (tenantId: string, provider: string, field: string) =>
  `${tenantId}/payments/${provider}/${field}`;

export const openSecret = (row: PaymentSettingsRow, field: string) => {
  const sealed = row.secrets[field];
  if (!sealed) throw new Error(`${row.provider}.${field} is not set`);
  return secrets().open(sealed, secretAad(row.tenantId, row.provider, field));
};

/** The provider of a row, offering only the row's enabled channels. Throws when something is missing. */
export function providerOfRow(row: PaymentSettingsRow, clock: Clock): PaymentProvider {
  const provider = row.provider === 'wechatpay' ? wechatProvider(row, clock) : alipayProvider(row, clock);
  const channels = provider.channels.filter((c) => row.channels.includes(c as PaymentChannel));
  return { ...provider, channels };
}

function wechatProvider(row: PaymentSettingsRow, clock: Clock) {
  const c = row.config as WechatConfigJson;
  if (!c.appid || !c.mchid || !c.merchantSerial || !c.platformKeys.length)
    throw new Error('wechatpay: appid, mchid, merchantSerial and a platform key are needed');
  return createWechatPayProvider({
    appid: c.appid,
    mchid: c.mchid,
    merchantSerial: c.merchantSerial,
    merchantPrivateKey: openSecret(row, 'merchantPrivateKey'),
    apiV3Key: openSecret(row, 'apiV3Key'),
    platformKeys: c.platformKeys,
    ...(row.sandbox && c.baseUrl ? { baseUrl: c.baseUrl } : {}),
    clock,
  });
}

function alipayProvider(row: PaymentSettingsRow, clock: Clock) {
  const c = row.config as AlipayConfigJson;
  if (!c.appId || !c.alipayPublicKey) throw new Error('alipay: appId and alipayPublicKey are needed');
  return createAlipayProvider({
    appId: c.appId,
    appPrivateKey: openSecret(row, 'appPrivateKey'),
    alipayPublicKey: c.alipayPublicKey,
    gatewayUrl: c.gatewayUrl,
    ...(c.sellerId ? { sellerId: c.sellerId } : {}),
    clock,
  });
}

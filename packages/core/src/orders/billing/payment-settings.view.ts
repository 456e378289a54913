/** A tenant's payment settings as staff see them: ids and public keys, secrets only as set / fingerprint. */
import { ALIPAY_GATEWAYS, type PaymentSettings } from '@siyu/contracts';
import { tenantSlug } from '../../access';
import { type Ctx, processMode, secrets } from '../../platform';
import { describePlatformKey } from './payment-keys';
import type { AlipayConfigJson, WechatConfigJson } from './payment-settings.model';
import { type PaymentSettingsRow, settingsOf } from './payment-settings.repo';

const secretState = (row: PaymentSettingsRow | undefined, field: string, fingerprint: string | null = null) => ({
  set: Boolean(row?.secrets[field]),
  fingerprint: row?.secrets[field] ? fingerprint : null,
});

function common(row: PaymentSettingsRow | undefined, slug: string, publicUrl: string, provider: string) {
  const base = row?.notifyUrlBase ?? publicUrl;
  return {
    configured: Boolean(row && Object.keys(row.secrets).length),
    enabled: row?.enabled ?? false,
    sandbox: row?.sandbox ?? false,
    notifyUrlBase: base,
    notifyUrl: `${base}/webhooks/payments/${slug}/${provider}`,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

function wechatView(row: PaymentSettingsRow | undefined, slug: string, publicUrl: string) {
  const c = (row?.config ?? {}) as Partial<WechatConfigJson>;
  return {
    ...common(row, slug, publicUrl, 'wechatpay'),
    channels: (row?.channels ?? []) as PaymentSettings['wechatpay']['channels'],
    appid: c.appid ?? null,
    mchid: c.mchid ?? null,
    merchantSerial: c.merchantSerial ?? null,
    merchantCertificate: c.merchantCertificate ?? null,
    merchantPrivateKey: secretState(row, 'merchantPrivateKey', c.merchantKeyFingerprint ?? null),
    apiV3Key: secretState(row, 'apiV3Key'),
    platformKeys: (c.platformKeys ?? []).map(describePlatformKey),
  };
}

function alipayView(row: PaymentSettingsRow | undefined, slug: string, publicUrl: string) {
  const c = (row?.config ?? {}) as Partial<AlipayConfigJson>;
  return {
    ...common(row, slug, publicUrl, 'alipay'),
    channels: (row?.channels ?? []) as PaymentSettings['alipay']['channels'],
    appId: c.appId ?? null,
    appPrivateKey: secretState(row, 'appPrivateKey', c.appKeyFingerprint ?? null),
    alipayPublicKey: c.alipayPublicKey ?? null,
    gatewayUrl: c.gatewayUrl ?? ALIPAY_GATEWAYS[0],
    sellerId: c.sellerId ?? null,
  };
}

export async function paymentSettingsView(ctx: Ctx, publicUrl: string): Promise<PaymentSettings> {
  const rows = await settingsOf(ctx.db, ctx.tenantId);
  const slug = await tenantSlug(ctx);
  return {
    wechatpay: wechatView(
      rows.find((r) => r.provider === 'wechatpay'),
      slug,
      publicUrl,
    ),
    alipay: alipayView(
      rows.find((r) => r.provider === 'alipay'),
      slug,
      publicUrl,
    ),
    secretsReady: secrets().keyId !== null,
    demo: processMode() === 'demo',
  };
}

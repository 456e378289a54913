/**
 * A tenant's merchant settings for WeChat Pay and Alipay: validated field by field, secrets sealed
 * with the server's master key (platform/secrets), audited without any secret, and the tenant's
 * cached providers dropped so that the next payment uses the new keys. docs/payments.md.
 */
import type { AlipaySettingsInput, PaymentSettingsInput, WechatPaySettingsInput } from '@siyu/contracts';
import type { z } from 'zod';
import { actorId, type Ctx, inTransaction, invalid, processMode, secrets } from '../../platform';
import {
  checkApiV3Key,
  checkMerchantCertificate,
  fingerprintOf,
  normalizePlatformKey,
  parsePrivateKey,
  parsePublicKey,
  publicHalf,
} from './payment-keys';
import { type AlipayConfigJson, openSecret, secretAad, type WechatConfigJson } from './payment-settings.model';
import { lockSettings, type PaymentSettingsRow, saveSettings } from './payment-settings.repo';
import { paymentSettingsView } from './payment-settings.view';
import { forgetTenantPayments } from './providers';

type Provider = PaymentSettingsRow['provider'];
type Draft = Pick<PaymentSettingsRow, 'enabled' | 'channels' | 'sandbox' | 'config' | 'secrets' | 'notifyUrlBase'>;
type Opts = { publicUrl: string };

export const getPaymentSettings = (ctx: Ctx, opts: Opts) => paymentSettingsView(ctx, opts.publicUrl);

const seal = (ctx: Ctx, provider: Provider, field: string, plain: string) =>
  secrets().seal(plain, secretAad(ctx.tenantId, provider, field));

/** The first field an enabled provider still lacks, as a 400 naming it. */
function requireAll(provider: Provider, values: Record<string, unknown>) {
  for (const [field, v] of Object.entries(values))
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length))
      throw invalid(`${provider}.${field}`, 'is required to enable this provider');
}

/** A sandbox row (demo) keeps its keys: only the switch, the channels and the notify base change. */
function keepSandbox(
  row: PaymentSettingsRow,
  input: { enabled: boolean; channels: string[]; notifyUrlBase?: string },
): Draft {
  return {
    enabled: input.enabled,
    channels: [...new Set(input.channels)],
    sandbox: true,
    config: row.config,
    secrets: row.secrets,
    notifyUrlBase: input.notifyUrlBase ?? row.notifyUrlBase,
  };
}

function sandboxSwitch(provider: Provider, row: PaymentSettingsRow | null, sandbox: boolean | undefined) {
  if (sandbox === true && !row?.sandbox)
    throw invalid(`${provider}.sandbox`, 'sandbox settings are written by the demo only; give your own keys');
  return Boolean(row?.sandbox) && sandbox !== false;
}

function wechatDraft(
  ctx: Ctx,
  row: PaymentSettingsRow | null,
  w: z.output<typeof WechatPaySettingsInput>,
  opts: Opts,
): Draft {
  if (sandboxSwitch('wechatpay', row, w.sandbox) && row) return keepSandbox(row, w);
  const kept = row && !row.sandbox ? row : null;
  const old = (kept?.config ?? {}) as Partial<WechatConfigJson>;
  const privateKey = w.merchantPrivateKey
    ? parsePrivateKey('wechatpay.merchantPrivateKey', w.merchantPrivateKey)
    : null;
  if (w.apiV3Key) checkApiV3Key(w.apiV3Key);
  const config: WechatConfigJson = {
    appid: w.appid ?? old.appid ?? null,
    mchid: w.mchid ?? old.mchid ?? null,
    merchantSerial: w.merchantSerial?.toUpperCase() ?? old.merchantSerial ?? null,
    merchantCertificate:
      w.merchantCertificate === undefined ? (old.merchantCertificate ?? null) : w.merchantCertificate || null,
    platformKeys: w.platformKeys.map((k, i) => normalizePlatformKey(i, k)),
    merchantKeyFingerprint: privateKey ? fingerprintOf(publicHalf(privateKey)) : (old.merchantKeyFingerprint ?? null),
  };
  const sealed = { ...(kept?.secrets ?? {}) };
  if (w.merchantPrivateKey)
    sealed.merchantPrivateKey = seal(ctx, 'wechatpay', 'merchantPrivateKey', w.merchantPrivateKey);
  if (w.apiV3Key) sealed.apiV3Key = seal(ctx, 'wechatpay', 'apiV3Key', w.apiV3Key);
  if (config.merchantCertificate) {
    const key =
      privateKey ??
      (kept?.secrets.merchantPrivateKey
        ? parsePrivateKey('wechatpay.merchantPrivateKey', openSecret(kept, 'merchantPrivateKey'))
        : null);
    checkMerchantCertificate(config.merchantCertificate, config.merchantSerial ?? undefined, key);
  }
  if (w.enabled)
    requireAll('wechatpay', {
      appid: config.appid,
      mchid: config.mchid,
      merchantSerial: config.merchantSerial,
      merchantPrivateKey: sealed.merchantPrivateKey,
      apiV3Key: sealed.apiV3Key,
      platformKeys: config.platformKeys,
      channels: w.channels,
    });
  return {
    enabled: w.enabled,
    channels: [...new Set(w.channels)],
    sandbox: false,
    config,
    secrets: sealed,
    notifyUrlBase: w.notifyUrlBase ?? kept?.notifyUrlBase ?? opts.publicUrl,
  };
}

function alipayDraft(
  ctx: Ctx,
  row: PaymentSettingsRow | null,
  a: z.output<typeof AlipaySettingsInput>,
  opts: Opts,
): Draft {
  if (sandboxSwitch('alipay', row, a.sandbox) && row) return keepSandbox(row, a);
  const kept = row && !row.sandbox ? row : null;
  const old = (kept?.config ?? {}) as Partial<AlipayConfigJson>;
  const appKey = a.appPrivateKey ? parsePrivateKey('alipay.appPrivateKey', a.appPrivateKey) : null;
  const alipayPublicKey = a.alipayPublicKey === undefined ? (old.alipayPublicKey ?? null) : a.alipayPublicKey || null;
  if (alipayPublicKey) {
    const pub = parsePublicKey('alipay.alipayPublicKey', alipayPublicKey);
    if (appKey && fingerprintOf(pub) === fingerprintOf(publicHalf(appKey)))
      throw invalid(
        'alipay.alipayPublicKey',
        'is your application public key; give the Alipay public key (支付宝公钥)',
      );
  }
  const config: AlipayConfigJson = {
    appId: a.appId ?? old.appId ?? null,
    alipayPublicKey,
    gatewayUrl: a.gatewayUrl,
    sellerId: a.sellerId === undefined ? (old.sellerId ?? null) : a.sellerId || null,
    appKeyFingerprint: appKey ? fingerprintOf(publicHalf(appKey)) : (old.appKeyFingerprint ?? null),
  };
  const sealed = { ...(kept?.secrets ?? {}) };
  if (a.appPrivateKey) sealed.appPrivateKey = seal(ctx, 'alipay', 'appPrivateKey', a.appPrivateKey);
  if (a.enabled)
    requireAll('alipay', {
      appId: config.appId,
      appPrivateKey: sealed.appPrivateKey,
      alipayPublicKey: config.alipayPublicKey,
      channels: a.channels,
    });
  return {
    enabled: a.enabled,
    channels: [...new Set(a.channels)],
    sandbox: false,
    config,
    secrets: sealed,
    notifyUrlBase: a.notifyUrlBase ?? kept?.notifyUrlBase ?? opts.publicUrl,
  };
}

/** What changed, for the audit log: field names, and for secrets only "replaced". */
function changesOf(before: PaymentSettingsRow | null, after: Draft) {
  const changes: Record<string, unknown> = {};
  const b = (before?.config ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(after.config))
    if (JSON.stringify(b[k]) !== JSON.stringify(v)) changes[k] = k === 'platformKeys' ? 'changed' : v;
  for (const k of ['enabled', 'channels', 'sandbox', 'notifyUrlBase'] as const)
    if (JSON.stringify(before?.[k]) !== JSON.stringify(after[k])) changes[k] = after[k];
  for (const [k, v] of Object.entries(after.secrets)) if (before?.secrets[k] !== v) changes[k] = 'replaced';
  return changes;
}

async function write(ctx: Ctx, provider: Provider, draftOf: (row: PaymentSettingsRow | null) => Draft) {
  const row = await lockSettings(ctx.db, ctx.tenantId, provider);
  const draft = draftOf(row);
  const changes = changesOf(row, draft);
  await saveSettings(ctx.db, {
    tenantId: ctx.tenantId,
    provider,
    ...draft,
    updatedAt: ctx.clock.now(),
    updatedBy: actorId(ctx),
  });
  await ctx.audit({
    action: 'orders.payment_settings.update',
    entityType: 'payment_settings',
    entityId: provider,
    summary: `Changed the ${provider === 'wechatpay' ? 'WeChat Pay' : 'Alipay'} settings`,
    changes,
  });
}

/** Saves the given providers' settings (audited) and drops the cached providers of the tenant. */
export async function updatePaymentSettings(ctx: Ctx, input: z.output<typeof PaymentSettingsInput>, opts: Opts) {
  await inTransaction(ctx, async (tx) => {
    const { wechatpay: w, alipay: a } = input;
    if (w) await write(tx, 'wechatpay', (row) => wechatDraft(tx, row, w, opts));
    if (a) await write(tx, 'alipay', (row) => alipayDraft(tx, row, a, opts));
  });
  forgetTenantPayments(ctx.tenantId);
  return paymentSettingsView(ctx, opts.publicUrl);
}

export type SandboxSettings = {
  wechatpay: Omit<WechatConfigJson, 'merchantKeyFingerprint' | 'merchantCertificate'> & {
    merchantPrivateKey: string;
    apiV3Key: string;
  };
  alipay: Omit<AlipayConfigJson, 'appKeyFingerprint' | 'sellerId'> & { appPrivateKey: string };
  notifyUrlBase: string;
};

/**
 * DEMO ONLY: points a tenant's WeChat Pay and Alipay at the sandboxes this API serves (keys generated
 * at start-up), written into the store like any merchant's settings, marked `sandbox`.
 */
export async function saveSandboxPaymentSettings(ctx: Ctx, s: SandboxSettings) {
  if (processMode() !== 'demo') throw new Error('sandbox payment settings exist in demo mode only');
  const { merchantPrivateKey, apiV3Key, ...wechat } = s.wechatpay;
  const { appPrivateKey, ...alipay } = s.alipay;
  const now = ctx.clock.now();
  const base = {
    tenantId: ctx.tenantId,
    enabled: true,
    sandbox: true,
    notifyUrlBase: s.notifyUrlBase,
    updatedAt: now,
    updatedBy: null,
  };
  await inTransaction(ctx, async (tx) => {
    await saveSettings(tx.db, {
      ...base,
      provider: 'wechatpay',
      channels: ['wechat_jsapi', 'wechat_h5', 'wechat_native'],
      config: {
        ...wechat,
        merchantCertificate: null,
        merchantKeyFingerprint: fingerprintOf(
          publicHalf(parsePrivateKey('wechatpay.merchantPrivateKey', merchantPrivateKey)),
        ),
      },
      secrets: {
        merchantPrivateKey: seal(tx, 'wechatpay', 'merchantPrivateKey', merchantPrivateKey),
        apiV3Key: seal(tx, 'wechatpay', 'apiV3Key', apiV3Key),
      },
    });
    await saveSettings(tx.db, {
      ...base,
      provider: 'alipay',
      channels: ['alipay_wap', 'alipay_page'],
      config: {
        ...alipay,
        sellerId: null,
        appKeyFingerprint: fingerprintOf(publicHalf(parsePrivateKey('alipay.appPrivateKey', appPrivateKey))),
      },
      secrets: { appPrivateKey: seal(tx, 'alipay', 'appPrivateKey', appPrivateKey) },
    });
  });
  forgetTenantPayments(ctx.tenantId);
}

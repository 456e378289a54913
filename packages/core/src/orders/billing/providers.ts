import { PAYMENT_SETTINGS_LIMITS } from '@siyu/contracts';
import { tenantSlug } from '../../access';
import { type Clock, type Ctx, processMode, SECOND } from '../../platform';
import type { PaymentChannel, PaymentProvider, ProviderName } from '../payments';
import { providerOfRow } from './payment-settings.model';
import { settingsOf } from './payment-settings.repo';

/**
 * A tenant's payment providers, resolved at call time from its stored merchant settings
 * (payment-settings.service.ts): the API, `siyu worker` and the CLI all find them in the database.
 * Kept in a small per-process cache, dropped when this process saves the settings and otherwise
 * rebuilt after PAYMENT_SETTINGS_LIMITS.cacheTtlSeconds, so other processes see changes soon.
 */
export type TenantPayments = {
  /** Enabled providers, offering only their enabled channels: what a shopper may pay with. */
  providers: PaymentProvider[];
  /**
   * Every provider whose keys are stored, enabled or not: notifications, queries, closes and refunds
   * of attempts made before a provider was switched off still need it. Default: `providers`.
   */
  known?: PaymentProvider[];
  /** Where the provider sends notifications for this tenant (our /webhooks/payments/:slug/:provider). */
  notifyUrl(provider: ProviderName): string;
};

type Entry = { clock: Clock; at: number; payments: TenantPayments | null };
const cache = new Map<string, Entry>();
const overrides = new Map<string, TenantPayments>();

/**
 * TESTS ONLY: providers that cannot be stored (the in-memory fake) for one tenant, ahead of its
 * settings; `null` removes them.
 */
export function overrideTenantPayments(tenantId: string, payments: TenantPayments | null) {
  if (payments) overrides.set(tenantId, payments);
  else overrides.delete(tenantId);
}

/** Forget the cached providers of a tenant (its settings changed). */
export const forgetTenantPayments = (tenantId: string) => cache.delete(tenantId);

async function build(ctx: Ctx): Promise<TenantPayments | null> {
  const rows = (await settingsOf(ctx.db, ctx.tenantId)).filter(
    (r) => Object.keys(r.secrets).length > 0 && (!r.sandbox || processMode() === 'demo'),
  );
  if (!rows.length) return null;
  const slug = await tenantSlug(ctx);
  const providers: PaymentProvider[] = [];
  const known: PaymentProvider[] = [];
  const bases = new Map<string, string>();
  for (const row of rows) {
    try {
      const provider = providerOfRow(row, ctx.clock);
      known.push(provider);
      if (row.enabled && provider.channels.length) providers.push(provider);
      bases.set(row.provider, row.notifyUrlBase);
    } catch (err) {
      // A key that does not open (SIYU_SECRET_KEY missing or changed) must not take the other provider down.
      ctx.log.error({ err, tenantId: ctx.tenantId, provider: row.provider }, 'payment provider not usable');
    }
  }
  if (!known.length) return null;
  return {
    providers,
    known,
    notifyUrl: (provider) => `${bases.get(provider) ?? ''}/webhooks/payments/${slug}/${provider}`,
  };
}

/** The tenant's providers (keys that open), or null when it has none. */
export async function tenantPayments(ctx: Ctx): Promise<TenantPayments | null> {
  const override = overrides.get(ctx.tenantId);
  if (override) return override;
  const now = ctx.clock.now().getTime();
  const hit = cache.get(ctx.tenantId);
  const ttl = PAYMENT_SETTINGS_LIMITS.cacheTtlSeconds * SECOND;
  if (hit && hit.clock === ctx.clock && now - hit.at >= 0 && now - hit.at < ttl) return hit.payments;
  const payments = await build(ctx);
  cache.set(ctx.tenantId, { clock: ctx.clock, at: now, payments });
  return payments;
}

/** The provider of an existing attempt or notification (also when it is switched off for new payments). */
export async function providerNamed(ctx: Ctx, name: string) {
  const t = await tenantPayments(ctx);
  return (t?.known ?? t?.providers)?.find((p) => p.name === name) ?? null;
}

export async function providerForChannel(ctx: Ctx, channel: PaymentChannel) {
  return (await tenantPayments(ctx))?.providers.find((p) => p.channels.includes(channel)) ?? null;
}

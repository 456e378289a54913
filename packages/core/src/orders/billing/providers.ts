import type { PaymentChannel, PaymentProvider, ProviderName } from '../payments';

/**
 * The payment providers each tenant has, set at start-up (demo: the sandbox; tests: the fake).
 * Credentials stay out of order rows (docs/payments.md); a per-tenant secret store and a settings
 * screen for merchant keys are future work.
 */
export type TenantPayments = {
  providers: PaymentProvider[];
  /** Where the provider sends notifications for this tenant (our /webhooks/payments/:slug/:provider). */
  notifyUrl(provider: ProviderName): string;
};

const byTenant = new Map<string, TenantPayments>();

export function setTenantPayments(tenantId: string, payments: TenantPayments | null) {
  if (payments) byTenant.set(tenantId, payments);
  else byTenant.delete(tenantId);
}

export const tenantPayments = (tenantId: string) => byTenant.get(tenantId) ?? null;

export function providerNamed(tenantId: string, name: string) {
  return byTenant.get(tenantId)?.providers.find((p) => p.name === name) ?? null;
}

export function providerForChannel(tenantId: string, channel: PaymentChannel) {
  return byTenant.get(tenantId)?.providers.find((p) => p.channels.includes(channel)) ?? null;
}

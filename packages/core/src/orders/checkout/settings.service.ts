import { ORDER_LIMITS, type OrderSettings } from '@siyu/contracts';
import { type Ctx, diffChanges } from '../../platform';
import { findSettings, saveSettings } from './settings.repo';

/** Until a tenant sets its own: 15 minutes to pay, express ¥10 free from ¥99, pick-up in store on. */
export const DEFAULT_ORDER_SETTINGS: OrderSettings = {
  paymentMinutes: ORDER_LIMITS.paymentMinutesDefault,
  shipping: {
    express: { enabled: true, flatFee: 1000, freeOver: 9900, provinces: [] },
    pickup: { enabled: true },
  },
};

export async function getOrderSettings(ctx: Ctx): Promise<OrderSettings> {
  const r = await findSettings(ctx.db, ctx.tenantId);
  return r ? { paymentMinutes: r.paymentMinutes, shipping: r.shipping } : DEFAULT_ORDER_SETTINGS;
}

export async function updateOrderSettings(ctx: Ctx, input: OrderSettings): Promise<OrderSettings> {
  const before = await getOrderSettings(ctx);
  await saveSettings(ctx.db, ctx.tenantId, input.paymentMinutes, input.shipping, ctx.clock.now());
  await ctx.audit({
    action: 'orders.settings.update',
    entityType: 'tenant',
    entityId: ctx.tenantId,
    summary: 'Updated order settings (payment deadline, shipping rules)',
    changes: diffChanges(before, input),
  });
  return input;
}

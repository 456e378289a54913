import { eq } from 'drizzle-orm';
import type { Db } from '../../platform';
import { orderSettings, type ShippingRulesJson } from '../orders.tables';

export async function findSettings(db: Db, t: string) {
  const [r] = await db.select().from(orderSettings).where(eq(orderSettings.tenantId, t));
  return r ?? null;
}

export const saveSettings = (db: Db, t: string, paymentMinutes: number, shipping: ShippingRulesJson, at: Date) =>
  db
    .insert(orderSettings)
    .values({ tenantId: t, paymentMinutes, shipping, updatedAt: at })
    .onConflictDoUpdate({ target: orderSettings.tenantId, set: { paymentMinutes, shipping, updatedAt: at } });

import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { wecomDeliveries } from '../messaging.tables';

export type WecomDeliveryRow = typeof wecomDeliveries.$inferSelect;

/** Stores a delivery; null when one with the same identity is already stored (a WeCom retry). */
export async function insertDelivery(db: Db, row: typeof wecomDeliveries.$inferInsert) {
  const [saved] = await db.insert(wecomDeliveries).values(row).onConflictDoNothing().returning();
  return saved ?? null;
}

export async function findDelivery(db: Db, tenantId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select()
    .from(wecomDeliveries)
    .where(and(eq(wecomDeliveries.tenantId, tenantId), eq(wecomDeliveries.id, id)));
  const [row] = await (opts.lock ? q.for('update') : q);
  return row ?? null;
}

/** Records the outcome of one processing attempt. */
export async function finishDelivery(
  db: Db,
  tenantId: string,
  id: string,
  r: { status: 'processed' | 'failed'; outcome?: string | null; error?: string | null; at: Date },
) {
  await db
    .update(wecomDeliveries)
    .set({
      status: r.status,
      outcome: r.outcome ?? null,
      error: r.error ?? null,
      processedAt: r.at,
      attempts: sql`${wecomDeliveries.attempts} + 1`,
    })
    .where(and(eq(wecomDeliveries.tenantId, tenantId), eq(wecomDeliveries.id, id)));
}

import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { customerOwners, customers, ownerTransfers } from '../profiles/profiles.tables';

/** How many live customers the staff member owns or follows ("my customers"). */
export async function countCustomersOf(db: Db, tenantId: string, staffId: string): Promise<number> {
  const follows = sql`exists (select 1 from ${customerOwners} o where o.tenant_id = ${customers.tenantId} and o.customer_id = ${customers.id} and o.staff_id = ${staffId})`;
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, tenantId),
        isNull(customers.mergedInto),
        isNull(customers.erasedAt),
        or(eq(customers.primaryOwnerId, staffId), follows),
      ),
    );
  return r?.n ?? 0;
}

/**
 * Makes the staff member follow the customer, and its primary owner when it has none (recorded as an
 * `assign` in the owner history). Returns whether they became the primary owner.
 */
export async function addFollower(
  db: Db,
  a: {
    tenantId: string;
    customerId: string;
    staffId: string;
    now: Date;
    reason: string;
    actorId: string | null;
    transferId: string;
  },
): Promise<boolean> {
  const took = await db
    .update(customers)
    .set({ primaryOwnerId: a.staffId, updatedAt: a.now })
    .where(and(eq(customers.tenantId, a.tenantId), eq(customers.id, a.customerId), isNull(customers.primaryOwnerId)))
    .returning({ id: customers.id });
  const primary = took.length > 0;
  const row = {
    tenantId: a.tenantId,
    customerId: a.customerId,
    staffId: a.staffId,
    isPrimary: primary,
    addedAt: a.now,
  };
  const insert = db.insert(customerOwners).values(row);
  if (primary) {
    await insert.onConflictDoUpdate({
      target: [customerOwners.tenantId, customerOwners.customerId, customerOwners.staffId],
      set: { isPrimary: true },
    });
    await db.insert(ownerTransfers).values({
      tenantId: a.tenantId,
      id: a.transferId,
      customerId: a.customerId,
      fromStaffId: null,
      toStaffId: a.staffId,
      kind: 'assign',
      reason: a.reason,
      actorId: a.actorId,
      createdAt: a.now,
    });
  } else await insert.onConflictDoNothing();
  return primary;
}

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { addresses, cartItems } from '../orders.tables';

export type CartRow = typeof cartItems.$inferSelect;
export type AddressRow = typeof addresses.$inferSelect;
export type AddressInsert = typeof addresses.$inferInsert;

const mine = (t: string, c: string) => and(eq(cartItems.tenantId, t), eq(cartItems.customerId, c));

export const cartRows = (db: Db, t: string, c: string) =>
  db.select().from(cartItems).where(mine(t, c)).orderBy(asc(cartItems.addedAt), asc(cartItems.skuId));

/** Adds units to a cart line (created when new); returns the line's new quantity. */
export async function upsertCartItem(
  db: Db,
  t: string,
  c: string,
  skuId: string,
  qty: number,
  price: number,
  at: Date,
) {
  const [r] = await db
    .insert(cartItems)
    .values({
      tenantId: t,
      customerId: c,
      skuId,
      quantity: qty,
      selected: true,
      priceAtAdd: price,
      addedAt: at,
      updatedAt: at,
    })
    .onConflictDoUpdate({
      target: [cartItems.tenantId, cartItems.customerId, cartItems.skuId],
      set: { quantity: sql`${cartItems.quantity} + excluded.quantity`, selected: true, updatedAt: at },
    })
    .returning({ quantity: cartItems.quantity });
  return r!.quantity;
}

export async function updateCartRow(
  db: Db,
  t: string,
  c: string,
  skuId: string,
  set: { quantity?: number; selected?: boolean; updatedAt: Date },
) {
  const r = await db
    .update(cartItems)
    .set(set)
    .where(and(mine(t, c), eq(cartItems.skuId, skuId)))
    .returning({ skuId: cartItems.skuId });
  return r.length > 0;
}

export async function deleteCartRows(db: Db, t: string, c: string, skuIds: string[]) {
  if (!skuIds.length) return 0;
  const r = await db
    .delete(cartItems)
    .where(and(mine(t, c), inArray(cartItems.skuId, skuIds)))
    .returning({ skuId: cartItems.skuId });
  return r.length;
}

// ---------- addresses ----------

const ownAddress = (t: string, c: string) => and(eq(addresses.tenantId, t), eq(addresses.customerId, c));

export const addressRows = (db: Db, t: string, c: string) =>
  db
    .select()
    .from(addresses)
    .where(ownAddress(t, c))
    .orderBy(sql`${addresses.isDefault} desc`, sql`${addresses.updatedAt} desc`, asc(addresses.id));

export async function findAddress(db: Db, t: string, c: string, id: string) {
  const [r] = await db
    .select()
    .from(addresses)
    .where(and(ownAddress(t, c), eq(addresses.id, id)));
  return r ?? null;
}

export async function countAddresses(db: Db, t: string, c: string) {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(addresses).where(ownAddress(t, c));
  return Number(r?.n ?? 0);
}

export const insertAddress = (db: Db, row: AddressInsert) => db.insert(addresses).values(row);

export async function updateAddressRow(db: Db, t: string, c: string, id: string, set: Partial<AddressInsert>) {
  const [r] = await db
    .update(addresses)
    .set(set)
    .where(and(ownAddress(t, c), eq(addresses.id, id)))
    .returning();
  return r ?? null;
}

export const clearDefaultAddress = (db: Db, t: string, c: string) =>
  db
    .update(addresses)
    .set({ isDefault: false })
    .where(and(ownAddress(t, c), eq(addresses.isDefault, true)));

export async function deleteAddressRow(db: Db, t: string, c: string, id: string) {
  const r = await db
    .delete(addresses)
    .where(and(ownAddress(t, c), eq(addresses.id, id)))
    .returning({ isDefault: addresses.isDefault });
  return r[0] ?? null;
}

/** Makes the most recently changed address the default (after the default was deleted). */
export async function promoteNewestAddress(db: Db, t: string, c: string) {
  await db.execute(sql`update ${addresses} set is_default = true where tenant_id = ${t} and id = (
    select id from ${addresses} where tenant_id = ${t} and customer_id = ${c} order by updated_at desc, id limit 1)`);
}

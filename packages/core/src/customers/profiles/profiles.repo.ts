import { and, asc, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { type Db, indexTokens, toSearchVector } from '../../platform';
import { customerTags, ownerTags, tags } from '../tags/tags.tables';
import {
  customerConsents,
  customerIdentities,
  customerMerges,
  customerOwners,
  customers,
  ownerTransfers,
} from './profiles.tables';

export type CustomerInsert = typeof customers.$inferInsert;
export type IdentityRow = typeof customerIdentities.$inferSelect;
export type IdentityKey = { kind: IdentityRow['kind']; namespace: string; value: string };

export const insertCustomer = (db: Db, row: CustomerInsert) => db.insert(customers).values(row);

export async function updateCustomerRow(db: Db, tenantId: string, id: string, set: Partial<CustomerInsert>) {
  if (!Object.keys(set).length) return;
  await db
    .update(customers)
    .set(set)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, id)));
}

export async function findCustomerRow(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, id)));
  return row;
}

/** Identities of the given keys, with the customer each belongs to. */
export async function findIdentities(db: Db, tenantId: string, keys: IdentityKey[]) {
  if (!keys.length) return [];
  return db
    .select()
    .from(customerIdentities)
    .where(
      and(
        eq(customerIdentities.tenantId, tenantId),
        or(
          ...keys.map((k) =>
            and(
              eq(customerIdentities.kind, k.kind),
              eq(customerIdentities.namespace, k.namespace),
              eq(customerIdentities.value, k.value),
            ),
          ),
        ),
      ),
    );
}

export const identitiesOf = (db: Db, tenantId: string, customerId: string) =>
  db
    .select()
    .from(customerIdentities)
    .where(and(eq(customerIdentities.tenantId, tenantId), eq(customerIdentities.customerId, customerId)))
    .orderBy(asc(customerIdentities.createdAt));

/**
 * Serializes resolution per identity until the transaction ends: two requests that find nobody
 * holding the same new phone would otherwise each create a customer (the loser's identity insert is
 * skipped, leaving an empty duplicate). Keys are taken in one order, so two resolutions never deadlock.
 */
export async function lockIdentities(db: Db, tenantId: string, keys: IdentityKey[]) {
  const names = [...new Set(keys.map((k) => `${tenantId}|${k.kind}|${k.namespace}|${k.value}`))].sort();
  for (const name of names) await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
}

/** Adds identities nobody holds yet; returns those added. */
export async function addIdentities(db: Db, rows: (typeof customerIdentities.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(customerIdentities).values(rows).onConflictDoNothing().returning();
}

export const deleteIdentity = (db: Db, tenantId: string, k: IdentityKey) =>
  db
    .delete(customerIdentities)
    .where(
      and(
        eq(customerIdentities.tenantId, tenantId),
        eq(customerIdentities.kind, k.kind),
        eq(customerIdentities.namespace, k.namespace),
        eq(customerIdentities.value, k.value),
      ),
    )
    .returning();

export async function moveIdentities(db: Db, tenantId: string, keys: IdentityKey[], to: string) {
  for (const k of keys)
    await db
      .update(customerIdentities)
      .set({ customerId: to })
      .where(
        and(
          eq(customerIdentities.tenantId, tenantId),
          eq(customerIdentities.kind, k.kind),
          eq(customerIdentities.namespace, k.namespace),
          eq(customerIdentities.value, k.value),
        ),
      );
}

export const ownersOf = (db: Db, tenantId: string, customerId: string) =>
  db
    .select()
    .from(customerOwners)
    .where(and(eq(customerOwners.tenantId, tenantId), eq(customerOwners.customerId, customerId)))
    .orderBy(desc(customerOwners.isPrimary), asc(customerOwners.addedAt));

/** Adds a follower; for one who follows already, updates the remark and description given. */
export async function upsertOwner(db: Db, row: typeof customerOwners.$inferInsert) {
  const set = {
    ...(row.remark !== undefined && { remark: row.remark }),
    ...(row.description !== undefined && { description: row.description }),
  };
  const insert = db.insert(customerOwners).values(row);
  await (Object.keys(set).length
    ? insert.onConflictDoUpdate({
        target: [customerOwners.tenantId, customerOwners.customerId, customerOwners.staffId],
        set,
      })
    : insert.onConflictDoNothing());
}

/** Sets a follower's WeCom facts (remark, description, add way, state). */
export const updateOwnerRow = (
  db: Db,
  tenantId: string,
  customerId: string,
  staffId: string,
  set: Pick<typeof customerOwners.$inferInsert, 'remark' | 'description' | 'addWay' | 'state'>,
) =>
  db
    .update(customerOwners)
    .set(set)
    .where(
      and(
        eq(customerOwners.tenantId, tenantId),
        eq(customerOwners.customerId, customerId),
        eq(customerOwners.staffId, staffId),
      ),
    );

export const deleteOwner = (db: Db, tenantId: string, customerId: string, staffId: string) =>
  db
    .delete(customerOwners)
    .where(
      and(
        eq(customerOwners.tenantId, tenantId),
        eq(customerOwners.customerId, customerId),
        eq(customerOwners.staffId, staffId),
      ),
    )
    .returning();

/** Makes `staffId` (already an owner) the only primary owner, and mirrors it on the customer row. */
export async function setPrimaryOwner(db: Db, tenantId: string, customerId: string, staffId: string | null) {
  await db
    .update(customerOwners)
    .set({ isPrimary: false })
    .where(
      and(
        eq(customerOwners.tenantId, tenantId),
        eq(customerOwners.customerId, customerId),
        eq(customerOwners.isPrimary, true),
      ),
    );
  if (staffId)
    await db
      .update(customerOwners)
      .set({ isPrimary: true })
      .where(
        and(
          eq(customerOwners.tenantId, tenantId),
          eq(customerOwners.customerId, customerId),
          eq(customerOwners.staffId, staffId),
        ),
      );
  await updateCustomerRow(db, tenantId, customerId, { primaryOwnerId: staffId });
}

export const insertTransfer = (db: Db, row: typeof ownerTransfers.$inferInsert) =>
  db.insert(ownerTransfers).values(row);

/** Owner changes that count against WeCom's limit (not the first assignment) since `since`. */
export async function countTransfersSince(db: Db, tenantId: string, customerId: string, since: Date) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ownerTransfers)
    .where(
      and(
        eq(ownerTransfers.tenantId, tenantId),
        eq(ownerTransfers.customerId, customerId),
        inArray(ownerTransfers.kind, ['reassign', 'handover', 'resigned']),
        gte(ownerTransfers.createdAt, since),
      ),
    );
  return r?.n ?? 0;
}

export const customerIdsOwnedBy = async (db: Db, tenantId: string, staffId: string) =>
  (
    await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.tenantId, tenantId), eq(customers.primaryOwnerId, staffId), isNull(customers.mergedInto)))
  ).map((r) => r.id);

export const consentsOf = (db: Db, tenantId: string, customerId: string) =>
  db
    .select()
    .from(customerConsents)
    .where(and(eq(customerConsents.tenantId, tenantId), eq(customerConsents.customerId, customerId)));

export async function upsertConsent(db: Db, row: typeof customerConsents.$inferInsert) {
  await db
    .insert(customerConsents)
    .values(row)
    .onConflictDoUpdate({
      target: [customerConsents.tenantId, customerConsents.customerId, customerConsents.channel],
      set: { status: row.status, source: row.source, at: row.at },
    });
}

export const insertMerge = (db: Db, row: typeof customerMerges.$inferInsert) => db.insert(customerMerges).values(row);

export async function findMerge(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(customerMerges)
    .where(and(eq(customerMerges.tenantId, tenantId), eq(customerMerges.id, id)));
  return row;
}

/** The merged customer as it was when merged (kept in `moved.snapshot`); null once erased. */
export type MergedSnapshot = { name: string | null; nickname: string | null; phone: string | null };

/**
 * Merges into a customer, newest first, each with its snapshot of the merged customer — not the
 * lists of moved ids. Merges recorded before snapshots existed read the merged customer's row.
 */
export const mergesInto = (db: Db, tenantId: string, survivorId: string) =>
  db
    .select({
      id: customerMerges.id,
      mergedId: customerMerges.mergedId,
      createdAt: customerMerges.createdAt,
      undoneAt: customerMerges.undoneAt,
      snapshot: sql<MergedSnapshot | null>`coalesce(${customerMerges.moved} -> 'snapshot', jsonb_build_object(
        'name', ${customers.name}, 'nickname', ${customers.nickname}, 'phone', ${customers.phone}))`,
    })
    .from(customerMerges)
    .leftJoin(
      customers,
      and(eq(customers.tenantId, customerMerges.tenantId), eq(customers.id, customerMerges.mergedId)),
    )
    .where(and(eq(customerMerges.tenantId, tenantId), eq(customerMerges.survivorId, survivorId)))
    .orderBy(desc(customerMerges.createdAt));

export const markMergeUndone = (db: Db, tenantId: string, id: string, at: Date, by: string | null) =>
  db
    .update(customerMerges)
    .set({ undoneAt: at, undoneBy: by })
    .where(and(eq(customerMerges.tenantId, tenantId), eq(customerMerges.id, id)));

/** Tags of many customers at once (for list rows). */
export async function tagsOfCustomers(db: Db, tenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      customerId: customerTags.customerId,
      id: tags.id,
      name: tags.name,
      color: tags.color,
      groupId: tags.groupId,
    })
    .from(customerTags)
    .innerJoin(tags, and(eq(tags.tenantId, customerTags.tenantId), eq(tags.id, customerTags.tagId)))
    .where(and(eq(customerTags.tenantId, tenantId), inArray(customerTags.customerId, ids)))
    .orderBy(asc(tags.sort), asc(tags.name));
}

export async function ownerTagsOf(db: Db, tenantId: string, customerId: string) {
  return db
    .select({ staffId: ownerTags.staffId, id: tags.id, name: tags.name, color: tags.color, groupId: tags.groupId })
    .from(ownerTags)
    .innerJoin(tags, and(eq(tags.tenantId, ownerTags.tenantId), eq(tags.id, ownerTags.tagId)))
    .where(and(eq(ownerTags.tenantId, tenantId), eq(ownerTags.customerId, customerId)));
}

/** Rebuilds the search vector from name, nickname, phone, email and the owners' remarks. */
export async function refreshSearch(db: Db, tenantId: string, id: string) {
  const c = await findCustomerRow(db, tenantId, id);
  if (!c) return;
  const remarks = (await ownersOf(db, tenantId, id)).flatMap((o) => [o.remark, o.description]);
  const tokens = c.erasedAt ? [] : indexTokens(c.name, c.nickname, c.phone, c.email?.split('@')[0], ...remarks);
  await db
    .update(customers)
    .set({ search: toSearchVector(tokens) as never })
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, id)));
}

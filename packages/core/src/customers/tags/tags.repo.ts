import { and, asc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform';
import { customerOwners, customers } from '../profiles/profiles.tables';
import { customerTags, ownerTags, tagGroups, tagRules, tags } from './tags.tables';

export type TagGroupRow = typeof tagGroups.$inferSelect;
export type TagRow = typeof tags.$inferSelect;
export type TagSource = (typeof customerTags.$inferSelect)['source'];
/** One (customer, tag) change, as the set-based statements return it. */
export type TagChange = { customerId: string; tagId: string; staffId?: string };

const list = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

// ---- Groups and tags ---------------------------------------------------------------------------

/** Serialises tag and group creation per tenant (the corp-tag limit and unique names). */
export const lockTagCatalog = (db: Db, tenantId: string) =>
  db.execute(sql`select pg_advisory_xact_lock(hashtext(${`siyu.tags:${tenantId}`}))`);

export const listGroupRows = (db: Db, tenantId: string) =>
  db.select().from(tagGroups).where(eq(tagGroups.tenantId, tenantId)).orderBy(asc(tagGroups.sort), asc(tagGroups.id));

export async function findGroupRow(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(tagGroups)
    .where(and(eq(tagGroups.tenantId, tenantId), eq(tagGroups.id, id)));
  return row;
}

export async function groupNameTaken(db: Db, tenantId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: tagGroups.id })
    .from(tagGroups)
    .where(
      and(
        eq(tagGroups.tenantId, tenantId),
        eq(tagGroups.name, name),
        exceptId ? ne(tagGroups.id, exceptId) : undefined,
      ),
    );
  return Boolean(row);
}

export const insertGroupRow = (db: Db, row: typeof tagGroups.$inferInsert) => db.insert(tagGroups).values(row);
export const updateGroupRow = (db: Db, tenantId: string, id: string, set: Partial<typeof tagGroups.$inferInsert>) =>
  db
    .update(tagGroups)
    .set(set)
    .where(and(eq(tagGroups.tenantId, tenantId), eq(tagGroups.id, id)));
export const deleteGroupRow = (db: Db, tenantId: string, id: string) =>
  db.delete(tagGroups).where(and(eq(tagGroups.tenantId, tenantId), eq(tagGroups.id, id)));

export const listTagRows = (db: Db, tenantId: string, groupId?: string) =>
  db
    .select()
    .from(tags)
    .where(and(eq(tags.tenantId, tenantId), groupId ? eq(tags.groupId, groupId) : undefined))
    .orderBy(asc(tags.sort), asc(tags.id));

export async function findTagRow(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(tags)
    .where(and(eq(tags.tenantId, tenantId), eq(tags.id, id)));
  return row;
}

/** The tags with these ids, each with its group's select mode. */
export async function findTagsWithGroups(db: Db, tenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ tag: tags, selectMode: tagGroups.selectMode, groupName: tagGroups.name })
    .from(tags)
    .innerJoin(tagGroups, and(eq(tagGroups.tenantId, tags.tenantId), eq(tagGroups.id, tags.groupId)))
    .where(and(eq(tags.tenantId, tenantId), inArray(tags.id, ids)));
}

export async function tagNameTaken(db: Db, tenantId: string, groupId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: tags.id })
    .from(tags)
    .where(
      and(
        eq(tags.tenantId, tenantId),
        eq(tags.groupId, groupId),
        eq(tags.name, name),
        exceptId ? ne(tags.id, exceptId) : undefined,
      ),
    );
  return Boolean(row);
}

export async function countTags(db: Db, tenantId: string, groupId?: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tags)
    .where(and(eq(tags.tenantId, tenantId), groupId ? eq(tags.groupId, groupId) : undefined));
  return r?.n ?? 0;
}

export const insertTagRow = (db: Db, row: typeof tags.$inferInsert) => db.insert(tags).values(row);
export const updateTagRow = (db: Db, tenantId: string, id: string, set: Partial<typeof tags.$inferInsert>) =>
  db
    .update(tags)
    .set(set)
    .where(and(eq(tags.tenantId, tenantId), eq(tags.id, id)));

/** Deletes the tag and takes it off every customer and relationship; returns whom it was taken from. */
export async function deleteTagEverywhere(db: Db, tenantId: string, id: string): Promise<TagChange[]> {
  const removed = await db
    .delete(customerTags)
    .where(and(eq(customerTags.tenantId, tenantId), eq(customerTags.tagId, id)))
    .returning({ customerId: customerTags.customerId, tagId: customerTags.tagId });
  await db.delete(ownerTags).where(and(eq(ownerTags.tenantId, tenantId), eq(ownerTags.tagId, id)));
  await db.delete(tags).where(and(eq(tags.tenantId, tenantId), eq(tags.id, id)));
  return removed;
}

export const rulesUsingTag = (db: Db, tenantId: string, tagId: string) =>
  db
    .select({ id: tagRules.id, name: tagRules.name })
    .from(tagRules)
    .where(and(eq(tagRules.tenantId, tenantId), eq(tagRules.tagId, tagId)));

/** Customers per tag, counting only customers the condition (tenant, scope, not merged) lets through. */
export async function customerCounts(db: Db, tenantId: string, visible: SQL): Promise<Map<string, number>> {
  const rows = await db
    .select({ tagId: customerTags.tagId, n: sql<number>`count(*)::int` })
    .from(customerTags)
    .where(
      and(
        eq(customerTags.tenantId, tenantId),
        inArray(customerTags.customerId, db.select({ id: customers.id }).from(customers).where(visible)),
      ),
    )
    .groupBy(customerTags.tagId);
  return new Map(rows.map((r) => [r.tagId, r.n]));
}

/**
 * How many customers hold two or more of these tags, on their profile or on a current staff
 * relationship — the customers a single-select group could not have. Merged-away customers are
 * left out: nobody can see them, and their tags only come back with an undo.
 */
export async function countHoldingSeveral(db: Db, tenantId: string, tagIds: string[]): Promise<number> {
  if (tagIds.length < 2) return 0;
  const rows = await db.execute(sql`
    select count(distinct several.customer_id)::int as n from (
      select ct.customer_id from ${customerTags} ct
      where ct.tenant_id = ${tenantId} and ct.tag_id in (${list(tagIds)})
      group by ct.customer_id having count(*) > 1
      union all
      select ot.customer_id from ${ownerTags} ot
      join ${customerOwners} o on o.tenant_id = ot.tenant_id and o.customer_id = ot.customer_id and o.staff_id = ot.staff_id
      where ot.tenant_id = ${tenantId} and ot.tag_id in (${list(tagIds)})
      group by ot.customer_id, ot.staff_id having count(*) > 1
    ) several
    join ${customers} c on c.tenant_id = ${tenantId} and c.id = several.customer_id
    where c.merged_into is null`);
  return rowsOf<{ n: number }>(rows)[0]?.n ?? 0;
}

// ---- Tags on customers (set-based: one statement per step, whatever the number of customers) ------

/** The customer tags of the customers matching `target`, with these tag ids, optionally only those one rule added. */
export async function deleteCustomerTags(
  db: Db,
  tenantId: string,
  target: SQL,
  tagIds: string[],
  onlyAddedBy?: { source: TagSource; addedBy: string },
): Promise<TagChange[]> {
  if (!tagIds.length) return [];
  const rows = await db.execute(sql`
    delete from ${customerTags} ct
    where ct.tenant_id = ${tenantId} and ct.tag_id in (${list(tagIds)})
      ${onlyAddedBy ? sql`and ct.source = ${onlyAddedBy.source} and ct.added_by = ${onlyAddedBy.addedBy}` : sql``}
      and ct.customer_id in (select customers.id from ${customers} where ${target})
    returning ct.customer_id as "customerId", ct.tag_id as "tagId"`);
  return rowsOf<TagChange>(rows);
}

/** Gives every customer matching `target` these tags (those they lack); returns what was added. */
export async function insertCustomerTags(
  db: Db,
  tenantId: string,
  target: SQL,
  tagIds: string[],
  by: { source: TagSource; addedBy: string | null; at: Date },
): Promise<TagChange[]> {
  if (!tagIds.length) return [];
  const rows = await db.execute(sql`
    insert into ${customerTags} (tenant_id, customer_id, tag_id, source, added_by, added_at)
    select customers.tenant_id, customers.id, t.tag_id, ${by.source}, ${by.addedBy}, ${by.at.toISOString()}::timestamptz
    from ${customers} cross join unnest(array[${list(tagIds)}]::text[]) as t(tag_id)
    where customers.tenant_id = ${tenantId} and ${target}
    on conflict do nothing
    returning customer_id as "customerId", tag_id as "tagId"`);
  return rowsOf<TagChange>(rows);
}

/** A customer's tags with their groups (for the customer's tag list). */
export const customerTagRows = (db: Db, tenantId: string, customerId: string) =>
  db
    .select({ ct: customerTags, tag: tags, groupName: tagGroups.name })
    .from(customerTags)
    .innerJoin(tags, and(eq(tags.tenantId, customerTags.tenantId), eq(tags.id, customerTags.tagId)))
    .innerJoin(tagGroups, and(eq(tagGroups.tenantId, tags.tenantId), eq(tagGroups.id, tags.groupId)))
    .where(and(eq(customerTags.tenantId, tenantId), eq(customerTags.customerId, customerId)))
    .orderBy(asc(tagGroups.sort), asc(tags.sort), asc(tags.id));

// ---- Tags on one staff member's relationship ----------------------------------------------------

export async function isOwner(db: Db, tenantId: string, customerId: string, staffId: string) {
  const [row] = await db
    .select({ staffId: customerOwners.staffId })
    .from(customerOwners)
    .where(
      and(
        eq(customerOwners.tenantId, tenantId),
        eq(customerOwners.customerId, customerId),
        eq(customerOwners.staffId, staffId),
      ),
    );
  return Boolean(row);
}

export const ownerTagRows = (db: Db, tenantId: string, customerId: string) =>
  db
    .select({ ot: ownerTags, tag: tags, groupName: tagGroups.name })
    .from(ownerTags)
    .innerJoin(
      customerOwners,
      and(
        eq(customerOwners.tenantId, ownerTags.tenantId),
        eq(customerOwners.customerId, ownerTags.customerId),
        eq(customerOwners.staffId, ownerTags.staffId),
      ),
    )
    .innerJoin(tags, and(eq(tags.tenantId, ownerTags.tenantId), eq(tags.id, ownerTags.tagId)))
    .innerJoin(tagGroups, and(eq(tagGroups.tenantId, tags.tenantId), eq(tagGroups.id, tags.groupId)))
    .where(and(eq(ownerTags.tenantId, tenantId), eq(ownerTags.customerId, customerId)))
    .orderBy(asc(customerOwners.addedAt), asc(tagGroups.sort), asc(tags.sort), asc(tags.id));

export async function deleteOwnerTags(db: Db, tenantId: string, customerId: string, staffId: string, tagIds: string[]) {
  if (!tagIds.length) return [];
  return db
    .delete(ownerTags)
    .where(
      and(
        eq(ownerTags.tenantId, tenantId),
        eq(ownerTags.customerId, customerId),
        eq(ownerTags.staffId, staffId),
        inArray(ownerTags.tagId, tagIds),
      ),
    )
    .returning({ customerId: ownerTags.customerId, tagId: ownerTags.tagId, staffId: ownerTags.staffId });
}

export async function insertOwnerTags(
  db: Db,
  tenantId: string,
  customerId: string,
  staffId: string,
  tagIds: string[],
  at: Date,
) {
  if (!tagIds.length) return [];
  return db
    .insert(ownerTags)
    .values(tagIds.map((tagId) => ({ tenantId, customerId, staffId, tagId, addedAt: at })))
    .onConflictDoNothing()
    .returning({ customerId: ownerTags.customerId, tagId: ownerTags.tagId, staffId: ownerTags.staffId });
}

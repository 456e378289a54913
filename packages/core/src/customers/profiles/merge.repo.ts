import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { rowsOf } from '../../platform';
import { customerNotes, followUps, tasks } from '../follow-ups/follow-ups.tables';
import { customerTags, tagGroups, tags } from '../tags/tags.tables';
import { customerOwners } from './profiles.tables';

/**
 * Gives `to` the tags of `from` it lacks; returns the tag ids added. In a single-select group the
 * survivor's own tag wins: a tag of a group in which `to` holds one already is not copied.
 */
export async function copyTags(db: Db, tenantId: string, from: string, to: string): Promise<string[]> {
  const rows = await db.execute<{ tag_id: string }>(sql`
    insert into ${customerTags} (tenant_id, customer_id, tag_id, source, added_by, added_at)
    select ct.tenant_id, ${to}, ct.tag_id, ct.source, ct.added_by, ct.added_at
    from ${customerTags} ct
    join ${tags} t on t.tenant_id = ct.tenant_id and t.id = ct.tag_id
    join ${tagGroups} g on g.tenant_id = t.tenant_id and g.id = t.group_id
    where ct.tenant_id = ${tenantId} and ct.customer_id = ${from}
      and not (g.select_mode = 'single' and exists (
        select 1 from ${customerTags} mine join ${tags} mt on mt.tenant_id = mine.tenant_id and mt.id = mine.tag_id
        where mine.tenant_id = ${tenantId} and mine.customer_id = ${to} and mt.group_id = t.group_id))
    on conflict do nothing returning tag_id`);
  return rowsOf<{ tag_id: string }>(rows).map((r) => r.tag_id);
}

export const removeTags = (db: Db, tenantId: string, customerId: string, tagIds: string[]) =>
  tagIds.length
    ? db
        .delete(customerTags)
        .where(
          and(
            eq(customerTags.tenantId, tenantId),
            eq(customerTags.customerId, customerId),
            inArray(customerTags.tagId, tagIds),
          ),
        )
    : Promise.resolve();

/** Gives `to` the followers of `from` it lacks (never as primary); returns their staff ids. */
export async function copyOwners(db: Db, tenantId: string, from: string, to: string): Promise<string[]> {
  const rows = await db.execute<{ staff_id: string }>(sql`
    insert into ${customerOwners} (tenant_id, customer_id, staff_id, is_primary, remark, description, add_way, state, added_at)
    select tenant_id, ${to}, staff_id, false, remark, description, add_way, state, added_at from ${customerOwners}
    where tenant_id = ${tenantId} and customer_id = ${from}
    on conflict do nothing returning staff_id`);
  return rowsOf<{ staff_id: string }>(rows).map((r) => r.staff_id);
}

export const removeOwners = (db: Db, tenantId: string, customerId: string, staffIds: string[]) =>
  staffIds.length
    ? db
        .delete(customerOwners)
        .where(
          and(
            eq(customerOwners.tenantId, tenantId),
            eq(customerOwners.customerId, customerId),
            inArray(customerOwners.staffId, staffIds),
          ),
        )
    : Promise.resolve();

const WORK = { notes: customerNotes, followUps, tasks } as const;
export type MovedWork = Record<keyof typeof WORK, string[]>;

/** Moves notes, follow-ups and tasks to another customer; returns what moved. */
export async function moveWork(db: Db, tenantId: string, from: string, to: string): Promise<MovedWork> {
  const out = { notes: [], followUps: [], tasks: [] } as MovedWork;
  for (const [k, t] of Object.entries(WORK) as [keyof typeof WORK, (typeof WORK)[keyof typeof WORK]][]) {
    const rows = await db
      .update(t)
      .set({ customerId: to })
      .where(and(eq(t.tenantId, tenantId), eq(t.customerId, from)))
      .returning({ id: t.id });
    out[k] = rows.map((r) => r.id);
  }
  return out;
}

export async function moveWorkBack(db: Db, tenantId: string, moved: MovedWork, to: string) {
  for (const [k, t] of Object.entries(WORK) as [keyof typeof WORK, (typeof WORK)[keyof typeof WORK]][]) {
    const ids = moved[k] ?? [];
    if (ids.length)
      await db
        .update(t)
        .set({ customerId: to })
        .where(and(eq(t.tenantId, tenantId), inArray(t.id, ids)));
  }
}

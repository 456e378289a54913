/** Tags and groups linked to WeCom corp tags (`wecom_tag_id`, `wecom_group_id`): lookups for the sync. */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../platform';
import { tagGroups, tags } from './tags.tables';

export const linkedGroupRows = (db: Db, tenantId: string) =>
  db
    .select()
    .from(tagGroups)
    .where(and(eq(tagGroups.tenantId, tenantId), isNotNull(tagGroups.wecomGroupId)));

export const linkedTagRows = (db: Db, tenantId: string) =>
  db
    .select()
    .from(tags)
    .where(and(eq(tags.tenantId, tenantId), isNotNull(tags.wecomTagId)));

export const tagsByWecomIds = (db: Db, tenantId: string, wecomTagIds: string[]) =>
  wecomTagIds.length
    ? db
        .select({ id: tags.id, wecomTagId: tags.wecomTagId })
        .from(tags)
        .where(and(eq(tags.tenantId, tenantId), inArray(tags.wecomTagId, wecomTagIds)))
    : Promise.resolve([]);

export const wecomIdsOf = (db: Db, tenantId: string, tagIds: string[]) =>
  tagIds.length
    ? db
        .select({ id: tags.id, wecomTagId: tags.wecomTagId })
        .from(tags)
        .where(and(eq(tags.tenantId, tenantId), inArray(tags.id, tagIds), isNotNull(tags.wecomTagId)))
    : Promise.resolve([]);

export async function groupByName(db: Db, tenantId: string, name: string) {
  const [row] = await db
    .select()
    .from(tagGroups)
    .where(and(eq(tagGroups.tenantId, tenantId), eq(tagGroups.name, name)));
  return row ?? null;
}

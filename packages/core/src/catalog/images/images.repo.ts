import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { images } from '../catalog.tables';

export type ImageRow = typeof images.$inferSelect;

export const insertImageRow = (db: Db, row: typeof images.$inferInsert) => db.insert(images).values(row);

export async function findImageRow(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(images)
    .where(and(eq(images.tenantId, tenantId), eq(images.id, id)));
  return row;
}

export async function existingImageIds(db: Db, tenantId: string, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: images.id })
    .from(images)
    .where(and(eq(images.tenantId, tenantId), inArray(images.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Storage keys of all tenants' images after a (tenant, id) position, in that order: the backfill's pages. */
export async function imageKeysAfter(db: Db, after: { tenantId: string; id: string } | null, limit: number) {
  const rows = await db
    .select({ tenantId: images.tenantId, id: images.id, storageKey: images.storageKey })
    .from(images)
    .where(after ? sql`(${images.tenantId}, ${images.id}) > (${after.tenantId}, ${after.id})` : undefined)
    .orderBy(images.tenantId, images.id)
    .limit(limit);
  return rows;
}

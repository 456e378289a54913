import { and, eq, inArray } from 'drizzle-orm';
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

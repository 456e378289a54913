import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform';
import { wecomMedia } from '../messaging.tables';

export async function findMedia(db: Db, tenantId: string, corpId: string, sourceUrl: string) {
  const [row] = await db
    .select()
    .from(wecomMedia)
    .where(and(eq(wecomMedia.tenantId, tenantId), eq(wecomMedia.corpId, corpId), eq(wecomMedia.sourceUrl, sourceUrl)));
  return row ?? null;
}

export async function saveMedia(db: Db, row: typeof wecomMedia.$inferInsert) {
  await db
    .insert(wecomMedia)
    .values(row)
    .onConflictDoUpdate({
      target: [wecomMedia.tenantId, wecomMedia.corpId, wecomMedia.sourceUrl],
      set: { mediaId: row.mediaId, uploadedAt: row.uploadedAt },
    });
}

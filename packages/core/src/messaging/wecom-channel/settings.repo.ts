import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { wecomSettings } from '../messaging.tables';

export type WecomSettingsRow = typeof wecomSettings.$inferSelect;

export async function findWecomSettings(db: Db, tenantId: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(wecomSettings).where(eq(wecomSettings.tenantId, tenantId));
  const [row] = await (opts.lock ? q.for('update') : q);
  return row ?? null;
}

/** Inserts or replaces a tenant's settings; the version goes up by one on every write. */
export async function saveWecomSettings(db: Db, row: Omit<WecomSettingsRow, 'version'>) {
  const { tenantId: _t, ...set } = row;
  const [saved] = await db
    .insert(wecomSettings)
    .values({ ...row, version: 1 })
    .onConflictDoUpdate({ target: wecomSettings.tenantId, set: { ...set, version: sql`${wecomSettings.version} + 1` } })
    .returning();
  return saved!;
}

import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { channelSettings } from './owned.tables';

export type ChannelSettingsRow = typeof channelSettings.$inferSelect;
export type ChannelName = ChannelSettingsRow['channel'];

export const channelSettingsOf = (db: Db, tenantId: string): Promise<ChannelSettingsRow[]> =>
  db.select().from(channelSettings).where(eq(channelSettings.tenantId, tenantId));

export async function lockChannelSettings(db: Db, tenantId: string, channel: ChannelName) {
  const [row] = await db
    .select()
    .from(channelSettings)
    .where(and(eq(channelSettings.tenantId, tenantId), eq(channelSettings.channel, channel)))
    .for('update');
  return row ?? null;
}

/** Inserts or replaces a channel's settings; the version goes up by one on every write. */
export async function saveChannelSettings(db: Db, row: Omit<ChannelSettingsRow, 'version'>) {
  const { tenantId: _t, channel: _c, ...set } = row;
  const [saved] = await db
    .insert(channelSettings)
    .values({ ...row, version: 1 })
    .onConflictDoUpdate({
      target: [channelSettings.tenantId, channelSettings.channel],
      set: { ...set, version: sql`${channelSettings.version} + 1` },
    })
    .returning();
  return saved!;
}

import { and, eq, sql } from 'drizzle-orm';
import { type Db, jsonb } from '../../platform';
import { paymentSettings } from './payment-settings.tables';

export type PaymentSettingsRow = typeof paymentSettings.$inferSelect;
export type PaymentSettingsProvider = PaymentSettingsRow['provider'];

export const settingsOf = (db: Db, tenantId: string): Promise<PaymentSettingsRow[]> =>
  db.select().from(paymentSettings).where(eq(paymentSettings.tenantId, tenantId));

export async function lockSettings(db: Db, tenantId: string, provider: PaymentSettingsProvider) {
  const [row] = await db
    .select()
    .from(paymentSettings)
    .where(and(eq(paymentSettings.tenantId, tenantId), eq(paymentSettings.provider, provider)))
    .for('update');
  return row ?? null;
}

/** Inserts or replaces a provider's settings; the version goes up by one on every write. */
export async function saveSettings(db: Db, row: Omit<PaymentSettingsRow, 'version'>) {
  const { tenantId: _t, provider: _p, ...set } = row;
  const [saved] = await db
    .insert(paymentSettings)
    .values({ ...row, version: 1 })
    .onConflictDoUpdate({
      target: [paymentSettings.tenantId, paymentSettings.provider],
      set: { ...set, version: sql`${paymentSettings.version} + 1` },
    })
    .returning();
  return saved!;
}

/** Tenants with any stored secret (start-up check that the master key opens them). */
export const sealedSamples = (db: Db, limit: number) =>
  db
    .select({
      tenantId: paymentSettings.tenantId,
      provider: paymentSettings.provider,
      secrets: paymentSettings.secrets,
    })
    .from(paymentSettings)
    .where(sql`${paymentSettings.secrets} <> '{}'::jsonb`)
    .limit(limit);

/** Every row holding secrets (re-sealing after a key rotation). */
export const rowsWithSecrets = (db: Db, tenantId?: string) =>
  db
    .select({
      tenantId: paymentSettings.tenantId,
      provider: paymentSettings.provider,
      secrets: paymentSettings.secrets,
    })
    .from(paymentSettings)
    .where(
      and(
        sql`${paymentSettings.secrets} <> '{}'::jsonb`,
        tenantId ? eq(paymentSettings.tenantId, tenantId) : undefined,
      ),
    );

/** Replaces a row's sealed secrets, unless they changed meanwhile (a save wins). */
export async function replaceSecrets(
  db: Db,
  row: { tenantId: string; provider: PaymentSettingsProvider; secrets: Record<string, string> },
  next: Record<string, string>,
) {
  const updated = await db
    .update(paymentSettings)
    .set({ secrets: next })
    .where(
      and(
        eq(paymentSettings.tenantId, row.tenantId),
        eq(paymentSettings.provider, row.provider),
        sql`${paymentSettings.secrets} = ${jsonb(row.secrets)}`,
      ),
    )
    .returning({ tenantId: paymentSettings.tenantId });
  return updated.length > 0;
}

import { eq } from 'drizzle-orm';
import type { Db } from '../platform';
import { tenants } from './access.tables';

export type TenantRow = typeof tenants.$inferSelect;

export const insertTenant = (db: Db, row: typeof tenants.$inferInsert) => db.insert(tenants).values(row);

export async function findTenantBySlug(db: Db, slug: string): Promise<TenantRow | undefined> {
  const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  return row;
}

export async function findTenantById(db: Db, id: string): Promise<TenantRow | undefined> {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, id));
  return row;
}

export async function updateTenant(db: Db, id: string, set: Partial<typeof tenants.$inferInsert>) {
  const [row] = await db.update(tenants).set(set).where(eq(tenants.id, id)).returning();
  return row;
}

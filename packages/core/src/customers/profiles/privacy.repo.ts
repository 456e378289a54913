import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { customerEvents } from '../events/events.tables';
import { customerNotes, followUps } from '../follow-ups/follow-ups.tables';
import { customerTags } from '../tags/tags.tables';
import { customerConsents, customerIdentities, customerMerges, customerOwners, customers } from './profiles.tables';

/** Everything stored about one customer, for a PIPL access request. */
export async function personalRecords(db: Db, tenantId: string, customerId: string) {
  const by = <T extends { tenantId: unknown; customerId: unknown }>(t: T) =>
    and(eq(t.tenantId as never, tenantId), eq(t.customerId as never, customerId));
  return {
    events: await db.select().from(customerEvents).where(by(customerEvents)).orderBy(asc(customerEvents.occurredAt)),
    notes: await db.select().from(customerNotes).where(by(customerNotes)),
    followUps: await db.select().from(followUps).where(by(followUps)),
  };
}

/**
 * PIPL erasure: personal fields, identities, notes, follow-up texts and the merge history's snapshots
 * go; order facts stay, anonymous.
 */
export async function erasePersonalData(db: Db, tenantId: string, customerId: string, at: Date) {
  const by = <T extends { tenantId: unknown; customerId: unknown }>(t: T) =>
    and(eq(t.tenantId as never, tenantId), eq(t.customerId as never, customerId));
  await db.delete(customerIdentities).where(by(customerIdentities));
  await db.delete(customerNotes).where(by(customerNotes));
  await db.update(followUps).set({ content: '', nextStep: null }).where(by(followUps));
  await db.delete(customerTags).where(by(customerTags));
  await db.update(customerOwners).set({ remark: null, description: null }).where(by(customerOwners));
  await db.delete(customerConsents).where(by(customerConsents));
  // the merge history's snapshot of who was merged (name, phone), on either side of the merge
  await db
    .update(customerMerges)
    .set({ moved: sql`jsonb_set(${customerMerges.moved}, '{snapshot}', 'null')` })
    .where(
      and(
        eq(customerMerges.tenantId, tenantId),
        or(eq(customerMerges.survivorId, customerId), eq(customerMerges.mergedId, customerId)),
      ),
    );
  await db
    .update(customers)
    .set({
      name: null,
      nickname: null,
      birthday: null,
      lunarBirthday: null,
      birthMonth: null,
      province: null,
      city: null,
      district: null,
      avatarUrl: null,
      phone: null,
      email: null,
      custom: {},
      erasedAt: at,
      updatedAt: at,
    })
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)));
}

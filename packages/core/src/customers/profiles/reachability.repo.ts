import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform';
import { customerConsents, customers } from './profiles.tables';

export async function contactRow(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({
      id: customers.id,
      phone: customers.phone,
      email: customers.email,
      mergedInto: customers.mergedInto,
      erasedAt: customers.erasedAt,
    })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, id)));
  return row ?? null;
}

export async function consentOf(db: Db, tenantId: string, customerId: string, channel: 'sms' | 'email') {
  const [row] = await db
    .select({ status: customerConsents.status })
    .from(customerConsents)
    .where(
      and(
        eq(customerConsents.tenantId, tenantId),
        eq(customerConsents.customerId, customerId),
        eq(customerConsents.channel, channel),
      ),
    );
  return row?.status ?? null;
}

/** Live (not merged away, not erased) customers with this phone number. */
export const customersWithPhone = (db: Db, tenantId: string, phone: string) =>
  db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, tenantId),
        eq(customers.phone, phone),
        isNull(customers.mergedInto),
        isNull(customers.erasedAt),
      ),
    );

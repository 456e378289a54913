import { and, desc, eq } from 'drizzle-orm';
import type { Clock } from './clock';
import type { Db } from './db';
import { AppError } from './errors';
import { newId } from './ids';
import { devSmsMessages } from './platform.tables';

export type SmsMessage = { tenantId: string; tenantSlug: string; phone: string; text: string; code?: string };

/** Sends text messages. Real providers plug in here; the dev provider only records. */
export type SmsProvider = { name: string; send(msg: SmsMessage): Promise<void> };

/**
 * Demo mode only: records every message in `dev_sms_messages` instead of sending it, so a person
 * trying the demo (and the tests) can read the code at /api/dev/sms.
 */
export function devSmsProvider(db: Db, clock: Clock): SmsProvider {
  return {
    name: 'dev',
    async send(msg) {
      await db.insert(devSmsMessages).values({
        id: newId('sms', clock.now()),
        tenantId: msg.tenantId,
        tenantSlug: msg.tenantSlug,
        phone: msg.phone,
        text: msg.text,
        code: msg.code ?? null,
        sentAt: clock.now(),
      });
    },
  };
}

/** Production without a configured provider: every send fails with a clear 503. */
export const unconfiguredSmsProvider: SmsProvider = {
  name: 'none',
  async send() {
    throw new AppError(503, 'SMS_NOT_CONFIGURED', 'No SMS provider is configured on this server');
  },
};

export async function listDevSms(db: Db, opts: { phone?: string; limit: number }) {
  const rows = await db
    .select()
    .from(devSmsMessages)
    .where(opts.phone ? and(eq(devSmsMessages.phone, opts.phone)) : undefined)
    .orderBy(desc(devSmsMessages.sentAt), desc(devSmsMessages.id))
    .limit(opts.limit);
  return rows.map((r) => ({ ...r, sentAt: r.sentAt.toISOString() }));
}

import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Clock } from './clock';
import type { Actor, AuditInput } from './context';
import type { Db } from './db';
import { newId } from './ids';
import { auditLog, outbox, outboxHandled } from './platform.tables';

export type OutboxRow = typeof outbox.$inferSelect;

type OutboxInput = {
  tenantId: string | null;
  kind: 'event' | 'job';
  name: string;
  payload: unknown;
  startAfter?: Date;
};

export const insertOutbox = (db: Db, clock: Clock, row: OutboxInput) => insertOutboxMany(db, clock, [row]);

/** Writes outbox rows in multi-row statements (a batch of 5,000 events is a handful of inserts). */
export async function insertOutboxMany(db: Db, clock: Clock, rows: OutboxInput[]) {
  const now = clock.now();
  const values = rows.map((row) => ({
    id: newId('evt', now),
    tenantId: row.tenantId,
    kind: row.kind,
    name: row.name,
    payload: row.payload,
    jobId: row.kind === 'job' ? randomUUID() : null,
    startAfter: row.startAfter ?? null,
    createdAt: now,
    availableAt: now,
  }));
  for (let i = 0; i < values.length; i += 1000) await db.insert(outbox).values(values.slice(i, i + 1000));
}

export async function insertAudit(
  db: Db,
  clock: Clock,
  tenantId: string,
  actor: Actor,
  ip: string | null,
  entry: AuditInput,
) {
  const now = clock.now();
  await db.insert(auditLog).values({
    tenantId,
    id: newId('aud', now),
    at: now,
    actorId: actor.kind === 'system' ? null : actor.id,
    actorName: actor.kind === 'staff' ? actor.name : actor.kind === 'system' ? `system:${actor.name}` : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    summary: entry.summary,
    changes: entry.changes ?? null,
    ip,
  });
}

/** Locks a batch of due rows; other dispatchers skip them until this transaction ends. */
export const lockDueRows = (tx: Db, now: Date, limit: number, tenantId?: string) =>
  tx
    .select()
    .from(outbox)
    .where(
      and(
        isNull(outbox.dispatchedAt),
        lte(outbox.availableAt, now),
        tenantId === undefined ? undefined : eq(outbox.tenantId, tenantId),
      ),
    )
    .orderBy(asc(outbox.availableAt), asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });

/** Claims (event, handler); false when that handler already ran for the event. */
export async function claimHandler(tx: Db, eventId: string, handler: string, now: Date): Promise<boolean> {
  const rows = await tx
    .insert(outboxHandled)
    .values({ eventId, handler, handledAt: now })
    .onConflictDoNothing()
    .returning({ eventId: outboxHandled.eventId });
  return rows.length > 0;
}

export const markDispatched = (db: Db, ids: string[], now: Date) =>
  ids.length ? db.update(outbox).set({ dispatchedAt: now }).where(inArray(outbox.id, ids)) : Promise.resolve();

export const markFailed = (db: Db, id: string, error: string, retryAt: Date) =>
  db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error.slice(0, 2000), availableAt: retryAt })
    .where(eq(outbox.id, id));

export async function countPending(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(isNull(outbox.dispatchedAt));
  return r?.n ?? 0;
}

import type { EventName, EventPayload } from '@siyu/contracts';
import type { Clock } from './clock';
import type { Db } from './db';
import type { Logger } from './logger';
import { insertAudit, insertOutbox, insertOutboxMany } from './outbox.repo';

export type Actor =
  | { kind: 'staff'; id: string; name: string; permissions: string[] }
  | { kind: 'shopper'; id: string }
  | { kind: 'system'; name: string };

/** Which rows of other domains an actor may see (from the widest of their roles' data scopes). */
export type Scope = { kind: 'all' } | { kind: 'org_units'; unitIds: string[] } | { kind: 'self'; staffId: string };

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  summary: string;
  changes?: Record<string, unknown> | null;
};

/** Everything a use-case needs: `fn(ctx, input)`. Bound to one tenant and to a db or transaction. */
export type Ctx = {
  tenantId: string;
  actor: Actor;
  scope: Scope;
  db: Db;
  clock: Clock;
  log: Logger;
  ip: string | null;
  inTransaction: boolean;
  /** Wakes the outbox dispatcher (after a commit). */
  kick(): void;
  /** Runs `fn` once the current transaction has committed (at once outside a transaction); never after a rollback. */
  afterCommit(fn: () => void): void;
  emit<N extends EventName>(name: N, payload: EventPayload<N>): Promise<void>;
  /** Many events of one name in one statement (batch writers). */
  emitMany<N extends EventName>(name: N, payloads: EventPayload<N>[]): Promise<void>;
  enqueue(job: string, payload: Record<string, unknown>, opts?: { startAfter?: Date }): Promise<void>;
  audit(entry: AuditInput): Promise<void>;
};

export type CtxInit = Pick<Ctx, 'tenantId' | 'actor' | 'scope' | 'db' | 'clock' | 'log' | 'ip'> & {
  inTransaction?: boolean;
  kick?: () => void;
  afterCommit?: (fn: () => void) => void;
};

const runNow = (fn: () => void) => fn();

const noop = () => {};

export function makeCtx(init: CtxInit): Ctx {
  const { db, clock, tenantId } = init;
  const kick = init.kick ?? noop;
  const afterCommit = init.afterCommit ?? runNow;
  // The dispatcher is woken once the outbox rows are committed, and only when there are some.
  const outbox = async (write: Promise<unknown>) => {
    await write;
    afterCommit(kick);
  };
  return {
    ...init,
    inTransaction: init.inTransaction ?? false,
    kick,
    afterCommit,
    emit: (name, payload) => outbox(insertOutbox(db, clock, { tenantId, kind: 'event', name, payload })),
    emitMany: (name, payloads) =>
      outbox(
        insertOutboxMany(
          db,
          clock,
          payloads.map((payload) => ({ tenantId, kind: 'event', name, payload })),
        ),
      ),
    enqueue: (job, payload, opts) =>
      outbox(insertOutbox(db, clock, { tenantId, kind: 'job', name: job, payload, startAfter: opts?.startAfter })),
    audit: (entry) => insertAudit(db, clock, tenantId, init.actor, init.ip, entry),
  };
}

/** Runs `fn` in one transaction; events and jobs it emits are delivered after commit (the dispatcher is woken then). */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return fn(ctx);
  const committed = new Set<() => void>(); // a function given twice (the dispatcher's kick) runs once
  const result = await ctx.db.transaction((tx) =>
    fn(makeCtx({ ...ctx, db: tx as Db, inTransaction: true, afterCommit: (f) => committed.add(f) })),
  );
  for (const f of committed) f();
  return result;
}

export const actorId = (ctx: Pick<Ctx, 'actor'>) => (ctx.actor.kind === 'system' ? null : ctx.actor.id);

/** The same context (and transaction), bound to another tenant: for set-up work that creates tenants. */
export const withTenant = (ctx: Ctx, tenantId: string): Ctx => makeCtx({ ...ctx, tenantId });

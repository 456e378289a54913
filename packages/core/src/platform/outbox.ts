import type { Clock } from './clock';
import { makeCtx } from './context';
import type { Db } from './db';
import type { Logger } from './logger';
import { claimHandler, lockDueRows, markDispatched, markFailed, type OutboxRow } from './outbox.repo';
import type { Registry } from './registry';

export type JobSender = (row: OutboxRow) => Promise<void>;

const BATCH = 50;
const backoffMs = (attempts: number) => Math.min(2 ** attempts * 1000, 3_600_000);

/**
 * Delivers outbox rows after commit: events to their subscribers (each in a savepoint, once per
 * (event, handler)), jobs to the job queue (by a fixed job id, so a second send is a no-op).
 */
export function createDispatcher(deps: { db: Db; clock: Clock; log: Logger; registry: Registry; sendJob: JobSender }) {
  const { db, clock, log, registry } = deps;
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  /** Delivers one event to its handlers, each in a savepoint; what a handler defers to after the commit joins `committed`. */
  async function deliverEvent(tx: Db, row: OutboxRow, committed: Set<() => void>): Promise<boolean> {
    for (const sub of registry.subscribers.filter((s) => s.event === row.name)) {
      const deferred = new Set<() => void>();
      try {
        await tx.transaction(async (sp) => {
          const spDb = sp as Db;
          if (!(await claimHandler(spDb, row.id, sub.name, clock.now()))) return;
          const ctx = makeCtx({
            tenantId: row.tenantId ?? '',
            actor: { kind: 'system', name: sub.name },
            scope: { kind: 'all' },
            db: spDb,
            clock,
            log,
            ip: null,
            inTransaction: true,
            afterCommit: (f) => deferred.add(f),
          });
          await sub.handle(ctx, row.payload as never, { eventId: row.id });
        });
        for (const f of deferred) committed.add(f);
      } catch (e) {
        const msg = `${sub.name}: ${(e as Error).stack ?? e}`;
        log.warn({ event: row.name, eventId: row.id, handler: sub.name, err: e }, 'event handler failed');
        await markFailed(tx, row.id, msg, new Date(clock.now().getTime() + backoffMs(row.attempts)));
        return false;
      }
    }
    return true;
  }

  /** One pass over due rows (of one tenant, when given); returns how many rows it delivered. */
  async function runOnce(tenantId?: string): Promise<number> {
    const jobs: OutboxRow[] = [];
    const committed = new Set<() => void>();
    const delivered = await db.transaction(async (txRaw) => {
      const tx = txRaw as Db;
      const rows = await lockDueRows(tx, clock.now(), BATCH, tenantId);
      const done: string[] = [];
      for (const row of rows) {
        if (row.kind === 'job') jobs.push(row);
        else if (await deliverEvent(tx, row, committed)) done.push(row.id);
      }
      await markDispatched(tx, done, clock.now());
      return done.length;
    });
    for (const f of committed) f();
    const sent: string[] = [];
    for (const row of jobs) {
      try {
        await deps.sendJob(row);
        sent.push(row.id);
      } catch (e) {
        log.warn({ job: row.name, err: e }, 'could not enqueue job');
        await markFailed(db, row.id, String(e), new Date(clock.now().getTime() + backoffMs(row.attempts)));
      }
    }
    await markDispatched(db, sent, clock.now());
    return delivered + sent.length;
  }

  /**
   * Runs passes until nothing is due. Concurrent calls share one run. Tests pass their tenant, so
   * test processes sharing one PostgreSQL database do not deliver each other's rows.
   */
  async function drain(tenantId?: string): Promise<number> {
    if (tenantId !== undefined) {
      let total = 0;
      for (let n = await runOnce(tenantId); n > 0; n = await runOnce(tenantId)) total += n;
      return total;
    }
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        for (let n = await runOnce(); n > 0; n = await runOnce()) total += n;
      } while (again);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  const kick = () => {
    setImmediate(() => drain().catch((e) => log.error({ err: e }, 'outbox dispatch failed')));
  };

  return {
    drain,
    kick,
    /** Polls for rows written by other processes and for retries. */
    start(intervalMs = 1000) {
      timer ??= setInterval(kick, intervalMs).unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

import PgBoss from 'pg-boss';
import type { Clock } from './clock';
import { makeCtx } from './context';
import type { Database } from './db';
import type { Logger } from './logger';
import type { OutboxRow } from './outbox.repo';
import type { JobEnv, Registry } from './registry';

export type Jobs = {
  boss: PgBoss;
  send(row: OutboxRow): Promise<void>;
  /** Starts workers and schedules for every registered job (the worker role). */
  work(): Promise<void>;
  /** Runs every job that is available now, in this process; returns how many ran (tests, CLI). */
  runDue(): Promise<number>;
  stop(): Promise<void>;
};

export async function startJobs(deps: {
  database: Database;
  clock: Clock;
  log: Logger;
  registry: Registry;
  migrate?: boolean;
  /** `worker`: also runs pg-boss maintenance and cron schedules. */
  role: 'worker' | 'client';
}): Promise<Jobs> {
  const { database, clock, log, registry } = deps;
  const boss = new PgBoss({
    db: { executeSql: database.executeSql },
    schema: 'pgboss',
    migrate: deps.migrate ?? true,
    supervise: deps.role === 'worker',
    schedule: deps.role === 'worker',
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();

  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const [name, def] of Object.entries(registry.jobs)) {
    if (!existing.has(name)) {
      await boss.createQueue(name, { name, retryLimit: def.retryLimit ?? 5, retryBackoff: true, retryDelay: 5 });
    }
  }

  const env = (data: Record<string, unknown>, jobId: string): JobEnv => ({
    data,
    jobId,
    db: database.db,
    clock,
    log,
    ctxFor: (tenantId) =>
      makeCtx({
        tenantId,
        actor: { kind: 'system', name: 'job' },
        scope: { kind: 'all' },
        db: database.db,
        clock,
        log,
        ip: null,
      }),
  });

  async function runJob(name: string, job: PgBoss.Job<object>) {
    const def = registry.jobs[name];
    if (!def) throw new Error(`no handler for job ${name}`);
    await def.handle(env(job.data as Record<string, unknown>, job.id));
  }

  return {
    boss,
    async send(row) {
      await boss.send(row.name, row.payload as object, {
        id: row.jobId ?? undefined,
        ...(row.startAfter ? { startAfter: row.startAfter } : {}),
      });
    },
    async work() {
      if (deps.role !== 'worker') throw new Error('work() needs the worker role');
      for (const [name, def] of Object.entries(registry.jobs)) {
        await boss.work<object>(name, { batchSize: 5, pollingIntervalSeconds: 1 }, async (jobs) => {
          for (const job of jobs) await runJob(name, job);
        });
        if (def.cron) await boss.schedule(name, def.cron, {}, { tz: 'UTC' });
      }
    },
    async runDue() {
      let ran = 0;
      for (const name of Object.keys(registry.jobs)) {
        for (;;) {
          const batch = await boss.fetch<object>(name, { batchSize: 20 });
          if (!batch?.length) break;
          for (const job of batch) {
            try {
              await runJob(name, job);
              await boss.complete(name, job.id);
            } catch (e) {
              await boss.fail(name, job.id, { message: (e as Error).message });
            }
            ran++;
          }
        }
      }
      return ran;
    },
    stop: () => boss.stop({ graceful: true, close: false, wait: true, timeout: 5000 }),
  };
}

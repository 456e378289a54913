import { type Clock, systemClock } from './clock';
import type { Config } from './config';
import { type Actor, type Ctx, makeCtx, type Scope } from './context';
import { type Database, type Db, openDatabase } from './db';
import { type Jobs, startJobs } from './jobs';
import { createLogger, type Logger } from './logger';
import { runMigrations } from './migrate';
import { createDispatcher, type Dispatcher } from './outbox';
import { pgRateLimiter, type RateLimiter, redisRateLimiter } from './rate-limit';
import { syncReadCache } from './read-cache';
import type { Registry } from './registry';
import { installSecrets, loadSecretBox } from './secrets';
import { devSmsProvider, type SmsProvider, unconfiguredSmsProvider } from './sms';

/** The running platform: one per process, shared by the API, the worker and the CLI. */
export type Runtime = {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  log: Logger;
  sms: SmsProvider;
  limiter: RateLimiter;
  dispatcher: Dispatcher;
  jobs: Jobs;
  registry: Registry;
  ctx(init: { tenantId: string; actor: Actor; scope?: Scope; ip?: string | null }): Ctx;
  /** Delivers pending outbox rows (of one tenant, when given) and runs due jobs until nothing is left. */
  drain(opts?: { tenantId?: string }): Promise<void>;
  /** Starts the worker role: job workers, cron schedules, outbox polling. */
  startWorker(): Promise<void>;
  close(): Promise<void>;
};

export type RuntimeOptions = {
  config: Config;
  registry: Registry;
  clock?: Clock;
  log?: Logger;
  /** An already-open database (tests); otherwise opened from the config. */
  database?: Database;
  migrate?: boolean;
  role?: 'worker' | 'client';
};

let runtimeMode: Config['mode'] = 'production';
/** The mode of this process's runtime (one runtime per process): demo-only features check it. */
export const processMode = () => runtimeMode;

export async function createRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const { config, registry } = opts;
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger(config.logLevel);
  installSecrets(loadSecretBox(config)); // a bad SIYU_SECRET_KEY stops start-up (ConfigError)
  runtimeMode = config.mode;
  const database = opts.database ?? (await openDatabase(config));
  const migrate = opts.migrate ?? true;
  try {
    if (migrate) await runMigrations(database, config.databaseUrl);
    const role = opts.role ?? 'client';
    const jobs = await startJobs({ database, clock, log, registry, migrate, role });
    const db = database.db;
    // ioredis is loaded only when Redis is configured (~20 MB of a process's memory).
    const redis = config.redisUrl
      ? new (await import('ioredis')).Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })
      : null;
    const limiter = redis ? redisRateLimiter(redis, clock) : pgRateLimiter(db, clock);
    const sms = config.mode === 'demo' ? devSmsProvider(db, clock) : unconfiguredSmsProvider;
    const dispatcher = createDispatcher({ db, clock, log, registry, sendJob: jobs.send });
    const stopCacheSync = syncReadCache(database, log);
    return {
      config,
      database,
      db,
      clock,
      log,
      sms,
      limiter,
      dispatcher,
      jobs,
      registry,
      ctx: ({ tenantId, actor, scope, ip }) =>
        makeCtx({
          tenantId,
          actor,
          scope: scope ?? { kind: 'all' },
          db,
          clock,
          log,
          ip: ip ?? null,
          kick: role === 'worker' ? dispatcher.kick : () => {},
        }),
      async drain(o = {}) {
        for (;;) {
          const n = (await dispatcher.drain(o.tenantId)) + (await jobs.runDue());
          if (n === 0) return;
        }
      },
      async startWorker() {
        await jobs.work();
        dispatcher.start();
        dispatcher.kick();
      },
      async close() {
        await dispatcher.stop();
        await jobs.stop();
        await stopCacheSync();
        redis?.disconnect();
        await database.close();
      },
    };
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
}

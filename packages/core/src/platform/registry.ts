import type { EventName, EventPayload } from '@siyu/contracts';
import type { Clock } from './clock';
import type { Ctx } from './context';
import type { Db } from './db';
import type { Logger } from './logger';

/** An idempotent reaction to an event; runs at most once per (event id, handler name). */
export type Subscriber<N extends EventName = EventName> = {
  name: string;
  event: N;
  handle(ctx: Ctx, payload: EventPayload<N>, meta: { eventId: string }): Promise<void>;
};

export type JobEnv = {
  data: Record<string, unknown>;
  jobId: string;
  db: Db;
  clock: Clock;
  log: Logger;
  /** A system-actor context for the tenant named in the job's payload. */
  ctxFor(tenantId: string): Ctx;
};

export type JobDef = {
  handle(env: JobEnv): Promise<void>;
  retryLimit?: number;
  /** Cron expression (UTC) when the job also runs on a schedule. */
  cron?: string;
};

/** What the domains contribute to the runtime: their subscribers and jobs. */
export type Registry = { subscribers: Subscriber[]; jobs: Record<string, JobDef> };

export const subscriber = <N extends EventName>(s: Subscriber<N>) => s as unknown as Subscriber;

export function mergeRegistries(...parts: Partial<Registry>[]): Registry {
  const jobs: Record<string, JobDef> = {};
  for (const p of parts) {
    for (const [name, def] of Object.entries(p.jobs ?? {})) {
      if (jobs[name]) throw new Error(`job ${name} is registered twice`);
      jobs[name] = def;
    }
  }
  const subscribers = parts.flatMap((p) => p.subscribers ?? []);
  const names = new Set<string>();
  for (const s of subscribers) {
    if (names.has(s.name)) throw new Error(`subscriber ${s.name} is registered twice`);
    names.add(s.name);
  }
  return { jobs, subscribers };
}

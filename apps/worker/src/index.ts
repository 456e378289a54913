/**
 * The worker role: job workers for every registered job, their cron schedules, pg-boss maintenance
 * and outbox polling. `siyu worker` runs it alone (with DATABASE_URL, as many processes as needed);
 * `siyu start` runs it inside the API process unless SIYU_WORKER=off (always so on the embedded database).
 */
import type { Runtime } from '@siyu/core/platform';

export async function runWorker(rt: Runtime) {
  await rt.startWorker();
  const jobs = Object.entries(rt.registry.jobs).map(([name, def]) => (def.cron ? `${name} (${def.cron} UTC)` : name));
  rt.log.info({ jobs, subscribers: rt.registry.subscribers.map((s) => s.name) }, 'worker running');
}

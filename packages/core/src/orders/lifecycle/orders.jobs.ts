import type { JobDef } from '../../platform';
import { endUnpaid } from './lifecycle.service';
import { expiredOrderIds, tenantsWithExpired } from './orders.repo';

export const CLOSE_EXPIRED_JOB = 'orders.close-expired';
/** Orders closed per round (a batch size, not a business limit). */
const BATCH = 100;

/**
 * Every minute: unpaid orders past their payment deadline are closed — each payment attempt closed
 * with its provider first, then the stock released; an order the provider reports paid becomes paid.
 * `data.tenantId` limits a run to one tenant (tests, manual runs). A failure (provider down) leaves the
 * order for the next run.
 */
export const ordersJobs: Record<string, JobDef> = {
  [CLOSE_EXPIRED_JOB]: {
    cron: '* * * * *',
    retryLimit: 0,
    async handle({ clock, db, ctxFor, data, log }) {
      const now = clock.now();
      const only = typeof data.tenantId === 'string' ? data.tenantId : undefined;
      for (const tenantId of await tenantsWithExpired(db, now, only)) {
        const ctx = ctxFor(tenantId);
        const failed = new Set<string>();
        for (;;) {
          const ids = (await expiredOrderIds(db, tenantId, now, BATCH + failed.size)).filter((id) => !failed.has(id));
          for (const id of ids)
            await endUnpaid(ctx, id, 'closed').catch((err) => {
              failed.add(id);
              log.warn({ err, orderId: id }, 'could not close an expired order; retried next minute');
            });
          if (ids.length < BATCH) break;
        }
      }
    },
  },
};

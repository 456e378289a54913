import { ORDER_LIMITS } from '@siyu/contracts';
import { inTransaction, type JobDef, MINUTE } from '../../platform';
import { lockPaymentByTrade, staleAttempts } from './payments.repo';
import { providerNamed } from './providers';
import { applyPaid } from './settle.service';

export const RECONCILE_JOB = 'orders.reconcile-payments';
/** Attempts queried per run (a batch size, not a business limit). */
const BATCH = 200;

/**
 * Every two minutes: notifications are not guaranteed, so attempts still pending after
 * `reconcileAfterMinutes` are queried; a paid answer is applied exactly like a notification (same row
 * lock, same amount checks). `data.tenantId` limits a run to one tenant (tests, manual runs).
 */
export const reconcileJobs: Record<string, JobDef> = {
  [RECONCILE_JOB]: {
    cron: '*/2 * * * *',
    retryLimit: 0,
    async handle({ clock, data, db, ctxFor, log }) {
      const only = typeof data.tenantId === 'string' ? data.tenantId : undefined;
      const now = clock.now();
      const cut = new Date(now.getTime() - ORDER_LIMITS.reconcileAfterMinutes * MINUTE);
      for (const a of await staleAttempts(db, cut, now, BATCH, only)) {
        const provider = await providerNamed(ctxFor(a.tenantId), a.provider);
        if (!provider) continue;
        try {
          const q = await provider.query(a.outTradeNo);
          if (q.status !== 'paid') continue;
          await inTransaction(ctxFor(a.tenantId), async (tx) => {
            const p = await lockPaymentByTrade(tx.db, tx.tenantId, a.provider, a.outTradeNo);
            if (p)
              await applyPaid(tx, p, {
                amountFen: q.amountFen ?? -1,
                transactionId: q.transactionId,
                paidAt: q.paidAt,
                raw: { query: q.status, transactionId: q.transactionId, amountFen: q.amountFen },
              });
          });
        } catch (err) {
          log.warn({ err, outTradeNo: a.outTradeNo }, 'could not reconcile a payment; retried next run');
        }
      }
    },
  },
};

import { ORDER_LIMITS } from '@siyu/contracts';
import type { JobDef } from '../../platform';
import { MINUTE } from '../../platform';
import { refundsDue } from './payments.repo';
import { REFUND_JOB, refundPayment } from './refund.service';

/** Refunds re-asked per sweep (a batch size, not a business limit). */
const BATCH = 100;

/**
 * `orders.refund-payment`: gives back money that arrived for a closed or cancelled order. Queued with
 * `{tenantId, paymentId}` when such a payment is recorded (retried with back-off while the provider
 * cannot be reached); every 10 minutes it also sweeps refunds still pending or processing (WeChat
 * refunds finish asynchronously: asking again with the same refund number returns their state).
 */
export const refundJobs: Record<string, JobDef> = {
  [REFUND_JOB]: {
    cron: '*/10 * * * *',
    retryLimit: 8,
    async handle({ clock, data, db, ctxFor, log }) {
      if (typeof data.paymentId === 'string' && typeof data.tenantId === 'string') {
        await refundPayment(ctxFor(data.tenantId), data.paymentId);
        return;
      }
      const only = typeof data.tenantId === 'string' ? data.tenantId : undefined;
      const before = new Date(clock.now().getTime() - ORDER_LIMITS.refundSweepAfterMinutes * MINUTE);
      for (const r of await refundsDue(db, before, BATCH, only))
        await refundPayment(ctxFor(r.tenantId), r.id).catch((err) =>
          log.warn({ err, paymentId: r.id }, 'could not refund a payment; asked again at the next sweep'),
        );
    },
  },
};

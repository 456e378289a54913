import { inTransaction, type JobDef, subscriber } from '../../platform';
import { afterLiveCodeAdd, LIVE_CODE_AFTER_ADD_JOB, liveCodeOrderPaid } from './adds.service';
import { applyLiveCode } from './apply.service';
import { codeIdsOf, tenantsWithCodes } from './live-codes.repo';
import type { TemplateValues } from './templates';

export const LIVE_CODES_TICK_JOB = 'messaging.live-codes-tick';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** The instant a platform id was made (its first 10 characters after the prefix are milliseconds). */
export function timeOfId(id: string): Date | null {
  const body = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 11);
  let ms = 0;
  for (const ch of body) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    ms = ms * 32 + v;
  }
  return body.length === 10 ? new Date(ms) : null;
}

/** Applies every code of one tenant (schedules, midnight cap resets, skip-verify windows). */
export async function tickLiveCodes(ctx: Parameters<typeof applyLiveCode>[0]) {
  let applied = 0;
  for (const id of await codeIdsOf(ctx.db, ctx.tenantId)) {
    const r = await applyLiveCode(ctx, id);
    if (r?.lastAppliedAt && r.lastAppliedAt.getTime() === ctx.clock.now().getTime()) applied++;
  }
  return applied;
}

/**
 * `messaging.live-codes-tick` every minute: each tenant's codes recomputed, WeCom called only for
 * those whose list or skip_verify changed. `messaging.live-code-after-add`: remark, then rotation.
 */
export const liveCodeJobs: Record<string, JobDef> = {
  [LIVE_CODES_TICK_JOB]: {
    cron: '* * * * *',
    retryLimit: 0,
    async handle({ db, ctxFor, data, log }) {
      const only = typeof data.tenantId === 'string' ? data.tenantId : undefined;
      for (const tenantId of only ? [only] : await tenantsWithCodes(db)) {
        try {
          await tickLiveCodes(ctxFor(tenantId));
        } catch (err) {
          if (only) throw err;
          log.error({ err, tenantId }, 'live codes tick failed for a tenant');
        }
      }
    },
  },
  [LIVE_CODE_AFTER_ADD_JOB]: {
    retryLimit: 3,
    async handle({ data, ctxFor }) {
      const ctx = ctxFor(String(data.tenantId));
      const add =
        typeof data.wecomUserId === 'string' && typeof data.externalUserId === 'string'
          ? {
              wecomUserId: data.wecomUserId,
              externalUserId: data.externalUserId,
              values: data.values as TemplateValues,
            }
          : null;
      await afterLiveCodeAdd(ctx, String(data.codeId), add);
    },
  },
};

/** Paid orders of customers acquired through a code: first orders and GMV, by the payment's time. */
export const liveCodeSubscribers = [
  subscriber({
    name: 'messaging.live-codes.order-paid',
    event: 'orders.order.paid',
    handle: async (ctx, p, meta) => {
      const paidAt = timeOfId(meta.eventId) ?? ctx.clock.now();
      await inTransaction(ctx, (tx) =>
        liveCodeOrderPaid(tx, { orderId: p.orderId, customerId: p.customerId, total: p.total, paidAt }),
      );
    },
  }),
];

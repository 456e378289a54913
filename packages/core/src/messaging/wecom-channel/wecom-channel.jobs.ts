import type { JobDef } from '../../platform';
import { WECOM_DELIVERY_JOB } from './callbacks.service';
import { processWecomDelivery } from './process.service';

/**
 * `messaging.wecom-delivery {tenantId, deliveryId}`: processes a stored callback delivery (enqueued
 * when it is stored). A failure is recorded on the row and thrown, so the queue retries it.
 */
export const wecomChannelJobs: Record<string, JobDef> = {
  [WECOM_DELIVERY_JOB]: {
    retryLimit: 3,
    async handle({ data, ctxFor }) {
      const r = await processWecomDelivery(ctxFor(String(data.tenantId)), String(data.deliveryId));
      if (r.status === 'failed') throw new Error(`WeCom delivery ${data.deliveryId} failed: ${r.error}`);
    },
  },
};

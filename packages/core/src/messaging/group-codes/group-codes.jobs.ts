/**
 * Jobs of the groups registry and the group codes:
 * - `messaging.groups.sync {tenantId, syncId}`: runs or resumes a sync, then re-routes codes whose
 *   groups' fill changed;
 * - `messaging.group-codes.apply {tenantId, codeId}`: puts a code's join way on the right groups;
 * - `messaging.groups.sync-schedule` (daily 18:30 UTC, 02:30 in China): a sync for every tenant that
 *   has synced before, so groups changed without a callback (or while callbacks failed) catch up.
 */
import type { Ctx, JobDef } from '../../platform';
import { GROUP_SYNC_JOB, runGroupSync, startGroupSync } from '../group-chats/sync.service';
import { tenantsWithSyncs } from '../group-chats/syncs.repo';
import { applyGroupCode, codesNeedingRoute, GROUP_CODE_APPLY_JOB } from './apply.service';
import { allCodes } from './group-codes.repo';

export const GROUP_SYNC_SCHEDULE_JOB = 'messaging.groups.sync-schedule';
/** Groups one run of the sync job handles (a groupchat/get each) before handing over to the next run. */
const GROUPS_PER_RUN = 500;

/** Enqueues the re-routing of every code of the tenant whose join way no longer matches its groups. */
export async function rerouteCodes(ctx: Ctx) {
  const due = await codesNeedingRoute(ctx, await allCodes(ctx.db, ctx.tenantId));
  for (const codeId of due) await ctx.enqueue(GROUP_CODE_APPLY_JOB, { tenantId: ctx.tenantId, codeId });
  return due;
}

export const groupCodeJobs: Record<string, JobDef> = {
  [GROUP_SYNC_JOB]: {
    retryLimit: 3,
    async handle({ data, ctxFor }) {
      const ctx = ctxFor(String(data.tenantId));
      const pageSize = typeof data.pageSize === 'number' ? data.pageSize : undefined;
      // A failure is recorded on the sync (error) and thrown: the retry, or the next start, resumes it.
      const sync = await runGroupSync(ctx, String(data.syncId), { pageSize, maxGroups: GROUPS_PER_RUN });
      if (sync.status === 'running') {
        // A slice done: the next run continues from the stored cursor (jobs stay short).
        await ctx.enqueue(GROUP_SYNC_JOB, {
          tenantId: ctx.tenantId,
          syncId: sync.id,
          ...(pageSize ? { pageSize } : {}),
        });
        return;
      }
      await rerouteCodes(ctx);
    },
  },
  [GROUP_CODE_APPLY_JOB]: {
    retryLimit: 3,
    async handle({ data, ctxFor }) {
      await applyGroupCode(ctxFor(String(data.tenantId)), String(data.codeId));
    },
  },
  [GROUP_SYNC_SCHEDULE_JOB]: {
    cron: '30 18 * * *',
    retryLimit: 1,
    async handle({ db, ctxFor, log }) {
      for (const tenantId of await tenantsWithSyncs(db)) {
        try {
          await startGroupSync(ctxFor(tenantId), 'schedule');
        } catch (err) {
          log.warn({ err, tenantId }, 'scheduled group sync not started');
        }
      }
    },
  },
};

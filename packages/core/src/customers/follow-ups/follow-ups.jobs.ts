import { getSettings, notifyStaff } from '../../access';
import { inTransaction, type JobDef } from '../../platform';
import { claimDueReminders, tenantsWithDueReminders } from './tasks.repo';

export const TASK_REMINDERS_JOB = 'customers.task-reminders';
/** Reminders claimed per transaction (a batch size, not a business limit). */
const BATCH = 200;

const dueText = (at: Date, timeZone: string) =>
  `截止 ${new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at)}`;

/**
 * Every minute: open tasks whose reminder time has come and that were not reminded get a notification
 * for their assignee, and `remindedAt` set (claimed in the same transaction, so each is sent once).
 * `data.tenantId` limits a run to one tenant (tests, manual runs).
 */
export const followUpsJobs: Record<string, JobDef> = {
  [TASK_REMINDERS_JOB]: {
    cron: '* * * * *',
    retryLimit: 0,
    async handle({ clock, db, ctxFor, data }) {
      const now = clock.now();
      const only = typeof data.tenantId === 'string' ? data.tenantId : undefined;
      for (const tenantId of await tenantsWithDueReminders(db, now, only)) {
        for (;;) {
          const sent = await inTransaction(ctxFor(tenantId), async (tx) => {
            const due = await claimDueReminders(tx.db, tenantId, now, BATCH);
            const tz = due.length ? (await getSettings(tx)).timeZone : 'Asia/Shanghai';
            for (const t of due)
              await notifyStaff(tx, {
                staffId: t.assigneeId,
                kind: 'task.reminder',
                title: `任务提醒：${t.title}`,
                body: [t.customerName, t.dueAt ? dueText(t.dueAt, tz) : null].filter(Boolean).join(' · ') || null,
                link: t.customerId ? `/customers/${t.customerId}?task=${t.id}` : `/workbench?task=${t.id}`,
              });
            return due.length;
          });
          if (sent < BATCH) break;
        }
      }
    },
  },
};

import { inTransaction, type JobDef, subscriber } from '../../platform';
import { evaluateTagRulesFor, runAllTagRules, runTagRule, TAG_RULES_JOB } from './tag-rules.service';
import { findRuleRow, tenantsWithEnabledRules } from './tag-rules.repo';

/**
 * Every 15 minutes: each enabled tag rule over all customers of its tenant, so that conditions on
 * time windows ("≥ 3 orders in 30 days") also stop holding when nothing happens. Each tenant runs in
 * its own transaction; a failing tenant is logged and retried at the next run. `data.tenantId`
 * (and `data.ruleId`) limit a run: a rule just created or changed, tests, manual runs.
 */
export const tagsJobs: Record<string, JobDef> = {
  [TAG_RULES_JOB]: {
    cron: '*/15 * * * *',
    retryLimit: 2,
    async handle({ db, ctxFor, data, log }) {
      const only = typeof data.tenantId === 'string' ? data.tenantId : undefined;
      const ruleId = typeof data.ruleId === 'string' ? data.ruleId : undefined;
      const tenants = only ? [only] : await tenantsWithEnabledRules(db);
      for (const tenantId of tenants) {
        try {
          await inTransaction(ctxFor(tenantId), async (tx) => {
            if (!ruleId) return runAllTagRules(tx);
            const rule = await findRuleRow(tx.db, tenantId, ruleId);
            if (rule?.enabled) await runTagRule(tx, ruleId, { audit: false }); // skipped if deleted or disabled since
          });
        } catch (err) {
          if (only) throw err;
          log.error({ err, tenantId }, 'tag rules failed for a tenant');
        }
      }
    },
  },
};

/** Rules see timeline events as they are recorded, and re-evaluate the customers of each batch together. */
export const tagsSubscribers = [
  subscriber({
    name: 'customers.tags.evaluate-rules',
    event: 'customers.events.recorded',
    handle: async (ctx, p) => {
      await evaluateTagRulesFor(ctx, p.events);
    },
  }),
];

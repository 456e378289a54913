import { TagRuleCondition, type TagRuleInput, type TagRulePatch } from '@siyu/contracts';
import { and, not, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, diffChanges, inTransaction, invalid, makeCtx, newId, notFound } from '../../platform';
import { filterCondition } from '../profiles/visibility';
import { compileCondition, eventTypesOf } from './rule-conditions.repo';
import { applyTags, recordTagHistory } from './tag-changes';
import {
  countCustomers,
  deleteRuleRow,
  findRuleRow,
  insertRuleRow,
  listRuleRows,
  onlyCustomers,
  sampleCustomers,
  type TagRuleRow,
  updateRuleRow,
} from './tag-rules.repo';
import { deleteCustomerTags, findTagsWithGroups } from './tags.repo';

export const TAG_RULES_JOB = 'customers.tag-rules.evaluate';

const toRule = (r: TagRuleRow) => ({
  id: r.id,
  name: r.name,
  tagId: r.tagId,
  enabled: r.enabled,
  removeWhenFalse: r.removeWhenFalse,
  condition: r.condition as TagRuleCondition,
  lastRunAt: r.lastRunAt?.toISOString() ?? null,
  lastMatched: r.lastMatched,
  createdAt: r.createdAt.toISOString(),
});

export async function listTagRules(ctx: Ctx) {
  return { items: (await listRuleRows(ctx.db, ctx.tenantId)).map(toRule) };
}

export async function getTagRule(ctx: Ctx, id: string) {
  const row = await findRuleRow(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Tag rule', id);
  return toRule(row);
}

async function assertTag(ctx: Ctx, tagId: string) {
  if (!(await findTagsWithGroups(ctx.db, ctx.tenantId, [tagId])).length) throw invalid('tagId', 'no such tag');
}

/** Creates a rule; an enabled rule is evaluated over the tenant right after the commit. */
export async function createTagRule(ctx: Ctx, input: z.output<typeof TagRuleInput>) {
  await assertTag(ctx, input.tagId);
  const now = ctx.clock.now();
  const row = {
    tenantId: ctx.tenantId,
    id: newId('trl', now),
    ...input,
    lastRunAt: null,
    lastMatched: null,
    createdAt: now,
  };
  await insertRuleRow(ctx.db, row);
  await ctx.audit({
    action: 'tag_rule.create',
    entityType: 'tag_rule',
    entityId: row.id,
    summary: `Created tag rule ${row.name}`,
  });
  if (row.enabled) await ctx.enqueue(TAG_RULES_JOB, { tenantId: ctx.tenantId, ruleId: row.id });
  return toRule(row);
}

export async function updateTagRule(ctx: Ctx, id: string, input: z.output<typeof TagRulePatch>) {
  const before = await getTagRule(ctx, id);
  if (input.tagId !== undefined) await assertTag(ctx, input.tagId);
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length) await updateRuleRow(ctx.db, ctx.tenantId, id, set);
  const after = await getTagRule(ctx, id);
  await ctx.audit({
    action: 'tag_rule.update',
    entityType: 'tag_rule',
    entityId: id,
    summary: `Changed tag rule ${after.name}`,
    changes: diffChanges(before, after),
  });
  if (after.enabled) await ctx.enqueue(TAG_RULES_JOB, { tenantId: ctx.tenantId, ruleId: id });
  return after;
}

export async function deleteTagRule(ctx: Ctx, id: string) {
  const rule = await getTagRule(ctx, id);
  await deleteRuleRow(ctx.db, ctx.tenantId, id);
  await ctx.audit({
    action: 'tag_rule.delete',
    entityType: 'tag_rule',
    entityId: id,
    summary: `Deleted tag rule ${rule.name}`,
  });
  return { ok: true as const };
}

/** Customers (within the actor's data scope) a condition holds for now, with a sample of ids. */
export async function previewTagRule(ctx: Ctx, condition: TagRuleCondition) {
  const where = and(
    await filterCondition(ctx, {}),
    compileCondition(condition, { tenantId: ctx.tenantId, now: ctx.clock.now() }),
  );
  const count = await countCustomers(ctx.db, where!);
  const sample = await sampleCustomers(ctx.db, where!, 20); // sequential: one connection inside a transaction
  return { count, sample };
}

/** Rules are tenant-wide: they see every customer, whoever triggers them. */
const tenantWide = (ctx: Ctx) => makeCtx({ ...ctx, scope: { kind: 'all' } });

/**
 * Applies one rule to the given customers (every customer of the tenant when absent):
 * tags those the condition holds for (source rule, added by the rule) and, with removeWhenFalse,
 * untags those it no longer holds for (only where this rule added the tag).
 */
async function applyRule(ctx: Ctx, rule: TagRuleRow, customerIds?: string[]) {
  const [tag] = await findTagsWithGroups(ctx.db, ctx.tenantId, [rule.tagId]);
  if (!tag) return { added: 0, removed: 0, base: undefined, cond: undefined };
  const parsed = TagRuleCondition.safeParse(rule.condition);
  if (!parsed.success) {
    ctx.log.warn({ ruleId: rule.id, tenantId: ctx.tenantId }, 'tag rule has an invalid condition; skipped');
    return { added: 0, removed: 0, base: undefined, cond: undefined };
  }
  const all = await filterCondition(tenantWide(ctx), {});
  const base = customerIds ? (and(all, onlyCustomers(customerIds)) as SQL) : all;
  const cond = compileCondition(parsed.data, { tenantId: ctx.tenantId, now: ctx.clock.now(), customerIds });
  const by = { source: 'rule' as const, addedBy: rule.id };
  const { added } = await applyTags(ctx, and(base, cond) as SQL, { add: [tag], remove: [] }, by);
  let removed = 0;
  if (rule.removeWhenFalse) {
    const gone = await deleteCustomerTags(ctx.db, ctx.tenantId, and(base, not(cond)) as SQL, [rule.tagId], by);
    await recordTagHistory(ctx, { removed: gone }, new Map([[tag.tag.id, tag.tag.name]]), by);
    removed = gone.length;
  }
  return { added: added.length, removed, base, cond };
}

/** Evaluates a rule over every customer of the tenant; records when it ran and how many matched. */
export async function runTagRule(ctx: Ctx, id: string, opts: { audit?: boolean } = { audit: true }) {
  return inTransaction(ctx, async (tx) => {
    const rule = await findRuleRow(tx.db, tx.tenantId, id);
    if (!rule) throw notFound('Tag rule', id);
    const r = await applyRule(tx, rule);
    const matched = r.base && r.cond ? await countCustomers(tx.db, and(r.base, r.cond) as SQL) : 0;
    await updateRuleRow(tx.db, tx.tenantId, id, { lastRunAt: tx.clock.now(), lastMatched: matched });
    const result = { matched, added: r.added, removed: r.removed };
    if (opts.audit)
      await tx.audit({
        action: 'tag_rule.run',
        entityType: 'tag_rule',
        entityId: id,
        summary: `Ran tag rule ${rule.name}: ${matched} matched, +${r.added} −${r.removed}`,
        changes: result,
      });
    return result;
  });
}

/** The schedule: every enabled rule of the tenant over all its customers (not audited; the timeline tells). */
export async function runAllTagRules(ctx: Ctx) {
  const rules = await listRuleRows(ctx.db, ctx.tenantId, { enabledOnly: true });
  const results: Record<string, { matched: number; added: number; removed: number }> = {};
  for (const rule of rules) results[rule.id] = await runTagRule(ctx, rule.id, { audit: false });
  return results;
}

/**
 * After timeline events were recorded: each enabled rule is evaluated once for the customers whose
 * events it may depend on (rules with attribute parts for every customer of the batch).
 */
export async function evaluateTagRulesFor(ctx: Ctx, events: { customerId: string; type: string }[]) {
  const relevant = events.filter((e) => !e.type.startsWith('tag.'));
  if (!relevant.length) return 0;
  const rules = await listRuleRows(ctx.db, ctx.tenantId, { enabledOnly: true });
  let changes = 0;
  for (const rule of rules) {
    const parsed = TagRuleCondition.safeParse(rule.condition);
    if (!parsed.success) continue;
    const { events: counted, hasAttributes } = eventTypesOf(parsed.data);
    const ids = [...new Set(relevant.filter((e) => hasAttributes || counted.has(e.type)).map((e) => e.customerId))];
    if (!ids.length) continue;
    const r = await applyRule(ctx, rule, ids);
    changes += r.added + r.removed;
  }
  return changes;
}

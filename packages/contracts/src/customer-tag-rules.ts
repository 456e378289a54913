import { z } from 'zod';
import { idOf, Name, Timestamp } from './common';
import { Stage } from './customers';
import { Gender } from './shop';

export const TagId = idOf('tag');

/**
 * The condition language of automatic tag rules: attribute comparisons and event counts,
 * combined with `all` / `any` (two levels). The server compiles it to one SQL condition.
 */
export const TEXT_FIELDS = ['gender', 'stage', 'province', 'city', 'sourceChannel', 'storeId'] as const;
export const NUMBER_FIELDS = ['orderCount', 'totalSpent', 'birthMonth'] as const;
const Field = z.union([
  z.enum([...TEXT_FIELDS, ...NUMBER_FIELDS]),
  z.string().regex(/^custom\.[a-z][a-z0-9_]{0,39}$/, 'must be an attribute or custom.<key>'),
]);
const Scalar = z.union([z.string().max(200), z.number().finite()]);
const ENUMS: Record<string, readonly string[]> = { gender: Gender.options, stage: Stage.options };

/** `{field: 'orderCount', op: 'gte', value: 3}`; `in` takes a list; money in fen. */
export const AttributeCondition = z
  .strictObject({
    field: Field,
    op: z.enum(['eq', 'neq', 'gte', 'lte', 'in']),
    value: z.union([Scalar, z.array(Scalar).min(1).max(100)]),
  })
  .superRefine((c, ctx) => {
    const values = Array.isArray(c.value) ? c.value : [c.value];
    if ((c.op === 'in') !== Array.isArray(c.value))
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: c.op === 'in' ? 'must be a list for in' : 'must be one value',
      });
    const numeric = (NUMBER_FIELDS as readonly string[]).includes(c.field);
    if (numeric && values.some((v) => typeof v !== 'number'))
      ctx.addIssue({ code: 'custom', path: ['value'], message: `must be a number for ${c.field}` });
    if ((TEXT_FIELDS as readonly string[]).includes(c.field)) {
      if (values.some((v) => typeof v !== 'string'))
        ctx.addIssue({ code: 'custom', path: ['value'], message: `must be text for ${c.field}` });
      if (c.op === 'gte' || c.op === 'lte')
        ctx.addIssue({ code: 'custom', path: ['op'], message: `${c.field} supports eq, neq and in` });
      const allowed = ENUMS[c.field];
      if (allowed && values.some((v) => !allowed.includes(String(v))))
        ctx.addIssue({ code: 'custom', path: ['value'], message: `must be one of ${allowed.join(', ')}` });
    }
  });

/**
 * How often an event happened in the last `withinDays` days: at least `min` and/or at most `max`
 * times. `where` matches event properties by containment (a list value matches lists holding it).
 * "Bought coffee ≥ 3 times in 30 days": `{event: 'order.paid', where: {category: 'coffee'}, withinDays: 30, min: 3}`.
 */
export const EventCondition = z
  .strictObject({
    event: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+){1,3}$/, 'must be an event type like order.paid'),
    where: z
      .record(
        z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,59}$/, 'must be a property name'),
        z.union([Scalar, z.boolean(), z.array(Scalar).max(20)]),
      )
      .refine((w) => Object.keys(w).length <= 10, 'at most 10 properties')
      .optional(),
    withinDays: z.number().int().min(1).max(3650),
    min: z.number().int().min(1).max(100000).optional(),
    max: z.number().int().min(0).max(100000).optional(),
  })
  .refine((c) => c.min !== undefined || c.max !== undefined, { message: 'give min or max', path: ['min'] })
  .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
    message: 'must not exceed max',
    path: ['min'],
  });

export const ConditionLeaf = z.union([AttributeCondition, EventCondition]);
const Leaves = z.array(ConditionLeaf).min(1).max(20);
const InnerGroup = z.union([z.strictObject({ all: Leaves }), z.strictObject({ any: Leaves })]);
const Items = z
  .array(z.union([ConditionLeaf, InnerGroup]))
  .min(1)
  .max(20);
/** `{all: [...]}` or `{any: [...]}` of conditions and of groups of conditions (two levels). */
export const TagRuleCondition = z.union([z.strictObject({ all: Items }), z.strictObject({ any: Items })]);
export type TagRuleCondition = z.infer<typeof TagRuleCondition>;
export type AttributeCondition = z.infer<typeof AttributeCondition>;
export type EventCondition = z.infer<typeof EventCondition>;

export const TagRule = z.object({
  id: z.string(),
  name: z.string(),
  tagId: z.string(),
  enabled: z.boolean(),
  removeWhenFalse: z.boolean().describe('remove the tag (when this rule added it) once the condition stops holding'),
  condition: TagRuleCondition,
  lastRunAt: Timestamp.nullable(),
  lastMatched: z.number().int().nullable(),
  createdAt: Timestamp,
});
const TagRuleFields = {
  name: Name,
  tagId: TagId,
  enabled: z.boolean(),
  removeWhenFalse: z.boolean(),
  condition: TagRuleCondition,
};
export const TagRuleInput = z.object({
  ...TagRuleFields,
  enabled: z.boolean().default(true),
  removeWhenFalse: z.boolean().default(false),
});
export const TagRulePatch = z.object(TagRuleFields).partial();
export const TagRuleRunResult = z.object({
  matched: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
});

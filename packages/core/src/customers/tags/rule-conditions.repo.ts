import type { AttributeCondition, EventCondition, TagRuleCondition } from '@siyu/contracts';
import { inArray, type SQL, sql } from 'drizzle-orm';
import { DAY, jsonb } from '../../platform';
import { customerEvents } from '../events/events.tables';
import { customers } from '../profiles/profiles.tables';

/**
 * Compiles a tag-rule condition to one boolean SQL condition over the `customers` table (never
 * NULL, so `not (...)` finds the customers it does not hold for). PostgreSQL 15 SQL only.
 *
 * Event counts are uncorrelated `id in (select customer_id … group by … having count(*) …)`
 * subqueries, which PostgreSQL runs once per statement (a hashed subplan), so a whole tenant is
 * evaluated in one pass; for given customers (`customerIds`) they read only those customers' events.
 */
export type CompileOptions = { tenantId: string; now: Date; customerIds?: string[] };

type Leaf = AttributeCondition | EventCondition;
type Group = { all: (Leaf | Group)[] } | { any: (Leaf | Group)[] };

const COLUMNS = {
  gender: customers.gender,
  stage: customers.stage,
  province: customers.province,
  city: customers.city,
  sourceChannel: customers.sourceChannel,
  storeId: customers.storeId,
  orderCount: customers.orderCount,
  totalSpent: customers.totalSpent,
  birthMonth: customers.birthMonth,
} as const;

export function compileCondition(condition: TagRuleCondition, opts: CompileOptions): SQL {
  return sql`coalesce((${compileGroup(condition as Group, opts)}), false)`;
}

function compileGroup(g: Group, opts: CompileOptions): SQL {
  const [items, joiner] = 'all' in g ? [g.all, sql` and `] : [g.any, sql` or `];
  const parts = items.map((item) =>
    'all' in item || 'any' in item
      ? compileGroup(item, opts)
      : 'event' in item
        ? compileEvent(item, opts)
        : compileAttribute(item),
  );
  return sql`(${sql.join(parts, joiner)})`;
}

function compileAttribute(c: AttributeCondition): SQL {
  const values = Array.isArray(c.value) ? c.value : [c.value];
  if (c.field.startsWith('custom.')) return compileCustom(c.field.slice('custom.'.length), c.op, values);
  const col = COLUMNS[c.field as keyof typeof COLUMNS];
  const v = values[0];
  switch (c.op) {
    case 'eq':
      return sql`${col} = ${v}`;
    case 'neq':
      return sql`${col} is distinct from ${v}`;
    case 'gte':
      return sql`${col} >= ${v}`;
    case 'lte':
      return sql`${col} <= ${v}`;
    case 'in':
      return sql`${col} in (${sql.join(
        values.map((x) => sql`${x}`),
        sql`, `,
      )})`;
  }
}

/** custom.<key>: equal (or, for multi-choice lists, containing); ordered as numbers or as text. */
function compileCustom(key: string, op: AttributeCondition['op'], values: (string | number)[]): SQL {
  const field = sql`(${customers.custom} -> ${key}::text)`;
  const equals = (v: string | number) =>
    sql`(${field} = ${jsonb(v)} or (jsonb_typeof(${field}) = 'array' and ${field} @> ${jsonb(v)}))`;
  const v = values[0] ?? '';
  const ordered = (cmp: SQL) =>
    typeof v === 'number'
      ? sql`(case when jsonb_typeof(${field}) = 'number' then (${customers.custom} ->> ${key}::text)::numeric end) ${cmp} ${v}`
      : sql`(case when jsonb_typeof(${field}) = 'string' then (${customers.custom} ->> ${key}::text) end) collate "C" ${cmp} ${v}`;
  switch (op) {
    case 'eq':
      return equals(v);
    case 'neq':
      return sql`not coalesce(${equals(v)}, false)`;
    case 'gte':
      return ordered(sql`>=`);
    case 'lte':
      return ordered(sql`<=`);
    case 'in':
      return sql`(${sql.join(values.map(equals), sql` or `)})`;
  }
}

/** How often the event happened in the window: `min` ≤ count and/or count ≤ `max`. */
function compileEvent(c: EventCondition, opts: CompileOptions): SQL {
  const since = new Date(opts.now.getTime() - c.withinDays * DAY);
  const where = Object.entries(c.where ?? {}).map(([k, v]) =>
    Array.isArray(v)
      ? sql`${customerEvents.properties} @> ${jsonb({ [k]: v })}`
      : sql`(${customerEvents.properties} @> ${jsonb({ [k]: v })} or ${customerEvents.properties} @> ${jsonb({ [k]: [v] })})`,
  );
  const counted = (having: SQL) => sql`${customers.id} in (
    select ${customerEvents.customerId} from ${customerEvents}
    where ${customerEvents.tenantId} = ${opts.tenantId}
      ${opts.customerIds ? sql`and ${inArray(customerEvents.customerId, opts.customerIds)}` : sql``}
      and ${customerEvents.type} = ${c.event}
      and ${customerEvents.occurredAt} >= ${since.toISOString()}::timestamptz
      ${where.length ? sql`and ${sql.join(where, sql` and `)}` : sql``}
    group by ${customerEvents.customerId} having ${having})`;
  const parts: SQL[] = [];
  if (c.min !== undefined) parts.push(counted(sql`count(*) >= ${c.min}`));
  if (c.max !== undefined) parts.push(sql`not ${counted(sql`count(*) > ${c.max}`)}`);
  return sql`(${sql.join(parts, sql` and `)})`;
}

/** Event types a condition counts (a recorded event of another type cannot change its event parts). */
export function eventTypesOf(condition: TagRuleCondition): { events: Set<string>; hasAttributes: boolean } {
  const events = new Set<string>();
  let hasAttributes = false;
  const walk = (g: Group) => {
    for (const item of 'all' in g ? g.all : g.any) {
      if ('all' in item || 'any' in item) walk(item);
      else if ('event' in item) events.add(item.event);
      else hasAttributes = true;
    }
  };
  walk(condition as Group);
  return { events, hasAttributes };
}

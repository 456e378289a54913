import type { CustomerFilter } from '@siyu/contracts';
import { and, eq, gte, inArray, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import { getSettings, staffIdsInUnits } from '../../access';
import { type Ctx, matchesQuery, notFound, startOfDayIn } from '../../platform';
import { customerTags } from '../tags/tags.tables';
import { customerOwners, customers } from './profiles.tables';

export type CustomerRow = typeof customers.$inferSelect;

const ownedBy = (staffIds: string[]) =>
  sql`exists (select 1 from ${customerOwners} o where o.tenant_id = customers.tenant_id and o.customer_id = customers.id and o.staff_id in (${sql.join(
    staffIds.map((s) => sql`${s}`),
    sql`, `,
  )}))`;

/**
 * The actor's data scope over customers: everyone; the customers followed by staff of their units
 * or belonging to their stores (a store manager); or the customers they follow themselves (sales).
 */
export async function scopeCondition(ctx: Ctx): Promise<SQL | undefined> {
  const s = ctx.scope;
  if (s.kind === 'all') return undefined;
  if (s.kind === 'self') return ownedBy([s.staffId]);
  const staffIds = await staffIdsInUnits(ctx, s.unitIds);
  const parts = [
    s.unitIds.length ? inArray(customers.storeId, s.unitIds) : undefined,
    staffIds.length ? ownedBy(staffIds) : undefined,
  ].filter(Boolean) as SQL[];
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** A customer of this tenant, not merged away, inside the actor's data scope — or 404. */
export async function getVisibleCustomer(ctx: Ctx, id: string): Promise<CustomerRow> {
  const [row] = await ctx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, ctx.tenantId),
        eq(customers.id, id),
        isNull(customers.mergedInto),
        await scopeCondition(ctx),
      ),
    );
  if (!row) throw notFound('Customer', id);
  return row;
}

/** The customers of `ids` the actor may see, not merged away (one query; absent ones are left out). */
export async function getVisibleCustomers(ctx: Ctx, ids: string[]): Promise<CustomerRow[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  return ctx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, ctx.tenantId),
        inArray(customers.id, unique),
        isNull(customers.mergedInto),
        await scopeCondition(ctx),
      ),
    );
}

/** Which of `ids` are customers the actor may see (one query, for batches). */
export async function visibleCustomerIds(ctx: Ctx, ids: string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Set();
  const rows = await ctx.db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, ctx.tenantId),
        inArray(customers.id, unique),
        isNull(customers.mergedInto),
        await scopeCondition(ctx),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

const hasTag = (tagIds: string[]) =>
  sql`exists (select 1 from ${customerTags} ct where ct.tenant_id = customers.tenant_id and ct.customer_id = customers.id and ct.tag_id in (${sql.join(
    tagIds.map((t) => sql`${t}`),
    sql`, `,
  )}))`;

/** WHERE over `customers` for the list, counts, bulk actions and exports: tenant, scope, filters. */
export async function filterCondition(ctx: Ctx, f: CustomerFilter): Promise<SQL> {
  const me = ctx.actor.kind === 'staff' ? ctx.actor.id : null;
  const needsZone = f.activeFrom || f.activeTo;
  const tz = needsZone ? (await getSettings(ctx)).timeZone : 'Asia/Shanghai';
  const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const conds: (SQL | undefined)[] = [
    eq(customers.tenantId, ctx.tenantId),
    isNull(customers.mergedInto),
    isNull(customers.erasedAt),
    await scopeCondition(ctx),
    f.q ? matchesQuery(customers.search, f.q) : undefined,
    f.tagsAny?.length ? hasTag(f.tagsAny) : undefined,
    ...(f.tagsAll ?? []).map((t) => hasTag([t])),
    f.tagsNone?.length ? sql`not ${hasTag(f.tagsNone)}` : undefined,
    f.stage?.length ? inArray(customers.stage, f.stage) : undefined,
    f.ownerId === 'none'
      ? isNull(customers.primaryOwnerId)
      : f.ownerId
        ? eq(customers.primaryOwnerId, f.ownerId === 'me' ? (me ?? '') : f.ownerId)
        : undefined,
    f.sourceChannel ? eq(customers.sourceChannel, f.sourceChannel) : undefined,
    f.storeId ? eq(customers.storeId, f.storeId) : undefined,
    f.spentMin !== undefined ? gte(customers.totalSpent, f.spentMin) : undefined,
    f.spentMax !== undefined ? lte(customers.totalSpent, f.spentMax) : undefined,
    f.ordersMin !== undefined ? gte(customers.orderCount, f.ordersMin) : undefined,
    f.ordersMax !== undefined ? lte(customers.orderCount, f.ordersMax) : undefined,
    f.activeFrom ? gte(customers.lastActiveAt, startOfDayIn(f.activeFrom, tz)) : undefined,
    f.activeTo ? lt(customers.lastActiveAt, startOfDayIn(next(f.activeTo), tz)) : undefined,
    f.birthMonth ? eq(customers.birthMonth, f.birthMonth) : undefined,
    f.customKey && f.customValue !== undefined ? customIs(f.customKey, f.customValue) : undefined,
  ];
  return and(...conds)!;
}

/** custom.<key> equals the value (text or number) or, for multi-choice fields, contains it. */
function customIs(key: string, value: string): SQL {
  const alternatives = [{ [key]: value }, { [key]: [value] }];
  if (value.trim() !== '' && Number.isFinite(Number(value))) alternatives.push({ [key]: Number(value) } as never);
  return sql`(${sql.join(
    alternatives.map((a) => sql`${customers.custom} @> ${JSON.stringify(a)}::jsonb`),
    sql` or `,
  )})`;
}

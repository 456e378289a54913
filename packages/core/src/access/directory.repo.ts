import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../platform';
import { orgUnits, staff, staffOrgUnits } from './access.tables';

/**
 * Read-only lookups other domains need about staff and units (names for lists, members of units for
 * data scopes). They return only rows of the context's tenant.
 */
export async function staffSummaries(
  ctx: Ctx,
  ids: string[],
): Promise<Map<string, { id: string; name: string; status: string }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db
    .select({ id: staff.id, name: staff.name, status: staff.status })
    .from(staff)
    .where(and(eq(staff.tenantId, ctx.tenantId), inArray(staff.id, unique)));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function orgUnitSummaries(
  ctx: Ctx,
  ids: string[],
): Promise<Map<string, { id: string; name: string; kind: string }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), inArray(orgUnits.id, unique)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Staff who belong to any of the units (for data scopes over other domains' rows). */
export async function staffIdsInUnits(ctx: Ctx, unitIds: string[]): Promise<string[]> {
  if (!unitIds.length) return [];
  const rows = await ctx.db
    .selectDistinct({ id: staffOrgUnits.staffId })
    .from(staffOrgUnits)
    .where(and(eq(staffOrgUnits.tenantId, ctx.tenantId), inArray(staffOrgUnits.orgUnitId, unitIds)));
  return rows.map((r) => r.id);
}

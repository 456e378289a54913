import type { OrgUnit, OrgUnitInput } from '@siyu/contracts';
import type { z } from 'zod';
import { conflict, type Ctx, diffChanges, invalid, newId, notFound } from '../platform';
import {
  ancestorsOf,
  countChildren,
  deleteOrgUnitRow,
  findOrgUnit,
  insertOrgUnit,
  listOrgUnitsWithCounts,
  type OrgUnitRow,
  updateOrgUnitRow,
} from './org-units.repo';

const toOrgUnit = (u: OrgUnitRow, staffCount: number): OrgUnit => ({
  id: u.id,
  parentId: u.parentId,
  kind: u.kind,
  name: u.name,
  code: u.code,
  address: u.address,
  latitude: u.latitude,
  longitude: u.longitude,
  phone: u.phone,
  staffCount,
});

export async function listOrgUnits(ctx: Ctx) {
  const rows = await listOrgUnitsWithCounts(ctx.db, ctx.tenantId);
  return { items: rows.map((r) => toOrgUnit(r.unit, r.staffCount)) };
}

export async function getOrgUnit(ctx: Ctx, id: string): Promise<OrgUnit> {
  const r = await findOrgUnit(ctx.db, ctx.tenantId, id);
  if (!r) throw notFound('Organisation unit', id);
  return toOrgUnit(r.unit, r.staffCount);
}

async function assertParent(ctx: Ctx, parentId: string | null, selfId?: string) {
  if (parentId === null) return;
  if (!(await findOrgUnit(ctx.db, ctx.tenantId, parentId))) throw invalid('parentId', 'no such department or store');
  if (selfId && (await ancestorsOf(ctx.db, ctx.tenantId, parentId)).includes(selfId))
    throw invalid('parentId', 'a unit cannot be moved below itself');
}

/** A position is both coordinates or none. */
function checkPosition(latitude: number | null | undefined, longitude: number | null | undefined) {
  if ((latitude ?? null) === null && (longitude ?? null) !== null)
    throw invalid('latitude', 'is required with longitude');
  if ((longitude ?? null) === null && (latitude ?? null) !== null)
    throw invalid('longitude', 'is required with latitude');
}

export async function createOrgUnit(ctx: Ctx, input: z.output<typeof OrgUnitInput>): Promise<OrgUnit> {
  checkPosition(input.latitude, input.longitude);
  const parentId = input.parentId ?? null;
  await assertParent(ctx, parentId);
  const row = {
    tenantId: ctx.tenantId,
    id: newId('org', ctx.clock.now()),
    parentId,
    kind: input.kind,
    name: input.name,
    code: input.code ?? null,
    address: input.address ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    phone: input.phone ?? null,
    createdAt: ctx.clock.now(),
  };
  await insertOrgUnit(ctx.db, row);
  await ctx.audit({
    action: 'org_unit.create',
    entityType: 'org_unit',
    entityId: row.id,
    summary: `Created ${row.kind} ${row.name}`,
  });
  return toOrgUnit(row, 0);
}

export async function updateOrgUnit(ctx: Ctx, id: string, input: Partial<z.output<typeof OrgUnitInput>>) {
  const before = await getOrgUnit(ctx, id);
  if (input.latitude !== undefined || input.longitude !== undefined)
    checkPosition(
      input.latitude !== undefined ? input.latitude : before.latitude,
      input.longitude !== undefined ? input.longitude : before.longitude,
    );
  if (input.parentId !== undefined) await assertParent(ctx, input.parentId, id);
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length) await updateOrgUnitRow(ctx.db, ctx.tenantId, id, set);
  const after = await getOrgUnit(ctx, id);
  await ctx.audit({
    action: 'org_unit.update',
    entityType: 'org_unit',
    entityId: id,
    summary: `Changed ${after.kind} ${after.name}`,
    changes: diffChanges(before, after),
  });
  return after;
}

export async function deleteOrgUnit(ctx: Ctx, id: string) {
  const unit = await getOrgUnit(ctx, id);
  const children = await countChildren(ctx.db, ctx.tenantId, id);
  if (children > 0)
    throw conflict('ORG_UNIT_HAS_CHILDREN', `${unit.name} has sub-units; move or delete them first`, { children });
  if (unit.staffCount > 0)
    throw conflict('ORG_UNIT_HAS_STAFF', `${unit.staffCount} staff member(s) belong to ${unit.name}; move them first`, {
      staffCount: unit.staffCount,
    });
  await deleteOrgUnitRow(ctx.db, ctx.tenantId, id);
  await ctx.audit({
    action: 'org_unit.delete',
    entityType: 'org_unit',
    entityId: id,
    summary: `Deleted ${unit.kind} ${unit.name}`,
  });
  return { ok: true as const };
}

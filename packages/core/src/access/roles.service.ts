import { PERMISSIONS, type Role, type RoleInput } from '@siyu/contracts';
import type { z } from 'zod';
import { AppError, conflict, type Ctx, newId, notFound } from '../platform';
import {
  countRoleHolders,
  deleteRoleRow,
  findRole,
  findRoleByName,
  insertRoles,
  listRolesWithCounts,
  type RoleRow,
  updateRoleRow,
} from './roles.repo';
import { assertMayGrant } from './grants';

const toRole = (r: RoleRow, staffCount: number): Role => ({
  id: r.id,
  key: r.key,
  name: r.name,
  description: r.description,
  permissions: r.permissions,
  dataScope: r.dataScope,
  builtIn: r.key !== null,
  staffCount,
});

export const listPermissionGroups = () => ({
  groups: Object.entries(PERMISSIONS).map(([key, permissions]) => ({ key, permissions: [...permissions] })),
});

export async function listRoles(ctx: Ctx) {
  const rows = await listRolesWithCounts(ctx.db, ctx.tenantId);
  return { items: rows.map((r) => toRole(r.role, r.staffCount)) };
}

async function assertNameFree(ctx: Ctx, name: string, exceptId?: string) {
  const other = await findRoleByName(ctx.db, ctx.tenantId, name);
  if (other && other.id !== exceptId) throw conflict('ROLE_NAME_TAKEN', `A role named ${name} exists already`);
}

export async function createRole(ctx: Ctx, input: z.output<typeof RoleInput>): Promise<Role> {
  assertMayGrant(ctx, { key: null, ...input }, 'create');
  await assertNameFree(ctx, input.name);
  const row = {
    tenantId: ctx.tenantId,
    id: newId('rol', ctx.clock.now()),
    key: null,
    name: input.name,
    description: input.description ?? null,
    permissions: [...new Set(input.permissions)],
    dataScope: input.dataScope,
    createdAt: ctx.clock.now(),
    templatePermissions: null,
  };
  await insertRoles(ctx.db, [row]);
  await ctx.audit({
    action: 'role.create',
    entityType: 'role',
    entityId: row.id,
    summary: `Created role ${row.name}`,
    changes: { permissions: row.permissions, dataScope: row.dataScope },
  });
  return toRole(row, 0);
}

export async function updateRole(ctx: Ctx, id: string, input: Partial<z.output<typeof RoleInput>>): Promise<Role> {
  const role = await findRole(ctx.db, ctx.tenantId, id);
  if (!role) throw notFound('Role', id);
  if (role.key === 'owner') throw new AppError(403, 'OWNER_ROLE_LOCKED', 'The owner role cannot be changed');
  assertMayGrant(ctx, role, 'change');
  assertMayGrant(ctx, { ...role, ...input }, 'change');
  if (input.name !== undefined) await assertNameFree(ctx, input.name, id);
  const set = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.permissions !== undefined && { permissions: [...new Set(input.permissions)] }),
    ...(input.dataScope !== undefined && { dataScope: input.dataScope }),
  };
  const row = Object.keys(set).length ? await updateRoleRow(ctx.db, ctx.tenantId, id, set) : role;
  await ctx.audit({
    action: 'role.update',
    entityType: 'role',
    entityId: id,
    summary: `Changed role ${row!.name}`,
    changes: set,
  });
  return toRole(row!, await countRoleHolders(ctx.db, ctx.tenantId, id));
}

export async function deleteRole(ctx: Ctx, id: string) {
  const role = await findRole(ctx.db, ctx.tenantId, id);
  if (!role) throw notFound('Role', id);
  if (role.key !== null) throw conflict('BUILT_IN_ROLE', 'Built-in roles cannot be deleted');
  const holders = await countRoleHolders(ctx.db, ctx.tenantId, id);
  if (holders > 0)
    throw conflict('ROLE_IN_USE', `${holders} staff member(s) hold this role; give them another role first`, {
      holders,
    });
  await deleteRoleRow(ctx.db, ctx.tenantId, id);
  await ctx.audit({ action: 'role.delete', entityType: 'role', entityId: id, summary: `Deleted role ${role.name}` });
  return { ok: true as const };
}

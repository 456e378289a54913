import type { CreateStaffInput, StaffQuery, UpdateStaffInput } from '@siyu/contracts';
import type { z } from 'zod';
import {
  conflict,
  type Ctx,
  DAY,
  diffChanges,
  hashPassword,
  invalid,
  LIMITS,
  newId,
  notFound,
  randomPassword,
  randomToken,
  sha256,
} from '../platform';
import { assertMayGrant } from './grants';
import { insertInvite } from './invites.repo';
import { countExistingOrgUnits } from './org-units.repo';
import { findRolesByIds } from './roles.repo';
import { toStaff } from './staff-access.service';
import { endStaffSessions } from './staff-auth.service';
import {
  countOtherActiveOwners,
  findStaff,
  findStaffByEmail,
  insertStaff,
  listStaffRows,
  setStaffOrgUnits,
  setStaffRoles,
  type StaffWithLinks,
  updateStaffRow,
} from './staff.repo';

export async function listStaff(ctx: Ctx, q: z.output<typeof StaffQuery>) {
  const rows = await listStaffRows(ctx.db, ctx.tenantId, ctx.scope, {
    q: q.q,
    status: q.status,
    roleId: q.roleId,
    orgUnitId: q.orgUnitId,
    before: q.cursor,
    limit: q.limit + 1,
  });
  const items = rows.slice(0, q.limit).map(toStaff);
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}

/** A staff member inside the actor's data scope, or 404. */
async function visibleStaff(ctx: Ctx, id: string) {
  const s = await findStaff(ctx.db, ctx.tenantId, id, ctx.scope);
  if (!s) throw notFound('Staff member', id);
  return s;
}

export const getStaff = async (ctx: Ctx, id: string) => toStaff(await visibleStaff(ctx, id));

/** Roles must exist, and the actor must be allowed to grant each of them. */
async function checkRoles(ctx: Ctx, roleIds: string[]) {
  const found = await findRolesByIds(ctx.db, ctx.tenantId, roleIds);
  if (found.length !== new Set(roleIds).size) throw invalid('roleIds', 'contains a role that does not exist');
  for (const r of found) assertMayGrant(ctx, r);
  return found;
}

/**
 * Changing someone (their details, status or password) needs the right to grant every role they
 * hold: otherwise a staff manager could take over an owner's account.
 */
async function assertMayManage(ctx: Ctx, target: StaffWithLinks) {
  const roles = await findRolesByIds(
    ctx.db,
    ctx.tenantId,
    target.roles.map((r) => r.id),
  );
  for (const r of roles) assertMayGrant(ctx, r, 'manage someone with');
}

/** Org units must exist and lie inside a scoped actor's units; a self-scoped actor assigns none. */
async function checkUnits(ctx: Ctx, unitIds: string[]) {
  if ((await countExistingOrgUnits(ctx.db, ctx.tenantId, unitIds)) !== new Set(unitIds).size)
    throw invalid('orgUnitIds', 'contains a department or store that does not exist');
  if (ctx.scope.kind === 'all') return;
  const allowed = new Set(ctx.scope.kind === 'org_units' ? ctx.scope.unitIds : []);
  if ((ctx.scope.kind === 'org_units' && unitIds.length === 0) || unitIds.some((u) => !allowed.has(u)))
    throw invalid('orgUnitIds', 'must be within your own departments or stores');
}

export async function createStaff(ctx: Ctx, input: z.output<typeof CreateStaffInput>, publicUrl: string) {
  if (await findStaffByEmail(ctx.db, ctx.tenantId, input.email))
    throw conflict('EMAIL_TAKEN', `A staff member with ${input.email} exists already`, { field: 'email' });
  await checkRoles(ctx, input.roleIds);
  await checkUnits(ctx, input.orgUnitIds);
  const now = ctx.clock.now();
  const id = newId('stf', now);
  const invited = input.mode === 'invite';
  await insertStaff(ctx.db, {
    tenantId: ctx.tenantId,
    id,
    name: input.name,
    email: input.email,
    phone: input.phone ?? null,
    title: input.title ?? null,
    status: invited ? 'invited' : 'active',
    passwordHash: invited ? null : await hashPassword(input.password!),
    createdAt: now,
    updatedAt: now,
  });
  await setStaffRoles(ctx.db, ctx.tenantId, id, [...new Set(input.roleIds)]);
  await setStaffOrgUnits(ctx.db, ctx.tenantId, id, [...new Set(input.orgUnitIds)]);
  let inviteUrl: string | null = null;
  if (invited) {
    const token = randomToken();
    await insertInvite(ctx.db, {
      tenantId: ctx.tenantId,
      id: newId('inv', now),
      staffId: id,
      tokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + LIMITS.invites.ttlDays * DAY),
      createdAt: now,
    });
    inviteUrl = `${publicUrl}/admin/invite/${token}`;
  }
  await ctx.emit('access.staff.created', { staffId: id, invited });
  await ctx.audit({
    action: invited ? 'staff.invite' : 'staff.create',
    entityType: 'staff',
    entityId: id,
    summary: `${invited ? 'Invited' : 'Created'} ${input.name} <${input.email}>`,
    changes: { roleIds: input.roleIds, orgUnitIds: input.orgUnitIds },
  });
  return { staff: toStaff((await findStaff(ctx.db, ctx.tenantId, id))!), inviteUrl };
}

async function assertNotLastOwner(ctx: Ctx, id: string, what: string) {
  const roles = await findRolesByIds(
    ctx.db,
    ctx.tenantId,
    (await visibleStaff(ctx, id)).roles.map((r) => r.id),
  );
  if (roles.some((r) => r.key === 'owner') && (await countOtherActiveOwners(ctx.db, ctx.tenantId, id)) === 0)
    throw conflict('LAST_OWNER', `The last active owner cannot be ${what}`);
}

export async function updateStaff(ctx: Ctx, id: string, input: z.output<typeof UpdateStaffInput>) {
  const target = await visibleStaff(ctx, id);
  await assertMayManage(ctx, target);
  const before = toStaff(target);
  if (input.roleIds) {
    const found = await checkRoles(ctx, input.roleIds);
    if (!found.some((r) => r.key === 'owner')) await assertNotLastOwner(ctx, id, 'demoted');
    await setStaffRoles(ctx.db, ctx.tenantId, id, [...new Set(input.roleIds)]);
  }
  if (input.orgUnitIds) {
    await checkUnits(ctx, input.orgUnitIds);
    await setStaffOrgUnits(ctx.db, ctx.tenantId, id, [...new Set(input.orgUnitIds)]);
  }
  const { roleIds: _r, orgUnitIds: _o, ...fields } = input;
  if (Object.keys(fields).length)
    await updateStaffRow(ctx.db, ctx.tenantId, id, { ...fields, updatedAt: ctx.clock.now() });
  const after = await getStaff(ctx, id);
  await ctx.audit({
    action: 'staff.update',
    entityType: 'staff',
    entityId: id,
    summary: `Changed ${after.name}`,
    changes: diffChanges(before, after),
  });
  return after;
}

export async function setStaffEnabled(ctx: Ctx, id: string, enabled: boolean) {
  const s = await visibleStaff(ctx, id);
  await assertMayManage(ctx, s);
  if (!enabled) {
    if (ctx.actor.kind === 'staff' && ctx.actor.id === id)
      throw conflict('CANNOT_DISABLE_SELF', 'You cannot disable yourself');
    await assertNotLastOwner(ctx, id, 'disabled');
  }
  const status = enabled ? (s.passwordHash ? 'active' : 'invited') : 'disabled';
  await updateStaffRow(ctx.db, ctx.tenantId, id, { status, updatedAt: ctx.clock.now() });
  if (!enabled) {
    await endStaffSessions(ctx.db, ctx.tenantId, id);
    await ctx.emit('access.staff.disabled', { staffId: id });
  }
  await ctx.audit({
    action: enabled ? 'staff.enable' : 'staff.disable',
    entityType: 'staff',
    entityId: id,
    summary: `${enabled ? 'Enabled' : 'Disabled'} ${s.name}`,
  });
  return getStaff(ctx, id);
}

/** Sets the given password or a generated one (returned once), and ends the member's sessions. */
export async function resetStaffPassword(ctx: Ctx, id: string, password?: string) {
  const s = await visibleStaff(ctx, id);
  await assertMayManage(ctx, s);
  const temporary = password ? null : randomPassword();
  await updateStaffRow(ctx.db, ctx.tenantId, id, {
    passwordHash: await hashPassword(password ?? temporary!),
    status: s.status === 'invited' ? 'active' : s.status,
    updatedAt: ctx.clock.now(),
  });
  await endStaffSessions(ctx.db, ctx.tenantId, id);
  await ctx.audit({
    action: 'staff.reset_password',
    entityType: 'staff',
    entityId: id,
    summary: `Reset the password of ${s.name}`,
  });
  return { temporaryPassword: temporary };
}

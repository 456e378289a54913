import { ALL_PERMISSIONS, type DataScope, type Session, type Staff } from '@siyu/contracts';
import type { Db, Scope } from '../platform';
import { notFound } from '../platform';
import { widerScope } from './grants';
import { expandSubtree } from './org-units.repo';
import { findStaff, rolesOfStaff, type StaffWithLinks, unitIdsOfStaff } from './staff.repo';
import { toSettings } from './tenants.service';
import { findTenantById } from './tenants.repo';

export const toStaff = (s: StaffWithLinks): Staff => ({
  id: s.id,
  name: s.name,
  email: s.email,
  phone: s.phone,
  title: s.title,
  status: s.status,
  roleIds: s.roles.map((r) => r.id),
  orgUnitIds: s.orgUnits.map((u) => u.id),
  roles: s.roles,
  orgUnits: s.orgUnits,
  lastLoginAt: s.lastLoginAt?.toISOString() ?? null,
  createdAt: s.createdAt.toISOString(),
});

/** What a staff member may do (union of their roles) and see (the widest data scope of their roles). */
export async function accessOf(db: Db, tenantId: string, staffId: string) {
  const held = await rolesOfStaff(db, tenantId, staffId);
  const permissions = held.some((r) => r.key === 'owner')
    ? [...ALL_PERMISSIONS]
    : [...new Set(held.flatMap((r) => r.permissions))].sort();
  const dataScope = held.reduce<DataScope>((w, r) => widerScope(w, r.dataScope), 'self');
  let scope: Scope;
  if (dataScope === 'all') scope = { kind: 'all' };
  else if (dataScope === 'self') scope = { kind: 'self', staffId };
  else
    scope = {
      kind: 'org_units',
      unitIds: await expandSubtree(db, tenantId, await unitIdsOfStaff(db, tenantId, staffId)),
    };
  return { permissions, dataScope, scope };
}

/** The `Session` answer of login and `me`. */
export async function describeStaffSession(
  db: Db,
  tenantId: string,
  staffId: string,
  csrfToken: string,
): Promise<Session> {
  const [staff, tenant, access] = [
    await findStaff(db, tenantId, staffId),
    await findTenantById(db, tenantId),
    await accessOf(db, tenantId, staffId),
  ];
  if (!staff || !tenant) throw notFound('Staff member', staffId);
  return {
    staff: toStaff(staff),
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    settings: toSettings(tenant),
    permissions: access.permissions,
    dataScope: access.dataScope,
    csrfToken,
  };
}

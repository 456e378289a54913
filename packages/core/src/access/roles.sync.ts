import type { BuiltInRole } from '@siyu/contracts';
import { type Ctx, withTenant } from '../platform';
import { PERMISSION_ADDED_AT, BUILT_IN_ROLES } from './roles.builtins';
import { builtInRoleRows, type RoleRow, syncRoleRow } from './roles.repo';

export type RoleSync = { tenantId: string; roleId: string; key: string; added: string[] };

/** The template's permissions the role already knew: the stored template, or those older than the role. */
function knownTemplate(row: RoleRow, template: readonly string[]) {
  if (row.templatePermissions) return row.templatePermissions;
  return template.filter((p) => {
    const at = PERMISSION_ADDED_AT[p as keyof typeof PERMISSION_ADDED_AT];
    return !at || new Date(at) <= row.createdAt;
  });
}

/**
 * Gives every tenant's built-in roles the permissions added to their templates since the role last
 * saw its template (or was created): idempotent, run at every start. Permissions a tenant removed
 * from a built-in role stay removed (they are in the known template); custom roles are not touched.
 * Each role that received something gets an audit entry `role.sync` listing what was added.
 */
export async function syncBuiltInRoles(base: Ctx): Promise<RoleSync[]> {
  const done: RoleSync[] = [];
  for (const row of await builtInRoleRows(base.db)) {
    const template = BUILT_IN_ROLES[row.key as BuiltInRole]?.permissions;
    if (!template) continue;
    const known = knownTemplate(row, template);
    const added = template.filter((p) => !known.includes(p) && !row.permissions.includes(p));
    const upToDate =
      row.templatePermissions !== null &&
      row.templatePermissions.length === template.length &&
      template.every((p) => known.includes(p));
    if (upToDate) continue;
    const applied = await syncRoleRow(base.db, row, [...row.permissions, ...added], [...template]);
    if (!applied || !added.length) continue;
    done.push({ tenantId: row.tenantId, roleId: row.id, key: row.key!, added });
    await withTenant(base, row.tenantId).audit({
      action: 'role.sync',
      entityType: 'role',
      entityId: row.id,
      summary: `Built-in role ${row.name} received the new permissions ${added.join(', ')}`,
      changes: { added },
    });
  }
  return done;
}

import { BUILT_IN_ROLES, type Role } from '@siyu/contracts';
import type { TFunction } from 'i18next';

/** A role's name: built-in roles use the translated label of their key. */
export const roleLabel = (role: Pick<Role, 'key' | 'name'>, t: TFunction) =>
  role.key ? t(`roles.builtin.${role.key}`, { defaultValue: role.name }) : role.name;

/** Built-in roles first, in their canonical order (owner, admin, …), then custom roles by name. */
export function sortRoles<R extends Pick<Role, 'key' | 'name'>>(roles: R[]): R[] {
  const rank = (r: R) => {
    const i = BUILT_IN_ROLES.indexOf(r.key as (typeof BUILT_IN_ROLES)[number]);
    return i < 0 ? BUILT_IN_ROLES.length : i;
  };
  return [...roles].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** `perm.<key>` with the raw key as a fallback for permissions added later. */
export const permLabel = (key: string, t: TFunction) => t(`perm.${key}`, { defaultValue: key });
export const permGroupLabel = (key: string, t: TFunction) => t(`permGroup.${key}`, { defaultValue: key });

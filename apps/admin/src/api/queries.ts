import { adminRoutes } from '@siyu/contracts';
import { useQuery } from '@tanstack/react-query';
import { sortRoles } from '../app/labels';
import { call } from './client';
import { qk } from './query-keys';

/** Lists read by several pages (staff filters, forms, overview). */
export const useRoles = (enabled = true) =>
  useQuery({
    queryKey: qk.roles,
    queryFn: async () => {
      const res = await call(adminRoutes.listRoles);
      return { items: sortRoles(res.items) };
    },
    enabled,
  });

export const useOrgUnits = (enabled = true) =>
  useQuery({ queryKey: qk.orgUnits, queryFn: () => call(adminRoutes.listOrgUnits), enabled });

export const usePermissionCatalog = (enabled = true) =>
  useQuery({
    queryKey: qk.permissions,
    queryFn: () => call(adminRoutes.listPermissions),
    enabled,
    staleTime: Infinity,
  });

/** Up to 200 staff for pickers (actor filter); the staff page pages through everything. */
export const useStaffOptions = (enabled = true) =>
  useQuery({
    queryKey: [...qk.staff, 'options'],
    queryFn: () => call(adminRoutes.listStaff, { query: { limit: 200 } }),
    enabled,
  });

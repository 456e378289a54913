import { adminRoutes, type Staff } from '@siyu/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { qk } from '../../api/query-keys';

export type StaffFilters = { q?: string; status?: Staff['status']; roleId?: string; orgUnitId?: string };

const PAGE_SIZE = 50;

/** Keyset-paged staff list; `fetchNextPage` loads the next page after `nextCursor`. */
export const useStaffList = (filters: StaffFilters) =>
  useInfiniteQuery({
    queryKey: [...qk.staff, 'list', filters],
    queryFn: ({ pageParam }) =>
      call(adminRoutes.listStaff, { query: { ...filters, cursor: pageParam, limit: PAGE_SIZE } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** After a staff write: staff lists, and the staff counts shown on roles and org units. */
export function useInvalidateStaff() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: qk.staff }),
      qc.invalidateQueries({ queryKey: qk.roles }),
      qc.invalidateQueries({ queryKey: qk.orgUnits }),
    ]);
}

export function useToggleStaff() {
  const invalidate = useInvalidateStaff();
  return useMutation({
    mutationFn: ({ staff, enable }: { staff: Staff; enable: boolean }) =>
      call(enable ? adminRoutes.enableStaff : adminRoutes.disableStaff, { params: { id: staff.id } }),
    onSuccess: () => invalidate(),
  });
}

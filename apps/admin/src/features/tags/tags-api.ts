import { tagRoutes } from '@siyu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

export const tagKeys = {
  all: ['tags'] as const,
  groups: ['tags', 'groups'] as const,
  rules: ['tags', 'rules'] as const,
  customer: (id: string) => ['tags', 'customer', id] as const,
};

/** Tag groups with their tags and counts (shared by pickers, the tags page and the rule editor). */
export const useTagGroups = (enabled = true) =>
  useQuery({ queryKey: tagKeys.groups, queryFn: () => call(tagRoutes.listGroups), enabled });

export const useTagRules = (enabled = true) =>
  useQuery({ queryKey: tagKeys.rules, queryFn: () => call(tagRoutes.listRules), enabled });

/** After a tag write: tag lists and counts, and the customers showing tags. */
export function useInvalidateTags() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: tagKeys.all }), qc.invalidateQueries({ queryKey: ['customers'] })]);
}

/** Preset colours offered for tags (WeCom shows none; the console uses them for chips). */
export const TAG_COLORS = [
  '#1677ff',
  '#13c2c2',
  '#52c41a',
  '#faad14',
  '#fa8c16',
  '#f5222d',
  '#eb2f96',
  '#722ed1',
  '#8c8c8c',
];

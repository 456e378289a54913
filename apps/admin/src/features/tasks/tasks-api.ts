import { followUpRoutes, type Task } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

export type TaskView = 'today' | 'overdue' | 'upcoming' | 'all';

export const taskKeys = {
  all: ['tasks'] as const,
  mine: (view: TaskView) => ['tasks', 'mine', view] as const,
  ofCustomer: (id: string) => ['tasks', 'customer', id] as const,
  workbench: ['tasks', 'workbench'] as const,
  notifications: ['notifications'] as const,
};

export const useMyTasks = (view: TaskView) =>
  useQuery({ queryKey: taskKeys.mine(view), queryFn: () => call(followUpRoutes.myTasks, { query: { view } }) });

export const useWorkbench = (enabled = true) =>
  useQuery({
    queryKey: taskKeys.workbench,
    queryFn: () => call(followUpRoutes.workbench),
    enabled,
    refetchInterval: 60_000,
  });

export function useInvalidateTasks() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: taskKeys.all }),
      qc.invalidateQueries({ queryKey: ['customers', 'timeline'] }),
    ]);
}

/** Complete or cancel an open task. */
export function useTaskAction() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: ({ task, action }: { task: Task; action: 'complete' | 'cancel' }) =>
      call(action === 'complete' ? followUpRoutes.completeTask : followUpRoutes.cancelTask, {
        params: { id: task.id },
      }),
    onSuccess: () => invalidate(),
  });
}

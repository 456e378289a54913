import { PlusOutlined } from '@ant-design/icons';
import { followUpRoutes, type Task } from '@siyu/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { LoadMore } from '../../../app/load-more';
import { TaskDrawer } from '../../tasks/task-drawer';
import { TaskList } from '../../tasks/task-list';
import { taskKeys } from '../../tasks/tasks-api';

/** Tasks about this customer, anyone's (within the data scope). */
export function CustomerTasksTab({ customer }: { customer: { id: string; label: string } }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [editing, setEditing] = useState<{ task?: Task } | null>(null);
  const q = useInfiniteQuery({
    queryKey: taskKeys.ofCustomer(customer.id),
    queryFn: ({ pageParam }) =>
      call(followUpRoutes.listTasks, { query: { customerId: customer.id, cursor: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const tasks = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      {can('customers.write') && (
        <div style={{ marginBottom: 12, textAlign: 'right' }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('tasks.add')}
          </Button>
        </div>
      )}
      <TaskList
        tasks={tasks}
        loading={q.isPending}
        showCustomer={false}
        showAssignee
        onEdit={(task) => setEditing({ task })}
        empty={<Empty description={t('tasks.empty.customer')} />}
      />
      <LoadMore
        hasMore={!!q.hasNextPage}
        loading={q.isFetchingNextPage}
        shown={tasks.length}
        onLoad={() => void q.fetchNextPage()}
      />
      <TaskDrawer open={!!editing} task={editing?.task} customer={customer} onClose={() => setEditing(null)} />
    </div>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import type { Task } from '@siyu/contracts';
import { Badge, Button, Empty, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { TaskDrawer } from './task-drawer';
import { TaskList } from './task-list';
import { type TaskView, useMyTasks, useWorkbench } from './tasks-api';

const VIEWS: TaskView[] = ['today', 'overdue', 'upcoming', 'all'];

export function TasksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const view = (VIEWS as string[]).includes(sp.get('view') ?? '') ? (sp.get('view') as TaskView) : 'today';
  const [editing, setEditing] = useState<{ task?: Task } | null>(null);
  const tasks = useMyTasks(view);
  const bench = useWorkbench();
  const canWrite = can('customers.write');
  const counts: Partial<Record<TaskView, number>> = { today: bench.data?.tasksToday, overdue: bench.data?.overdue };

  const empty = (
    <Empty description={t(`tasks.empty.${view}`)}>
      <div style={{ display: 'flex', gap: 8, justifyContent: 'center' }}>
        {canWrite && (
          <Button type="primary" onClick={() => setEditing({})}>
            {t('tasks.add')}
          </Button>
        )}
        <Button onClick={() => navigate('/customers?ownerId=me')}>{t('tasks.myCustomers')}</Button>
      </div>
    </Empty>
  );

  return (
    <div>
      <PageHeader
        title={t('tasks.pageTitle')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('tasks.add')}
            </Button>
          )
        }
      />
      <Segmented
        aria-label={t('tasks.view')}
        value={view}
        onChange={(v) => setSp(v === 'today' ? {} : { view: String(v) }, { replace: true })}
        options={VIEWS.map((v) => ({
          value: v,
          label: (
            <span>
              {t(`tasks.views.${v}`)}{' '}
              {counts[v] ? <Badge count={counts[v]} size="small" color={v === 'overdue' ? 'red' : 'blue'} /> : null}
            </span>
          ),
        }))}
        style={{ marginBottom: 16 }}
      />
      {tasks.isError ? (
        <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <TaskList
          tasks={tasks.data?.items ?? []}
          loading={tasks.isPending}
          empty={empty}
          onEdit={(task) => setEditing({ task })}
        />
      )}
      <TaskDrawer open={!!editing} task={editing?.task} onClose={() => setEditing(null)} />
    </div>
  );
}

import { CheckOutlined } from '@ant-design/icons';
import type { Task } from '@siyu/contracts';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { formatTime } from '../../app/time';
import { useTaskAction } from './tasks-api';

const STATUS_COLOR = { open: 'blue', done: 'green', cancelled: 'default' } as const;

type Props = {
  tasks: Task[];
  loading: boolean;
  empty: ReactNode;
  onEdit?: (t: Task) => void;
  showCustomer?: boolean;
  showAssignee?: boolean;
};

/** Tasks with their due time (overdue in red), customer, and complete / cancel. */
export function TaskList({ tasks, loading, empty, onEdit, showCustomer = true, showAssignee = false }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const tz = useSession().settings.timeZone;
  const showError = useShowError();
  const action = useTaskAction();
  const canWrite = can('customers.write');
  const act = (task: Task, a: 'complete' | 'cancel') =>
    action.mutateAsync({ task, action: a }).then(
      () => void message.success(t(a === 'complete' ? 'tasks.completed' : 'tasks.cancelled')),
      (e) => showError(e),
    );

  return (
    <Table<Task>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={tasks}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(task) => ({
        style: task.overdue ? { background: '#fff1f0' } : undefined,
        'data-overdue': task.overdue || undefined,
      })}
      locale={{ emptyText: empty }}
      columns={[
        {
          title: t('tasks.title'),
          key: 'title',
          render: (_, task) => (
            <div>
              <Typography.Text strong delete={task.status === 'cancelled'}>
                {task.title}
              </Typography.Text>
              {task.kind !== 'follow_up' && <Tag style={{ marginLeft: 6 }}>{t(`tasks.kinds.${task.kind}`)}</Tag>}
              {task.description && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{task.description}</div>}
            </div>
          ),
        },
        ...(showCustomer
          ? [
              {
                title: t('tasks.customer'),
                key: 'customer',
                render: (_: unknown, task: Task) =>
                  task.customer ? (
                    <Link to={`/customers/${task.customer.id}`}>{task.customer.name || t('customers.unnamed')}</Link>
                  ) : (
                    '—'
                  ),
              },
            ]
          : []),
        ...(showAssignee
          ? [{ title: t('tasks.assignee'), dataIndex: 'assigneeName', render: (v: string | null) => v ?? '' }]
          : []),
        {
          title: t('tasks.due'),
          dataIndex: 'dueAt',
          render: (v: string | null, task) =>
            v ? (
              <Typography.Text type={task.overdue ? 'danger' : undefined} strong={task.overdue}>
                {formatTime(v, tz, 'MM-DD HH:mm')}
                {task.overdue && ` · ${t('tasks.overdue')}`}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('tasks.noDue')}</Typography.Text>
            ),
        },
        {
          title: t('tasks.status'),
          dataIndex: 'status',
          render: (s: Task['status']) => <Tag color={STATUS_COLOR[s]}>{t(`tasks.statuses.${s}`)}</Tag>,
        },
        ...(canWrite
          ? [
              {
                title: t('common.actions'),
                key: 'a',
                render: (_: unknown, task: Task) =>
                  task.status === 'open' && (
                    <Space size={0} wrap>
                      <Button
                        type="link"
                        size="small"
                        icon={<CheckOutlined />}
                        onClick={() => void act(task, 'complete')}
                      >
                        {t('tasks.complete')}
                      </Button>
                      {onEdit && (
                        <Button type="link" size="small" onClick={() => onEdit(task)}>
                          {t('common.edit')}
                        </Button>
                      )}
                      <Popconfirm
                        title={t('tasks.cancelConfirm', { title: task.title })}
                        okText={t('tasks.cancel')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => act(task, 'cancel')}
                      >
                        <Button type="link" size="small" danger>
                          {t('tasks.cancel')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

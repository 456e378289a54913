import { type Customer, customerRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../../api/client';
import { useAuth, useSession } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { formatTime } from '../../../app/time';
import { useInvalidateCustomers } from '../customers-api';

type Merge = Customer['merges'][number];

/** Customers merged into this one; a merge can be undone (the other customer comes back). */
export function MergesTab({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const tz = useSession().settings.timeZone;
  const showError = useShowError();
  const invalidate = useInvalidateCustomers();
  const undo = useMutation({
    mutationFn: (m: Merge) => call(customerRoutes.unmerge, { params: { id: c.id, mergeId: m.id } }),
    onSuccess: async () => {
      await invalidate();
      void message.success(t('customers.merges.undone'));
    },
    onError: (e) => showError(e),
  });
  return (
    <Table<Merge>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={c.merges}
      locale={{ emptyText: <Empty description={t('customers.merges.empty')} /> }}
      columns={[
        {
          title: t('customers.merges.merged'),
          dataIndex: 'mergedId',
          render: (id: string, m) => {
            const name = m.mergedName || t('customers.unnamed');
            const who = m.mergedPhone ? t('customers.merges.nameWithPhone', { name, phone: m.mergedPhone }) : name;
            // a merged-away customer has no page of its own; after an undo it has again
            return (
              <Space orientation="vertical" size={0}>
                {m.undone ? <Link to={`/customers/${id}`}>{who}</Link> : <span>{who}</span>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: id }}>
                  {id}
                </Typography.Text>
              </Space>
            );
          },
        },
        {
          title: t('customers.merges.at'),
          dataIndex: 'at',
          render: (v: string) => formatTime(v, tz, 'YYYY-MM-DD HH:mm'),
        },
        {
          title: t('customers.merges.status'),
          dataIndex: 'undone',
          render: (u: boolean) =>
            u ? (
              <Tag>{t('customers.merges.statusUndone')}</Tag>
            ) : (
              <Tag color="purple">{t('customers.merges.statusMerged')}</Tag>
            ),
        },
        {
          title: t('common.actions'),
          key: 'a',
          render: (_, m) =>
            !m.undone &&
            can('customers.merge') && (
              <Popconfirm
                title={t('customers.merges.undoConfirm')}
                description={t('customers.merges.undoHint')}
                okText={t('customers.merges.undo')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => undo.mutateAsync(m).catch(() => undefined)}
              >
                <Button type="link" size="small" danger>
                  {t('customers.merges.undo')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}

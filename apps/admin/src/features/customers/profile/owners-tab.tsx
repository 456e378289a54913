import { PlusOutlined } from '@ant-design/icons';
import { type Customer, customerRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAuth, useSession } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { formatTime } from '../../../app/time';
import { TagList } from '../customer-columns';
import { useSetCustomer } from '../customers-api';
import { OwnerModal } from './owner-modal';

type Owner = Customer['owners'][number];

/** The staff following this customer (WeCom follow_user): the primary owner and the others. */
export function OwnersTab({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const tz = useSession().settings.timeZone;
  const showError = useShowError();
  const setCustomer = useSetCustomer();
  const [editing, setEditing] = useState<{ owner?: Owner } | null>(null);
  const canEdit = can('customers.transfer') && !c.erased;
  const done = async (res: Customer, text: string) => {
    await setCustomer(res);
    void message.success(text);
  };
  const makePrimary = useMutation({
    mutationFn: (o: Owner) =>
      call(customerRoutes.addOwner, {
        params: { id: c.id },
        body: { staffId: o.staffId, primary: true, remark: o.remark, description: o.description },
      }),
    onSuccess: (res) => done(res, t('customers.owners.primaryDone')),
    onError: (e) => showError(e),
  });
  const remove = useMutation({
    mutationFn: (o: Owner) => call(customerRoutes.removeOwner, { params: { id: c.id, staffId: o.staffId } }),
    onSuccess: (res) => done(res, t('customers.owners.removed')),
    onError: (e) => showError(e),
  });
  const owners = [...c.owners].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));

  return (
    <div>
      {canEdit && (
        <div style={{ marginBottom: 12, textAlign: 'right' }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('customers.owners.add')}
          </Button>
        </div>
      )}
      <Table<Owner>
        rowKey="staffId"
        size="small"
        pagination={false}
        dataSource={owners}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('customers.owners.empty')} /> }}
        columns={[
          {
            title: t('customers.owners.staff'),
            key: 'staff',
            render: (_, o) => (
              <Space>
                {o.staffName}
                {o.isPrimary && <Tag color="blue">{t('customers.owners.primary')}</Tag>}
              </Space>
            ),
          },
          { title: t('customers.owners.remark'), dataIndex: 'remark', render: (v: string | null) => v ?? '' },
          { title: t('customers.owners.description'), dataIndex: 'description', render: (v: string | null) => v ?? '' },
          {
            title: t('customers.owners.staffTags'),
            dataIndex: 'tags',
            render: (tags: Owner['tags']) => <TagList tags={tags} />,
          },
          { title: t('customers.owners.addWay'), dataIndex: 'addWay', render: (v: string | null) => v ?? '' },
          {
            title: t('customers.owners.addedAt'),
            dataIndex: 'addedAt',
            render: (v: string) => formatTime(v, tz, 'YYYY-MM-DD HH:mm'),
          },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, o: Owner) => (
                    <Space size={0} wrap>
                      <Button type="link" size="small" onClick={() => setEditing({ owner: o })}>
                        {t('customers.owners.editRemark')}
                      </Button>
                      {!o.isPrimary && (
                        <Popconfirm
                          title={t('customers.owners.primaryConfirm', { name: o.staffName })}
                          okText={t('common.confirm')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => makePrimary.mutateAsync(o).catch(() => undefined)}
                        >
                          <Button type="link" size="small">
                            {t('customers.owners.makePrimary')}
                          </Button>
                        </Popconfirm>
                      )}
                      <Popconfirm
                        title={t('customers.owners.removeConfirm', { name: o.staffName })}
                        okText={t('customers.owners.remove')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove.mutateAsync(o).catch(() => undefined)}
                      >
                        <Button type="link" size="small" danger>
                          {t('customers.owners.remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <OwnerModal customer={c} editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

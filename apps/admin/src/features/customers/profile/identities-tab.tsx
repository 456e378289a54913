import { PlusOutlined } from '@ant-design/icons';
import { type Customer, customerRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAuth, useSession } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { formatTime } from '../../../app/time';
import { useSetCustomer } from '../customers-api';
import { IdentityModal } from './identity-modal';
import { MergeModal } from './merge-modal';

type Identity = Customer['identities'][number];

/** OneID: every identifier this person is known by (WeCom, WeChat, phone, mall account…). */
export function IdentitiesTab({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const tz = useSession().settings.timeZone;
  const showError = useShowError();
  const setCustomer = useSetCustomer();
  const [adding, setAdding] = useState(false);
  const [mergeWith, setMergeWith] = useState<{ id: string; label: string } | null>(null);
  const canWrite = can('customers.write') && !c.erased;
  // Masked phone and email values cannot be named back to the API.
  const masked = (i: Identity) => !can('customers.pii') && (i.kind === 'phone' || i.kind === 'email');
  const remove = useMutation({
    mutationFn: (i: Identity) =>
      call(customerRoutes.removeIdentity, {
        params: { id: c.id },
        body: { kind: i.kind, namespace: i.namespace, value: i.value },
      }),
    onSuccess: async (res) => {
      await setCustomer(res);
      void message.success(t('customers.identities.removed'));
    },
    onError: (e) => showError(e),
  });

  return (
    <div>
      {canWrite && (
        <div style={{ marginBottom: 12, textAlign: 'right' }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('customers.identities.add')}
          </Button>
        </div>
      )}
      <Table<Identity>
        rowKey={(i) => `${i.kind}:${i.namespace}:${i.value}`}
        size="small"
        pagination={false}
        dataSource={c.identities}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('customers.identities.empty')} /> }}
        columns={[
          {
            title: t('customers.identities.kind'),
            dataIndex: 'kind',
            render: (k: string) => t(`customers.identities.kinds.${k}`),
          },
          { title: t('customers.identities.value'), dataIndex: 'value', render: (v: string) => <code>{v}</code> },
          { title: t('customers.identities.namespace'), dataIndex: 'namespace' },
          {
            title: t('customers.identities.verified'),
            dataIndex: 'verified',
            render: (v: boolean) =>
              v ? (
                <Tag color="green">{t('customers.identities.verifiedYes')}</Tag>
              ) : (
                <Tag>{t('customers.identities.verifiedNo')}</Tag>
              ),
          },
          { title: t('customers.identities.source'), dataIndex: 'source' },
          {
            title: t('customers.identities.addedAt'),
            dataIndex: 'createdAt',
            render: (v: string) => formatTime(v, tz, 'YYYY-MM-DD HH:mm'),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, i: Identity) =>
                    masked(i) ? null : (
                      <Popconfirm
                        title={t('customers.identities.removeConfirm', { value: i.value })}
                        okText={t('customers.identities.remove')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove.mutateAsync(i).catch(() => undefined)}
                      >
                        <Button type="link" size="small" danger>
                          {t('customers.identities.remove')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      <IdentityModal
        customer={c}
        open={adding}
        onClose={() => setAdding(false)}
        onTaken={can('customers.merge') ? (holder) => setMergeWith(holder) : undefined}
      />
      {mergeWith && <MergeModal customer={c} open preset={mergeWith} onClose={() => setMergeWith(null)} />}
    </div>
  );
}

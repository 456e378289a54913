import { PlusOutlined } from '@ant-design/icons';
import { adminRoutes, type Role } from '@siyu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useRoles } from '../../api/queries';
import { qk } from '../../api/query-keys';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { permLabel, roleLabel } from '../../app/labels';
import { PageHeader } from '../../app/page-header';
import { RoleDrawer } from './role-drawer';

type Editing = { role?: Role } | null;

export function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const roles = useRoles();
  const [editing, setEditing] = useState<Editing>(null);
  const canWrite = can('roles.write');

  const remove = useMutation({
    mutationFn: (role: Role) => call(adminRoutes.deleteRole, { params: { id: role.id } }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: qk.roles });
      void message.success(t('common.deleted'));
    },
    onError: (e) => showError(e),
  });

  const columns: TableColumnsType<Role> = [
    {
      title: t('roles.name'),
      dataIndex: 'name',
      render: (_, r) => (
        <Space>
          <Typography.Text strong>{roleLabel(r, t)}</Typography.Text>
          {r.builtIn && <Tag color="blue">{t('roles.builtIn')}</Tag>}
        </Space>
      ),
    },
    { title: t('roles.description'), dataIndex: 'description', render: (v: string | null) => v ?? '' },
    { title: t('roles.dataScope'), dataIndex: 'dataScope', render: (s: Role['dataScope']) => t(`dataScope.${s}`) },
    {
      title: t('roles.permissions'),
      dataIndex: 'permissions',
      render: (perms: string[]) => (
        <Tooltip title={perms.map((p) => permLabel(p, t)).join('、')}>
          <span>{t('roles.permCount', { count: perms.length })}</span>
        </Tooltip>
      ),
    },
    { title: t('roles.staffCount'), dataIndex: 'staffCount', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => {
        const editable = canWrite && r.key !== 'owner';
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setEditing({ role: r })}>
              {editable ? t('common.edit') : t('common.view')}
            </Button>
            {canWrite && !r.builtIn && (
              <Popconfirm
                title={t('roles.deleteConfirm', { name: r.name })}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutateAsync(r).catch(() => undefined)}
              >
                <Button type="link" size="small" danger>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  const role = editing?.role;
  return (
    <div>
      <PageHeader
        title={t('roles.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('roles.add')}
            </Button>
          )
        }
      />
      <Table<Role>
        rowKey="id"
        columns={columns}
        dataSource={roles.data?.items ?? []}
        loading={roles.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('roles.emptyHint')} /> }}
      />
      <RoleDrawer
        open={!!editing}
        role={role}
        readOnly={!canWrite || role?.key === 'owner'}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}

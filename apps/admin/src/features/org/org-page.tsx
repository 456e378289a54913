import { ApartmentOutlined, PlusOutlined, ShopOutlined } from '@ant-design/icons';
import { adminRoutes, type OrgUnit } from '@siyu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useOrgUnits } from '../../api/queries';
import { qk } from '../../api/query-keys';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { buildOrgTree, type OrgNode } from '../../app/org-tree';
import { PageHeader } from '../../app/page-header';
import { type OrgEditing, OrgUnitDrawer } from './org-unit-drawer';

export function OrgPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const org = useOrgUnits();
  const [editing, setEditing] = useState<OrgEditing | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const canWrite = can('org.write');
  const units = org.data?.items ?? [];
  const tree = useMemo(() => buildOrgTree(org.data?.items ?? []), [org.data]);
  // Everything is expanded unless the user collapsed it.
  const expanded = units.filter((u) => !collapsed.has(u.id)).map((u) => u.id);

  const remove = useMutation({
    mutationFn: (u: OrgUnit) => call(adminRoutes.deleteOrgUnit, { params: { id: u.id } }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: qk.orgUnits });
      void message.success(t('common.deleted'));
    },
    onError: (e) => showError(e),
  });

  const columns: TableColumnsType<OrgNode> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      render: (_, u) => (
        <Space>
          {u.kind === 'store' ? (
            <ShopOutlined style={{ color: '#fa8c16' }} />
          ) : (
            <ApartmentOutlined style={{ color: '#1677ff' }} />
          )}
          <span>{u.name}</span>
        </Space>
      ),
    },
    {
      title: t('org.kind'),
      dataIndex: 'kind',
      render: (k: OrgUnit['kind']) => <Tag color={k === 'store' ? 'orange' : 'blue'}>{t(`org.${k}`)}</Tag>,
    },
    { title: t('org.code'), dataIndex: 'code', render: (v: string | null) => v ?? '' },
    { title: t('org.address'), dataIndex: 'address', render: (v: string | null) => v ?? '' },
    {
      title: t('org.position'),
      key: 'position',
      render: (_, u) => (u.latitude !== null && u.longitude !== null ? `${u.latitude}, ${u.longitude}` : ''),
    },
    { title: t('org.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '' },
    { title: t('org.staffCount'), dataIndex: 'staffCount', align: 'right' },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => (
        <Space size={0}>
          {u.kind === 'department' && (
            <Button type="link" size="small" onClick={() => setEditing({ parentId: u.id })}>
              {t('org.addChild')}
            </Button>
          )}
          <Button type="link" size="small" onClick={() => setEditing({ unit: u })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('org.deleteConfirm', { name: u.name })}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutateAsync(u).catch(() => undefined)}
          >
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <div>
      <PageHeader
        title={t('org.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ parentId: null })}>
              {t('org.add')}
            </Button>
          )
        }
      />
      <Table<OrgNode>
        rowKey="id"
        columns={columns}
        dataSource={tree}
        loading={org.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (open, u) =>
            setCollapsed((prev) => {
              const next = new Set(prev);
              if (open) next.delete(u.id);
              else next.add(u.id);
              return next;
            }),
        }}
        locale={{
          emptyText: (
            <Empty description={t('org.emptyTitle')}>
              <p style={{ color: '#8c8c8c', maxWidth: 480, margin: '0 auto 16px' }}>{t('org.emptyHint')}</p>
              {canWrite && (
                <Button type="primary" onClick={() => setEditing({ parentId: null })}>
                  {t('org.add')}
                </Button>
              )}
            </Empty>
          ),
        }}
      />
      <OrgUnitDrawer editing={editing} units={units} onClose={() => setEditing(null)} />
    </div>
  );
}

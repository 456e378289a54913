import { BarChartOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { GroupCode } from '@siyu/contracts';
import { Button, Empty, Input, Result, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { ConfirmDelete } from '../../app/confirm-delete';
import { LoadMore } from '../../app/load-more';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { GroupCodeForm } from './group-code-form';
import { GroupCodeGroups, GroupCodeQr } from './group-code-parts';
import { useDeleteGroupCode, useGroupCodes, useGroups, useWecomConfigured } from './groups-api';

/** 群活码: the codes with their QR, groups and fill, joins; create, edit, stats, delete. */
export function GroupCodesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canWrite = can('channels.write');
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<GroupCode | 'new' | null>(null);
  const list = useGroupCodes(q);
  const wecom = useWecomConfigured();
  const anyGroup = useGroups({ status: 'active' });
  const remove = useDeleteGroupCode();
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const noGroups = anyGroup.data?.pages[0]?.items.length === 0;
  const notConnected = wecom.data === false;

  const emptyText = q ? (
    <Empty description={t('groupCodes.noMatch')} />
  ) : noGroups ? (
    <Empty description={t('groupCodes.emptyNoGroups')}>
      <Button type="primary" onClick={() => navigate('/groups')}>
        {t('groupCodes.goGroups')}
      </Button>
    </Empty>
  ) : (
    <Empty description={t('groupCodes.empty')}>
      {canWrite && (
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('groupCodes.new')}
        </Button>
      )}
    </Empty>
  );

  return (
    <div>
      <PageHeader
        title={t('groupCodes.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} disabled={notConnected} onClick={() => setEditing('new')}>
              {t('groupCodes.new')}
            </Button>
          )
        }
      />
      {notConnected && rows.length === 0 && !q ? (
        <Result
          status="info"
          title={t('groups.connectFirst')}
          subTitle={t('groupCodes.connectFirstHint')}
          extra={
            can('settings.read') && (
              <Button type="primary" onClick={() => navigate('/wecom-settings')}>
                {t('groups.goWecomSettings')}
              </Button>
            )
          }
        />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.Search
            allowClear
            placeholder={t('groupCodes.search')}
            aria-label={t('groupCodes.search')}
            style={{ maxWidth: 320 }}
            onSearch={(v) => setQ(v.trim())}
          />
          <Table<GroupCode>
            rowKey="id"
            loading={list.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 960 }}
            locale={{ emptyText }}
            columns={[
              { title: t('groupCodes.col.qr'), width: 88, render: (_, c) => <GroupCodeQr code={c} /> },
              {
                title: t('groupCodes.col.name'),
                render: (_, c) => (
                  <Space direction="vertical" size={0}>
                    <Link to={`/group-codes/${c.id}/stats`}>{c.name}</Link>
                    {c.lastError && <Typography.Text type="danger">{c.lastError}</Typography.Text>}
                  </Space>
                ),
              },
              { title: t('groupCodes.col.groups'), render: (_, c) => <GroupCodeGroups code={c} /> },
              { title: t('groupCodes.col.cap'), align: 'right', render: (_, c) => c.memberCap },
              {
                title: t('groupCodes.col.autoCreate'),
                render: (_, c) => (c.autoCreate ? (c.roomBaseName ?? t('groupCodes.autoOn')) : t('groupCodes.autoOff')),
              },
              { title: t('groupCodes.col.joins'), align: 'right', render: (_, c) => c.joins },
              {
                title: t('common.actions'),
                width: 240,
                render: (_, c) => (
                  <Space size={4} wrap>
                    <Button
                      size="small"
                      icon={<BarChartOutlined />}
                      onClick={() => navigate(`/group-codes/${c.id}/stats`)}
                    >
                      {t('groupCodes.stats')}
                    </Button>
                    {canWrite && (
                      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)}>
                        {t('common.edit')}
                      </Button>
                    )}
                    {canWrite && (
                      <ConfirmDelete
                        title={t('groupCodes.deleteConfirm', { name: c.name })}
                        description={t('groupCodes.deleteHint')}
                        onDelete={() => remove.mutateAsync(c.id)}
                      />
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <LoadMore
            hasMore={Boolean(list.hasNextPage)}
            loading={list.isFetchingNextPage}
            shown={rows.length}
            onLoad={() => void list.fetchNextPage()}
          />
        </Space>
      )}
      <GroupCodeForm
        open={editing !== null}
        code={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}

import { TagsOutlined } from '@ant-design/icons';
import type { Group } from '@siyu/contracts';
import { Button, Empty, Input, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useStaffOptions } from '../../api/queries';
import { useAuth, useSession } from '../../app/auth';
import { LoadMore } from '../../app/load-more';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { formatTime } from '../../app/time';
import { type GroupFilters, useGroups, useGroupTags, useWecomConfigured } from './groups-api';
import { GroupTagsDrawer } from './group-tags-drawer';
import { SyncPanel } from './sync-panel';

/** 客户群: the corp's customer groups (owner, members, tags, created, status), filters and the sync. */
export function GroupsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canWrite = can('channels.write');
  const tz = useSession().settings.timeZone;
  const navigate = useNavigate();
  const [filters, setFilters] = useState<GroupFilters>({});
  const [tagsOpen, setTagsOpen] = useState(false);
  const list = useGroups(filters);
  const tags = useGroupTags();
  const staff = useStaffOptions(can('staff.read'));
  const wecom = useWecomConfigured();
  const tagOf = new Map((tags.data?.items ?? []).map((x) => [x.id, x]));
  const set = (f: Partial<GroupFilters>) => setFilters((old) => ({ ...old, ...f }));
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div>
      <PageHeader
        title={t('groups.title')}
        extra={
          <Button icon={<TagsOutlined />} onClick={() => setTagsOpen(true)}>
            {t('groups.tags.title')}
          </Button>
        }
      />
      {wecom.data === false && rows.length === 0 && !filtered ? (
        <Result
          status="info"
          title={t('groups.connectFirst')}
          subTitle={t('groups.connectFirstHint')}
          extra={
            can('settings.read') && (
              <Button type="primary" onClick={() => navigate('/wecom-settings')}>
                {t('groups.goWecomSettings')}
              </Button>
            )
          }
        />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <SyncPanel canWrite={canWrite} />
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('groups.search')}
              aria-label={t('groups.search')}
              style={{ width: 240 }}
              onSearch={(v) => set({ q: v.trim() || undefined })}
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('groups.filter.owner')}
              aria-label={t('groups.filter.owner')}
              style={{ width: 180 }}
              onChange={(v?: string) => set({ ownerStaffId: v })}
              options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
            <Select
              allowClear
              placeholder={t('groups.filter.tag')}
              aria-label={t('groups.filter.tag')}
              style={{ width: 160 }}
              onChange={(v?: string) => set({ tagId: v })}
              options={(tags.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            />
            <Select
              allowClear
              placeholder={t('groups.filter.status')}
              aria-label={t('groups.filter.status')}
              style={{ width: 140 }}
              onChange={(v?: 'active' | 'dismissed') => set({ status: v })}
              options={(['active', 'dismissed'] as const).map((s) => ({ value: s, label: t(`groups.status.${s}`) }))}
            />
          </Space>
          <Table<Group>
            rowKey="id"
            loading={list.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty description={filtered ? t('groups.noMatch') : t('groups.empty')} /> }}
            columns={[
              {
                title: t('groups.col.name'),
                render: (_, g) => (
                  <Space direction="vertical" size={0}>
                    <Link to={`/groups/${g.id}`}>{g.name || t('groups.unnamed')}</Link>
                    {g.notice && (
                      <Typography.Text type="secondary" ellipsis style={{ maxWidth: 280, fontSize: 12 }}>
                        {g.notice}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              { title: t('groups.col.owner'), render: (_, g) => g.ownerName ?? g.ownerUserid },
              {
                title: t('groups.col.members'),
                align: 'right',
                render: (_, g) => t('groups.membersOf', { count: g.memberCount, external: g.externalCount }),
              },
              {
                title: t('groups.col.tags'),
                render: (_, g) => (
                  <Space size={[4, 4]} wrap>
                    {g.tagIds.map((id) => (
                      <Tag key={id} color={tagOf.get(id)?.color ?? undefined}>
                        {tagOf.get(id)?.name ?? id}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('groups.col.created'),
                render: (_, g) => formatTime(g.wecomCreatedAt, tz, 'YYYY-MM-DD HH:mm'),
              },
              {
                title: t('groups.col.status'),
                render: (_, g) => (
                  <Tag color={g.status === 'active' ? 'green' : undefined}>{t(`groups.status.${g.status}`)}</Tag>
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
      <GroupTagsDrawer open={tagsOpen} onClose={() => setTagsOpen(false)} canWrite={canWrite} />
    </div>
  );
}

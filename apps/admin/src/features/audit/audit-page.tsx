import { adminRoutes, type AuditEntry } from '@siyu/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Empty, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { qk } from '../../api/query-keys';
import { useSession } from '../../app/auth';
import { LoadMore } from '../../app/load-more';
import { PageHeader } from '../../app/page-header';
import { formatTime } from '../../app/time';
import { AuditFilters, type AuditFilterValues } from './audit-filters';

export function AuditPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const list = useInfiniteQuery({
    queryKey: [...qk.audit, filters],
    queryFn: ({ pageParam }) => call(adminRoutes.listAudit, { query: { ...filters, cursor: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const tz = session.settings.timeZone;

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'at', width: 170, render: (v: string) => formatTime(v, tz) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entityType',
      render: (type: string, e) => (
        <span>
          {t(`audit.entityTypes.${type}`, { defaultValue: type })}
          {e.entityId && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {e.entityId}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('audit.summary'), dataIndex: 'summary', width: '32%' },
    { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '' },
  ];

  return (
    <div>
      <PageHeader title={t('audit.title')} />
      <AuditFilters value={filters} onChange={setFilters} seenTypes={rows.map((r) => r.entityType)} />
      <Table<AuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 960 }}
        expandable={{
          rowExpandable: (e) => !!e.changes && Object.keys(e.changes).length > 0,
          expandedRowRender: (e) => (
            <div>
              <Typography.Text type="secondary">{t('audit.changes')}</Typography.Text>
              <pre className="siyu-json">{JSON.stringify(e.changes, null, 2)}</pre>
            </div>
          ),
        }}
        locale={{
          emptyText: (
            <Empty description={t('audit.emptyTitle')}>
              <p style={{ color: '#8c8c8c' }}>{t('audit.emptyHint')}</p>
            </Empty>
          ),
        }}
      />
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        shown={rows.length}
        onLoad={() => void list.fetchNextPage()}
      />
    </div>
  );
}

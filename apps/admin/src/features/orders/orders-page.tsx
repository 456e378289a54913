import type { adminOrderRoutes, Output } from '@siyu/contracts';
import { Button, Empty, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth, useSession } from '../../app/auth';
import { LoadMore } from '../../app/load-more';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { formatTime } from '../../app/time';
import { compact } from '../catalog/catalog-api';
import { formatFen } from '../catalog/money';
import { ORDER_STATUSES, STATUS_COLOR } from './format';
import { OrderFilters } from './order-filters';
import { type OrderFilters as Filters, orderFiltersFromSearch, useOrderList } from './orders-api';

type Row = Output<typeof adminOrderRoutes.list>['items'][number];

function columns(t: TFunction, tz: string, customerLinks: boolean): TableColumnsType<Row> {
  return [
    {
      title: t('orders.list.orderNo'),
      dataIndex: 'id',
      render: (id: string) => (
        <Link to={`/orders/${id}`} onClick={(e) => e.stopPropagation()}>
          <Typography.Text copyable={{ text: id }} style={{ fontFamily: 'monospace' }}>
            {id}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('orders.list.customer'),
      dataIndex: 'customerId',
      render: (id: string) =>
        customerLinks ? (
          <Link to={`/customers/${id}`} onClick={(e) => e.stopPropagation()}>
            {id}
          </Link>
        ) : (
          id
        ),
    },
    {
      title: t('orders.list.items'),
      key: 'items',
      render: (_, r) =>
        r.itemCount > 1 ? t('orders.list.itemsSummary', { title: r.firstTitle, count: r.itemCount }) : r.firstTitle,
    },
    { title: t('orders.list.amount'), dataIndex: 'total', align: 'right', render: (v: number) => formatFen(v) },
    {
      title: t('orders.list.payment'),
      dataIndex: 'paymentMethod',
      render: (m: Row['paymentMethod']) =>
        m ? t(`orders.payment.${m}`) : <Typography.Text type="secondary">{t('orders.list.notPaid')}</Typography.Text>,
    },
    {
      title: t('orders.list.status'),
      dataIndex: 'status',
      render: (s: Row['status'], r) => (
        <>
          <Tag color={STATUS_COLOR[s]}>{t(`orders.status.${s}`)}</Tag>
          {s === 'paid' && r.fulfilment === 'partial' && <Tag color="gold">{t('orders.fulfilment.partial')}</Tag>}
        </>
      ),
    },
    {
      title: t('orders.list.placedAt'),
      dataIndex: 'placedAt',
      render: (v: string) => formatTime(v, tz, 'YYYY-MM-DD HH:mm'),
    },
  ];
}

export function OrdersPage() {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  const { can } = useAuth();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const filters = useMemo(() => orderFiltersFromSearch(sp), [sp]);
  const setFilters = (f: Filters) => setSp(compact(f), { replace: true });
  const list = useOrderList(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canCustomers = can('customers.read');
  const cols = useMemo(() => columns(t, tz, canCustomers), [t, tz, canCustomers]);
  const filtered = Object.values(filters).some(Boolean);

  const empty = filtered ? (
    <Empty description={t('orders.list.emptyFiltered')}>
      <Button onClick={() => setFilters({})}>{t('orders.list.filter.clear')}</Button>
    </Empty>
  ) : (
    <Empty description={t('orders.list.emptyTitle')}>
      <p style={{ color: '#8c8c8c', maxWidth: 480, margin: '0 auto 16px' }}>{t('orders.list.emptyHint')}</p>
      <div style={{ display: 'flex', gap: 8, justifyContent: 'center' }}>
        {can('catalog.view') && (
          <Button onClick={() => navigate('/catalog/products')}>{t('orders.list.goProducts')}</Button>
        )}
        <Button onClick={() => navigate('/order-settings')}>{t('orders.list.goSettings')}</Button>
      </div>
    </Empty>
  );

  return (
    <div>
      <PageHeader title={t('orders.list.title')} />
      <Tabs
        activeKey={filters.status ?? 'all'}
        onChange={(k) => setFilters({ ...filters, status: k === 'all' ? undefined : k })}
        items={[
          { key: 'all', label: t('orders.list.all') },
          ...ORDER_STATUSES.map((s) => ({ key: s, label: t(`orders.status.${s}`) })),
        ]}
      />
      <OrderFilters value={filters} onChange={setFilters} />
      <Typography.Text type="secondary" data-testid="order-count" style={{ display: 'block', marginBottom: 8 }}>
        {rows.length > 0 ? t('orders.list.shown', { count: rows.length }) : '\u00a0'}
      </Typography.Text>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          columns={cols}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(r) => ({ onClick: () => navigate(`/orders/${r.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: empty }}
        />
      )}
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        shown={rows.length}
        onLoad={() => void list.fetchNextPage()}
      />
    </div>
  );
}

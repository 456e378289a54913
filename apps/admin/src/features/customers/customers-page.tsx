import { PlusOutlined } from '@ant-design/icons';
import type { CustomerSummary } from '@siyu/contracts';
import { Button, Empty, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth, useSession } from '../../app/auth';
import { LoadMore } from '../../app/load-more';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { CustomFieldsDrawer } from './custom-fields-drawer';
import { CustomerBulkBar } from './customer-bulk-bar';
import { customerColumns } from './customer-columns';
import { CustomerFilters } from './customer-filters';
import { CustomerFormDrawer } from './customer-form-drawer';
import { type Filters, filtersFromSearch, filtersToSearch, useCustomerCount, useCustomerList } from './customers-api';
import { HandoverModal } from './handover-modal';

export function CustomersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(sp), [sp]);
  const setFilters = (f: Filters) => {
    setSelected([]);
    setSp(filtersToSearch(f), { replace: true });
  };
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [fieldsOpen, setFieldsOpen] = useState(false);
  const [handover, setHandover] = useState(false);
  const list = useCustomerList(filters);
  const count = useCustomerCount(filters);
  const columns = useMemo(() => customerColumns(t, session.settings.timeZone), [t, session.settings.timeZone]);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canWrite = can('customers.write');
  const filtered = Object.values(filters).some(Boolean);

  const empty = filtered ? (
    <Empty description={t('customers.emptyFiltered')}>
      <Button onClick={() => setFilters({})}>{t('customers.filter.clear')}</Button>
    </Empty>
  ) : (
    <Empty description={t('customers.emptyTitle')}>
      <p style={{ color: '#8c8c8c' }}>{t('customers.emptyHint')}</p>
      <div style={{ display: 'flex', gap: 8, justifyContent: 'center' }}>
        {canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('customers.add')}
          </Button>
        )}
        {can('customers.import') && <Button onClick={() => navigate('/imports')}>{t('customers.goImport')}</Button>}
      </div>
    </Empty>
  );

  return (
    <div>
      <PageHeader
        title={t('customers.title')}
        extra={
          <>
            {can('customers.transfer') && (
              <Button onClick={() => setHandover(true)}>{t('customers.handover.open')}</Button>
            )}
            {canWrite && <Button onClick={() => setFieldsOpen(true)}>{t('customers.fields.title')}</Button>}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('customers.add')}
              </Button>
            )}
          </>
        }
      />
      <CustomerFilters value={filters} onChange={setFilters} />
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, minHeight: 32, marginBottom: 8, flexWrap: 'wrap' }}>
        <Typography.Text data-testid="customer-count">
          {count.data ? t('customers.matches', { count: count.data.count }) : '\u00a0'}
        </Typography.Text>
        <CustomerBulkBar
          selectedIds={selected}
          filters={filters}
          matchCount={count.data?.count}
          onClear={() => setSelected([])}
        />
      </div>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<CustomerSummary>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            preserveSelectedRowKeys: true,
          }}
          locale={{ emptyText: empty }}
        />
      )}
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        shown={rows.length}
        onLoad={() => void list.fetchNextPage()}
      />
      <CustomerFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => navigate(`/customers/${c.id}`)}
      />
      <CustomFieldsDrawer open={fieldsOpen} onClose={() => setFieldsOpen(false)} />
      <HandoverModal open={handover} onClose={() => setHandover(false)} />
    </div>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { catalogProductRoutes, type ProductSummary } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Space, Table, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { call } from '../../api/client';
import { useAuth, useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { LoadMore } from '../../app/load-more';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import {
  compact,
  type ProductFilters as Filters,
  productFiltersFromSearch,
  useCategories,
  useInvalidateCatalog,
  useProductList,
} from './catalog-api';
import { ProductBulkBar } from './product-bulk-bar';
import { productColumns } from './product-columns';
import { ProductFilters } from './product-filters';

export function ProductsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const invalidate = useInvalidateCatalog();
  const [sp, setSp] = useSearchParams();
  const filters = useMemo(() => productFiltersFromSearch(sp), [sp]);
  const [selected, setSelected] = useState<string[]>([]);
  const setFilters = (f: Filters) => {
    setSelected([]);
    setSp(compact(f), { replace: true });
  };
  const list = useProductList(filters);
  const categories = useCategories();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const titles = useMemo(() => new Map(rows.map((r) => [r.id, r.title])), [rows]);
  const canManage = can('catalog.manage');
  const filtered = Object.values(filters).some(Boolean);
  const noCategories = categories.data?.items.length === 0;

  const remove = useMutation({
    mutationFn: (p: ProductSummary) => call(catalogProductRoutes.deleteProduct, { params: { id: p.id } }),
    onSuccess: async () => {
      await invalidate();
      void message.success(t('catalog.products.deleted'));
    },
    onError: (e) => showError(e),
  });

  const columns = useMemo(() => {
    const cols = productColumns(t, session.settings.timeZone);
    if (!canManage) return cols;
    cols.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => navigate(`/catalog/products/${p.id}`)}>
            {t('common.edit')}
          </Button>
          {p.status === 'on_sale' ? (
            <Tooltip title={t('catalog.editor.deleteOnSale')}>
              <Button type="link" size="small" danger disabled>
                {t('common.delete')}
              </Button>
            </Tooltip>
          ) : (
            <Popconfirm
              title={t('catalog.products.deleteConfirm', { name: p.title })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutateAsync(p).catch(() => undefined)}
            >
              <Button type="link" size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
    return cols;
  }, [t, session.settings.timeZone, canManage, navigate, remove]);

  const empty = filtered ? (
    <Empty description={t('catalog.products.emptyFiltered')}>
      <Button onClick={() => setFilters({})}>{t('catalog.products.filter.clear')}</Button>
    </Empty>
  ) : (
    <Empty description={t('catalog.products.emptyTitle')}>
      <p style={{ color: '#8c8c8c', maxWidth: 480, margin: '0 auto 16px' }}>
        {noCategories ? t('catalog.products.emptyNoCategory') : t('catalog.products.emptyHint')}
      </p>
      {canManage && (
        <div style={{ display: 'flex', gap: 8, justifyContent: 'center' }}>
          {noCategories ? (
            <Button type="primary" onClick={() => navigate('/catalog/categories')}>
              {t('catalog.products.goCategories')}
            </Button>
          ) : (
            <Button type="primary" onClick={() => navigate('/catalog/products/new')}>
              {t('catalog.products.add')}
            </Button>
          )}
        </div>
      )}
    </Empty>
  );

  return (
    <div>
      <PageHeader
        title={t('catalog.products.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/catalog/products/new')}>
              {t('catalog.products.add')}
            </Button>
          )
        }
      />
      <ProductFilters value={filters} onChange={setFilters} />
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, minHeight: 32, marginBottom: 8, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" data-testid="product-count">
          {rows.length > 0 ? t('catalog.products.shown', { count: rows.length }) : '\u00a0'}
        </Typography.Text>
        <ProductBulkBar selectedIds={selected} titles={titles} onClear={() => setSelected([])} />
      </div>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ProductSummary>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowSelection={
            canManage
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as string[]),
                  preserveSelectedRowKeys: true,
                }
              : undefined
          }
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

import { ArrowDownOutlined, ArrowUpOutlined, FolderOutlined, PlusOutlined } from '@ant-design/icons';
import { CATALOG_LIMITS, type Category, catalogCategoryRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Space, Table, type TableColumnsType, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { buildCategoryTree, type CategoryNode, useCategories, useInvalidateCatalog } from './catalog-api';
import { type CategoryEditing, CategoryModal } from './category-modal';

export function CategoriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const showError = useShowError();
  const invalidate = useInvalidateCatalog();
  const categories = useCategories();
  const [editing, setEditing] = useState<CategoryEditing | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const canManage = can('catalog.manage');
  const items = categories.data?.items ?? [];
  const tree = useMemo(() => buildCategoryTree(categories.data?.items ?? []), [categories.data]);
  const expanded = items.filter((c) => !collapsed.has(c.id)).map((c) => c.id);

  const remove = useMutation({
    mutationFn: (c: Category) => call(catalogCategoryRoutes.deleteCategory, { params: { id: c.id } }),
    onSuccess: async () => {
      await invalidate();
      void message.success(t('common.deleted'));
    },
    onError: (e) => showError(e),
  });

  /** Moves a category one place among its siblings by numbering the siblings 10, 20, 30 … in the new order. */
  const reorder = useMutation({
    mutationFn: async ({ c, by }: { c: Category; by: -1 | 1 }) => {
      const siblings = items.filter((x) => x.parentId === c.parentId);
      const i = siblings.findIndex((x) => x.id === c.id);
      const j = i + by;
      const a = siblings[i];
      const b = siblings[j];
      if (!a || !b) return;
      siblings[i] = b;
      siblings[j] = a;
      for (const [k, s] of siblings.entries()) {
        const sort = (k + 1) * 10;
        if (s.sort !== sort) await call(catalogCategoryRoutes.updateCategory, { params: { id: s.id }, body: { sort } });
      }
    },
    onSettled: () => invalidate(),
    onError: (e) => showError(e),
  });

  const siblingsOf = (c: Category) => items.filter((x) => x.parentId === c.parentId);
  const columns: TableColumnsType<CategoryNode> = [
    {
      title: t('catalog.categories.name'),
      dataIndex: 'name',
      render: (_, c) => (
        <Space>
          {c.icon ? (
            <img src={c.icon.thumbUrl} alt="" width={20} height={20} style={{ objectFit: 'cover', borderRadius: 4 }} />
          ) : (
            <FolderOutlined style={{ color: '#faad14' }} />
          )}
          {c.name}
        </Space>
      ),
    },
    {
      title: t('catalog.categories.productCount'),
      dataIndex: 'productCount',
      align: 'right',
      render: (n: number, c) => <Link to={`/catalog/products?categoryId=${c.id}`}>{n}</Link>,
    },
    { title: t('catalog.categories.sort'), dataIndex: 'sort', align: 'right' },
  ];
  if (canManage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => {
        const sibs = siblingsOf(c);
        const index = sibs.findIndex((s) => s.id === c.id);
        return (
          <Space size={0}>
            <Tooltip title={t('catalog.categories.moveUp')}>
              <Button
                type="text"
                size="small"
                icon={<ArrowUpOutlined />}
                aria-label={`${t('catalog.categories.moveUp')} ${c.name}`}
                disabled={index <= 0 || reorder.isPending}
                onClick={() => reorder.mutate({ c, by: -1 })}
              />
            </Tooltip>
            <Tooltip title={t('catalog.categories.moveDown')}>
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined />}
                aria-label={`${t('catalog.categories.moveDown')} ${c.name}`}
                disabled={index < 0 || index >= sibs.length - 1 || reorder.isPending}
                onClick={() => reorder.mutate({ c, by: 1 })}
              />
            </Tooltip>
            {c.depth < CATALOG_LIMITS.categoryDepth && (
              <Button type="link" size="small" onClick={() => setEditing({ parentId: c.id })}>
                {t('catalog.categories.addChild')}
              </Button>
            )}
            <Button type="link" size="small" onClick={() => setEditing({ category: c })}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('catalog.categories.deleteConfirm', { name: c.name })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutateAsync(c).catch(() => undefined)}
            >
              <Button type="link" size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    });

  return (
    <div>
      <PageHeader
        title={t('catalog.categories.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ parentId: null })}>
              {t('catalog.categories.add')}
            </Button>
          )
        }
      />
      {categories.isError ? (
        <LoadError error={categories.error} onRetry={() => void categories.refetch()} />
      ) : (
        <Table<CategoryNode>
          rowKey="id"
          columns={columns}
          dataSource={tree}
          loading={categories.isPending || reorder.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open, c) =>
              setCollapsed((prev) => {
                const next = new Set(prev);
                if (open) next.delete(c.id);
                else next.add(c.id);
                return next;
              }),
          }}
          locale={{
            emptyText: (
              <Empty description={t('catalog.categories.emptyTitle')}>
                <p style={{ color: '#8c8c8c', maxWidth: 480, margin: '0 auto 16px' }}>
                  {t('catalog.categories.emptyHint', { depth: CATALOG_LIMITS.categoryDepth })}
                </p>
                {canManage && (
                  <Button type="primary" onClick={() => setEditing({ parentId: null })}>
                    {t('catalog.categories.add')}
                  </Button>
                )}
              </Empty>
            ),
          }}
        />
      )}
      <CategoryModal editing={editing} items={items} onClose={() => setEditing(null)} />
    </div>
  );
}

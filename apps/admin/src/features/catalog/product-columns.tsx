import { PictureOutlined } from '@ant-design/icons';
import type { ProductSummary } from '@siyu/contracts';
import { Avatar, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { formatTime } from '../../app/time';
import { STATUS_COLOR } from './format';
import { formatFenRange } from './money';

export function ProductThumb({ url, size = 48 }: { url?: string | null; size?: number }) {
  return <Avatar shape="square" size={size} src={url ?? undefined} icon={<PictureOutlined />} alt="" />;
}

export function StatusTag({ status, t }: { status: ProductSummary['status']; t: TFunction }) {
  return <Tag color={STATUS_COLOR[status]}>{t(`catalog.status.${status}`)}</Tag>;
}

export function productColumns(t: TFunction, timeZone: string): TableColumnsType<ProductSummary> {
  return [
    {
      title: t('catalog.products.image'),
      key: 'image',
      width: 72,
      render: (_, p) => <ProductThumb url={p.cover?.thumbUrl} />,
    },
    {
      title: t('catalog.products.product'),
      key: 'title',
      render: (_, p) => (
        <div style={{ maxWidth: 320 }}>
          <Link to={`/catalog/products/${p.id}`}>
            <Typography.Text strong>{p.title}</Typography.Text>
          </Link>
          {p.subtitle && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{p.subtitle}</div>}
          {p.tags.length > 0 && (
            <div>
              {p.tags.slice(0, 4).map((tag) => (
                <Tag key={tag} style={{ marginTop: 2 }}>
                  {tag}
                </Tag>
              ))}
            </div>
          )}
        </div>
      ),
    },
    { title: t('catalog.products.category'), dataIndex: 'categoryName' },
    {
      title: t('catalog.products.price'),
      key: 'price',
      align: 'right',
      render: (_, p) => (
        <div>
          <div>{formatFenRange(p.priceMin, p.priceMax)}</div>
          <div style={{ color: '#8c8c8c', fontSize: 12 }}>{t('catalog.products.skuCount', { count: p.skuCount })}</div>
        </div>
      ),
    },
    {
      title: t('catalog.products.stock'),
      key: 'stock',
      align: 'right',
      render: (_, p) => (
        <Tooltip title={t('catalog.products.onHandReserved', p.stock)}>
          <span>{p.stock.available}</span>
          {p.lowStock && (
            <Tag color="red" style={{ marginLeft: 6, marginRight: 0 }}>
              {t('catalog.products.lowStock')}
            </Tag>
          )}
        </Tooltip>
      ),
    },
    { title: t('catalog.products.sales'), dataIndex: 'salesCount', align: 'right' },
    {
      title: t('catalog.products.status'),
      dataIndex: 'status',
      render: (s: ProductSummary['status']) => <StatusTag status={s} t={t} />,
    },
    {
      title: t('catalog.products.updated'),
      dataIndex: 'updatedAt',
      render: (v: string) => formatTime(v, timeZone, 'YYYY-MM-DD HH:mm'),
    },
  ];
}

import type { StockLevel, StockMovement } from '@siyu/contracts';
import { Button, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { formatTime } from '../../app/time';

const productCell = (r: { productId: string; productTitle: string; specText: string }, t: TFunction) => (
  <div>
    <Link to={`/catalog/products/${r.productId}`}>{r.productTitle}</Link>
    <div style={{ color: '#8c8c8c', fontSize: 12 }}>{r.specText || t('catalog.editor.default')}</div>
  </div>
);

export function levelColumns(
  t: TFunction,
  timeZone: string,
  onAdjust?: (l: StockLevel) => void,
): TableColumnsType<StockLevel> {
  const cols: TableColumnsType<StockLevel> = [
    { title: t('catalog.stock.product'), key: 'product', render: (_, l) => productCell(l, t) },
    { title: t('catalog.stock.location'), dataIndex: 'locationName' },
    { title: t('catalog.stock.onHand'), dataIndex: 'onHand', align: 'right' },
    { title: t('catalog.stock.reserved'), dataIndex: 'reserved', align: 'right' },
    {
      title: t('catalog.stock.available'),
      dataIndex: 'available',
      align: 'right',
      render: (n: number, l) => (
        <span>
          <Typography.Text type={l.low ? 'danger' : undefined} strong={l.low}>
            {n}
          </Typography.Text>
          {l.low && (
            <Tag color="red" style={{ marginLeft: 6, marginRight: 0 }}>
              {t('catalog.stock.low')}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t('catalog.stock.threshold'), dataIndex: 'threshold', align: 'right' },
    {
      title: t('catalog.stock.updated'),
      dataIndex: 'updatedAt',
      render: (v: string) => formatTime(v, timeZone, 'YYYY-MM-DD HH:mm'),
    },
  ];
  if (onAdjust)
    cols.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, l) => (
        <Button type="link" size="small" onClick={() => onAdjust(l)}>
          {t('catalog.stock.adjust')}
        </Button>
      ),
    });
  return cols;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function movementColumns(t: TFunction, timeZone: string): TableColumnsType<StockMovement> {
  return [
    { title: t('catalog.stock.at'), dataIndex: 'at', render: (v: string) => formatTime(v, timeZone) },
    { title: t('catalog.stock.product'), key: 'product', render: (_, m) => productCell(m, t) },
    { title: t('catalog.stock.location'), dataIndex: 'locationName' },
    {
      title: t('catalog.stock.reason'),
      dataIndex: 'reason',
      render: (r: StockMovement['reason']) => <Tag>{t(`catalog.stock.reasons.${r}`)}</Tag>,
    },
    {
      title: t('catalog.stock.change'),
      dataIndex: 'delta',
      align: 'right',
      render: (n: number) =>
        n === 0 ? '0' : <Typography.Text type={n > 0 ? 'success' : 'danger'}>{signed(n)}</Typography.Text>,
    },
    { title: t('catalog.stock.after'), dataIndex: 'onHandAfter', align: 'right' },
    {
      title: t('catalog.stock.reservedChange'),
      key: 'reserved',
      align: 'right',
      render: (_, m) => (m.reservedDelta === 0 ? '' : `${signed(m.reservedDelta)} → ${m.reservedAfter}`),
    },
    { title: t('catalog.stock.reference'), dataIndex: 'reference', render: (v: string | null) => v ?? '' },
    { title: t('catalog.stock.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
    {
      title: t('catalog.stock.actor'),
      dataIndex: 'actorName',
      render: (v: string | null) => v ?? t('catalog.stock.system'),
    },
  ];
}

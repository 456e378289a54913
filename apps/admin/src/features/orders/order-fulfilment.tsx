import type { AdminOrder } from '@siyu/contracts';
import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth';
import { formatTime } from '../../app/time';
import { formatFen } from '../catalog/money';

const TIME = 'YYYY-MM-DD HH:mm:ss';
type Refund = NonNullable<AdminOrder['payments'][number]['refund']>;
const REFUND_COLOR: Record<Refund['status'], string> = {
  pending: 'gold',
  processing: 'blue',
  succeeded: 'green',
  failed: 'red',
};

/** The parcels of the order: carrier, tracking number, who shipped when, and the units of each line. */
export function Shipments({ o }: { o: AdminOrder }) {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  if (!o.shipments.length) return null;
  return (
    <Card
      size="small"
      title={t('orders.detail.parcels', { count: o.shipments.length })}
      style={{ marginBottom: 16 }}
      data-testid="order-parcels"
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={o.shipments}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '#', render: (_, _p, i) => i + 1, width: 40 },
          {
            title: t('orders.detail.shipment'),
            render: (_, p) => t('orders.detail.carrierTracking', { carrier: p.carrier, trackingNo: p.trackingNo }),
          },
          {
            title: t('orders.detail.parcelLines'),
            render: (_, p) =>
              p.lines.map((l) => `${l.title}${l.specText ? ` ${l.specText}` : ''} ×${l.quantity}`).join('，'),
          },
          {
            title: t('orders.detail.shippedAt'),
            dataIndex: 'shippedAt',
            render: (v: string) => formatTime(v, tz, TIME),
          },
        ]}
      />
    </Card>
  );
}

/** What happened to an automatic refund (money that came for a closed or cancelled order). */
function RefundCell({ refund }: { refund: Refund }) {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  return (
    <div data-testid="payment-refund" data-status={refund.status}>
      <Tag color={REFUND_COLOR[refund.status]}>{t(`orders.refund.${refund.status}`)}</Tag>
      <Typography.Text type="secondary">{refund.refundNo}</Typography.Text>
      {refund.refundedAt && <div>{formatTime(refund.refundedAt, tz, TIME)}</div>}
      {refund.error && (
        <div>
          <Typography.Text type="danger">
            {t(refund.status === 'failed' ? 'orders.refund.failedHint' : 'orders.refund.retrying', {
              error: refund.error,
              tries: refund.tries,
            })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/** The payment attempts, with the problem and the automatic refund of a payment that came too late. */
export function Payments({ o }: { o: AdminOrder }) {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  return (
    <Card size="small" title={t('orders.detail.payments')} style={{ marginBottom: 16 }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={o.payments}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.detail.paymentNone')} />,
        }}
        columns={[
          { title: t('orders.detail.outTradeNo'), dataIndex: 'outTradeNo' },
          { title: t('orders.list.payment'), dataIndex: 'channel', render: (c: string) => t(`orders.payment.${c}`) },
          { title: t('orders.list.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => formatFen(v) },
          {
            title: t('orders.list.status'),
            dataIndex: 'status',
            render: (s: string, p) => (
              <>
                <Tag color={s === 'paid' ? 'green' : s === 'mismatch' ? 'red' : 'default'}>
                  {t(`orders.paymentStatus.${s}`)}
                </Tag>
                {p.problem && !p.refund && <Typography.Text type="warning">{p.problem}</Typography.Text>}
              </>
            ),
          },
          {
            title: t('orders.detail.refund'),
            render: (_, p) => (p.refund ? <RefundCell refund={p.refund} /> : '—'),
          },
          {
            title: t('orders.detail.transactionId'),
            dataIndex: 'transactionId',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('orders.detail.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => formatTime(v, tz, TIME),
          },
          {
            title: t('orders.detail.paidAt'),
            dataIndex: 'paidAt',
            render: (v: string | null) => formatTime(v, tz, TIME) || '—',
          },
        ]}
      />
    </Card>
  );
}

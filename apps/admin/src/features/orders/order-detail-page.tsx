import { ArrowLeftOutlined } from '@ant-design/icons';
import { type AdminOrder, adminOrderRoutes, customerRoutes, ORDER_LIMITS } from '@siyu/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Result,
  Row,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { call, isApiError } from '../../api/client';
import { useOrgUnits } from '../../api/queries';
import { useAuth, useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { formatTime } from '../../app/time';
import { formatFen } from '../catalog/money';
import { customerKeys } from '../customers/customers-api';
import { customerName } from '../customers/format';
import { STATUS_COLOR } from './format';
import { OrderActions } from './order-actions';
import { Payments, Shipments } from './order-fulfilment';
import { useOrder, useOrderWritten } from './orders-api';

const TIME = 'YYYY-MM-DD HH:mm:ss';

export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const order = useOrder(id);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/orders')}>
      {t('orders.detail.back')}
    </Button>
  );
  if (order.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (order.isError) {
    if (isApiError(order.error) && (order.error.status === 404 || order.error.status === 400))
      return <Result status="404" title={t('orders.detail.notFound')} extra={back} />;
    return <LoadError error={order.error} onRetry={() => void order.refetch()} />;
  }
  const o = order.data;
  return (
    <div>
      <PageHeader
        title={t('orders.detail.title', { id: o.id })}
        extra={
          <>
            {back}
            <OrderActions order={o} onStale={() => void order.refetch()} />
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Summary o={o} />
          <Lines o={o} />
          <Shipments o={o} />
          <Payments o={o} />
        </Col>
        <Col xs={24} xl={8}>
          <Price o={o} />
          <AddressCard o={o} />
          <History o={o} />
          <Remarks o={o} />
        </Col>
      </Row>
    </div>
  );
}

function Summary({ o }: { o: AdminOrder }) {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  const orgUnits = useOrgUnits(!!o.storeId);
  const store = orgUnits.data?.items.find((u) => u.id === o.storeId)?.name ?? o.storeId;
  const when = (v: string | null) => (v ? formatTime(v, tz, TIME) : '—');
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('orders.list.status')}>
          <Tag color={STATUS_COLOR[o.status]} data-testid="order-status">
            {t(`orders.status.${o.status}`)}
          </Tag>
          {o.status === 'paid' && o.fulfilment === 'partial' && (
            <Tag color="gold" data-testid="order-partial">
              {t('orders.fulfilment.partial')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.customer')}>
          <CustomerLink id={o.customerId} />
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.placedAt')}>{when(o.placedAt)}</Descriptions.Item>
        {o.status === 'pending_payment' && (
          <Descriptions.Item label={t('orders.detail.deadline')}>{when(o.paymentDeadline)}</Descriptions.Item>
        )}
        {o.paidAt && <Descriptions.Item label={t('orders.detail.paidAt')}>{when(o.paidAt)}</Descriptions.Item>}
        {o.cancelledAt && (
          <Descriptions.Item label={t('orders.detail.cancelledAt')}>{when(o.cancelledAt)}</Descriptions.Item>
        )}
        {o.closedAt && <Descriptions.Item label={t('orders.detail.closedAt')}>{when(o.closedAt)}</Descriptions.Item>}
        <Descriptions.Item label={t('orders.list.payment')}>
          {o.paymentMethod ? t(`orders.payment.${o.paymentMethod}`) : t('orders.list.notPaid')}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.delivery')}>
          {t(`orders.delivery.${o.delivery}`)}
          {o.delivery === 'pickup' && store ? ` · ${store}` : ''}
        </Descriptions.Item>
        {o.carrier && (
          <Descriptions.Item label={t('orders.detail.shipment')}>
            <Typography.Text copyable={{ text: o.trackingNo ?? '' }}>
              {t('orders.detail.carrierTracking', { carrier: o.carrier, trackingNo: o.trackingNo })}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {o.shippedAt && <Descriptions.Item label={t('orders.detail.shippedAt')}>{when(o.shippedAt)}</Descriptions.Item>}
        {o.deliveredAt && (
          <Descriptions.Item label={t('orders.detail.deliveredAt')}>{when(o.deliveredAt)}</Descriptions.Item>
        )}
        {o.completedAt && (
          <Descriptions.Item label={t('orders.detail.completedAt')}>{when(o.completedAt)}</Descriptions.Item>
        )}
        {o.buyerRemark && (
          <Descriptions.Item label={t('orders.detail.buyerRemark')} span={2}>
            {o.buyerRemark}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** The customer's name and phone (masked without customers.pii) when the session may read customers; else the id. */
function CustomerLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const allowed = can('customers.read');
  const c = useQuery({
    queryKey: customerKeys.one(id),
    queryFn: () => call(customerRoutes.get, { params: { id } }),
    enabled: allowed,
  });
  if (!allowed) return <Typography.Text copyable>{id}</Typography.Text>;
  const label = c.data ? `${customerName(c.data, t)}${c.data.phone ? ` · ${c.data.phone}` : ''}` : id;
  return <Link to={`/customers/${id}`}>{label}</Link>;
}

function Lines({ o }: { o: AdminOrder }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('orders.detail.lines')} style={{ marginBottom: 16 }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={o.lines}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('orders.detail.product'),
            dataIndex: 'title',
            render: (title: string, l) => <Link to={`/catalog/products/${l.productId}`}>{title}</Link>,
          },
          { title: t('orders.detail.spec'), dataIndex: 'specText' },
          {
            title: t('orders.detail.unitPrice'),
            dataIndex: 'unitPrice',
            align: 'right',
            render: (v: number) => formatFen(v),
          },
          { title: t('orders.detail.quantity'), dataIndex: 'quantity', align: 'right' },
          ...(o.fulfilment === 'partial'
            ? [{ title: t('orders.detail.shipped'), dataIndex: 'shippedQuantity', align: 'right' as const }]
            : []),
          {
            title: t('orders.detail.lineTotal'),
            dataIndex: 'lineTotal',
            align: 'right',
            render: (v: number) => formatFen(v),
          },
        ]}
      />
    </Card>
  );
}

function Price({ o }: { o: AdminOrder }) {
  const { t } = useTranslation();
  const row = (label: string, fen: number, strong = false) => (
    <div key={label} style={{ display: 'flex', justifyContent: 'space-between', padding: '2px 0' }}>
      <Typography.Text type={strong ? undefined : 'secondary'} strong={strong}>
        {label}
      </Typography.Text>
      <Typography.Text strong={strong}>{formatFen(fen)}</Typography.Text>
    </div>
  );
  return (
    <Card size="small" title={t('orders.detail.price')} style={{ marginBottom: 16 }} data-testid="order-price">
      {row(t('orders.detail.itemsTotal'), o.itemsTotal)}
      {o.discounts.map((d) => row(d.label || t('orders.detail.discounts'), d.amount))}
      {row(t('orders.detail.shippingFee'), o.shippingFee)}
      {o.priceAdjustment !== 0 && row(t('orders.detail.adjustment'), o.priceAdjustment)}
      {row(t('orders.detail.total'), o.total, true)}
    </Card>
  );
}

function AddressCard({ o }: { o: AdminOrder }) {
  const { t } = useTranslation();
  const a = o.address;
  return (
    <Card size="small" title={t('orders.detail.address')} style={{ marginBottom: 16 }}>
      {a ? (
        <>
          <div>{t('orders.detail.recipient', { name: a.name, phone: a.phone })}</div>
          <div>{`${a.province} ${a.city} ${a.district} ${a.detail}`}</div>
        </>
      ) : (
        <Typography.Text type="secondary">{t('orders.detail.noAddress')}</Typography.Text>
      )}
    </Card>
  );
}

function History({ o }: { o: AdminOrder }) {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  return (
    <Card size="small" title={t('orders.detail.history')} style={{ marginBottom: 16 }} data-testid="order-history">
      <Timeline
        items={[...o.transitions].reverse().map((tr, i) => ({
          key: `${tr.at}-${i}`,
          color: STATUS_COLOR[tr.to] === 'default' ? 'gray' : STATUS_COLOR[tr.to],
          content: (
            <div>
              <Typography.Text strong>{t(`orders.status.${tr.to}`)}</Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {t('orders.detail.historyBy', { actor: tr.actor, time: formatTime(tr.at, tz, TIME) })}
                </Typography.Text>
              </div>
              {tr.note && <div>{tr.note}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

function Remarks({ o }: { o: AdminOrder }) {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const written = useOrderWritten();
  const [form] = Form.useForm<{ text: string }>();
  const add = useMutation({
    mutationFn: (body: { text: string }) => call(adminOrderRoutes.addRemark, { params: { id: o.id }, body }),
    onSuccess: async (res) => {
      await written(res);
      form.resetFields();
      void message.success(t('orders.detail.remarkAdded'));
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Card size="small" title={t('orders.detail.remarks')} data-testid="order-remarks">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('orders.detail.remarksHint')}
      </Typography.Paragraph>
      {o.remarks.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('orders.detail.remarkNone')}</Typography.Paragraph>
      ) : (
        o.remarks.map((r, i) => (
          <div key={`${r.at}-${i}`} style={{ marginBottom: 8 }}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('orders.detail.historyBy', { actor: r.by, time: formatTime(r.at, tz, 'YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          </div>
        ))
      )}
      {can('orders.manage') && (
        <Form form={form} name="order_remark" onFinish={(v) => add.mutate(v)} style={{ marginTop: 8 }}>
          <Form.Item name="text" rules={[{ required: true, whitespace: true, max: ORDER_LIMITS.remarkChars }]}>
            <Input.TextArea
              rows={2}
              maxLength={ORDER_LIMITS.remarkChars}
              showCount
              placeholder={t('orders.detail.remarkPlaceholder')}
              aria-label={t('orders.detail.remarks')}
            />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('orders.detail.remarkAdd')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

import { type AdminOrder, adminOrderRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, type FormInstance, Input, InputNumber, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';

export type ShipModalProps = {
  order: AdminOrder;
  onClose: () => void;
  onDone: (o: AdminOrder, text: string) => Promise<void>;
  onError: (e: unknown, form?: FormInstance) => void;
};

type ShipValues = { carrier: string; trackingNo: string; quantities: Record<string, number | null> };

/**
 * Ship a parcel: carrier, tracking number and the units of each line in it (all that is left by
 * default; 0 leaves a line for a later parcel). The order becomes 已发货 with the parcel that ships the
 * last units; before that it stays 待发货 and shows 部分发货.
 */
export function ShipModal({ order: o, onClose, onDone, onError }: ShipModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ShipValues>();
  const open = o.lines.filter((l) => l.quantity > l.shippedQuantity);
  const save = useMutation({
    mutationFn: (v: ShipValues) => {
      const lines = open
        .map((l) => ({ lineId: l.id, quantity: v.quantities[l.id] ?? 0 }))
        .filter((l) => l.quantity > 0);
      return call(adminOrderRoutes.ship, {
        params: { id: o.id },
        body: { carrier: v.carrier, trackingNo: v.trackingNo, lines },
      });
    },
    onSuccess: (res) =>
      onDone(res, res.status === 'shipped' ? t('orders.actions.shipDone') : t('orders.actions.parcelDone')),
    onError: (e) => onError(e, form),
  });
  const initial = {
    quantities: Object.fromEntries(open.map((l) => [l.id, l.quantity - l.shippedQuantity])),
  };
  const units = Form.useWatch('quantities', form) ?? initial.quantities;
  const total = Object.values(units).reduce<number>((n, q) => n + (q ?? 0), 0);
  return (
    <Modal
      open
      title={t('orders.actions.shipTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('orders.actions.shipParcel', { count: total })}
      okButtonProps={{ disabled: total === 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<ShipValues>
        form={form}
        name="order_ship"
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
      >
        {o.fulfilment === 'partial' && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('orders.actions.partlyShipped')} />
        )}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={open}
          style={{ marginBottom: 16 }}
          columns={[
            {
              title: t('orders.detail.product'),
              render: (_, l) => (
                <>
                  {l.title} <Typography.Text type="secondary">{l.specText}</Typography.Text>
                </>
              ),
            },
            {
              title: t('orders.actions.leftToShip'),
              width: 90,
              render: (_, l) => `${l.quantity - l.shippedQuantity} / ${l.quantity}`,
            },
            {
              title: t('orders.actions.inParcel'),
              width: 120,
              render: (_, l) => (
                <Form.Item name={['quantities', l.id]} noStyle>
                  <InputNumber
                    min={0}
                    max={l.quantity - l.shippedQuantity}
                    precision={0}
                    aria-label={t('orders.actions.inParcelOf', { title: l.title })}
                    data-testid={`ship-qty-${l.skuId}`}
                  />
                </Form.Item>
              ),
            },
          ]}
        />
        <Form.Item
          name="carrier"
          label={t('orders.actions.carrier')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input maxLength={40} placeholder={t('orders.actions.carrierPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="trackingNo"
          label={t('orders.actions.trackingNo')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9-]{4,40}$/, message: t('orders.actions.trackingInvalid') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

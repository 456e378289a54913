import { type AdminOrder, adminOrderRoutes, ORDER_LIMITS } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, type FormInstance, Input, Modal, Popconfirm, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, isApiError } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { fenToYuanText, formatFen, parseYuan } from '../catalog/money';
import { useOrderWritten } from './orders-api';
import { ShipModal } from './ship-modal';

type Kind = 'address' | 'price' | 'cancel' | 'ship';

/** A 409 ORDER_STATE (or another conflict): say so plainly, with the order's current state, and reload it. */
function useActionError(onStale: () => void) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const showError = useShowError();
  return (err: unknown, form?: FormInstance) => {
    if (isApiError(err) && err.status === 409 && err.code === 'ORDER_STATE') {
      const status = (err.details as { status?: string } | undefined)?.status;
      modal.warning({
        title: t('errors.ORDER_STATE'),
        content: t('orders.detail.conflict', { status: status ? t(`orders.status.${status}`) : '?' }),
      });
      onStale();
      return;
    }
    showError(err, form);
  };
}

/** The actions the order's state and the session's permissions allow, each behind a form or a confirmation. */
export function OrderActions({ order: o, onStale }: { order: AdminOrder; onStale: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const written = useOrderWritten();
  const [open, setOpen] = useState<Kind | null>(null);
  // After a 409 the open form no longer applies: close it along with reloading the order.
  const onError = useActionError(() => {
    setOpen(null);
    onStale();
  });
  const unpaid = o.status === 'pending_payment';
  const manage = can('orders.manage');
  const ship = can('orders.ship');

  const deliver = useMutation({
    mutationFn: () => call(adminOrderRoutes.deliver, { params: { id: o.id } }),
    onSuccess: async (res) => {
      await written(res);
      void message.success(t('orders.actions.deliverDone'));
    },
    onError: (e) => onError(e),
  });

  const buttons = [
    unpaid && manage && o.delivery === 'express' && (
      <Button key="address" onClick={() => setOpen('address')}>
        {t('orders.actions.changeAddress')}
      </Button>
    ),
    unpaid && manage && (
      <Button key="price" onClick={() => setOpen('price')}>
        {t('orders.actions.adjustPrice')}
      </Button>
    ),
    unpaid && manage && (
      <Button key="cancel" danger onClick={() => setOpen('cancel')}>
        {t('orders.actions.cancel')}
      </Button>
    ),
    o.status === 'paid' && ship && (
      <Button key="ship" type="primary" onClick={() => setOpen('ship')}>
        {t('orders.actions.ship')}
      </Button>
    ),
    o.status === 'shipped' && ship && (
      <Popconfirm
        key="deliver"
        title={t('orders.actions.deliverConfirm', { id: o.id })}
        okText={t('orders.actions.deliver')}
        cancelText={t('common.cancel')}
        onConfirm={() => deliver.mutateAsync().catch(() => undefined)}
      >
        <Button type="primary" loading={deliver.isPending}>
          {t('orders.actions.deliver')}
        </Button>
      </Popconfirm>
    ),
  ].filter(Boolean);

  const close = () => setOpen(null);
  const done = async (res: AdminOrder, text: string) => {
    await written(res);
    void message.success(text);
    close();
  };
  return (
    <>
      <Space wrap>{buttons}</Space>
      {open === 'address' && <AddressModal order={o} onClose={close} onDone={done} onError={onError} />}
      {open === 'price' && <PriceModal order={o} onClose={close} onDone={done} onError={onError} />}
      {open === 'cancel' && <CancelModal order={o} onClose={close} onDone={done} onError={onError} />}
      {open === 'ship' && <ShipModal order={o} onClose={close} onDone={done} onError={onError} />}
    </>
  );
}

type ModalProps = {
  order: AdminOrder;
  onClose: () => void;
  onDone: (o: AdminOrder, text: string) => Promise<void>;
  onError: (e: unknown, form?: FormInstance) => void;
};

const reasonRule = { required: true, whitespace: true, max: ORDER_LIMITS.remarkChars };

function ReasonItem() {
  const { t } = useTranslation();
  return (
    <Form.Item name="reason" label={t('orders.actions.reason')} rules={[reasonRule]}>
      <Input.TextArea
        rows={2}
        maxLength={ORDER_LIMITS.remarkChars}
        showCount
        placeholder={t('orders.actions.reasonPlaceholder')}
      />
    </Form.Item>
  );
}

type AddressValues = { address: NonNullable<AdminOrder['address']>; reason: string };

function AddressModal({ order: o, onClose, onDone, onError }: ModalProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<AddressValues>();
  const save = useMutation({
    mutationFn: (body: AddressValues) => call(adminOrderRoutes.changeAddress, { params: { id: o.id }, body }),
    onSuccess: (res) => onDone(res, t('orders.actions.addressDone')),
    onError: (e) => onError(e, form),
  });
  const submit = (v: AddressValues) =>
    modal.confirm({
      title: t('orders.actions.addressConfirm', { id: o.id }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => save.mutateAsync(v).catch(() => undefined),
    });
  const text = (name: keyof AddressValues['address'], max: number) => (
    <Form.Item
      name={['address', name]}
      label={t(`orders.actions.${name}`)}
      rules={[{ required: true, whitespace: true, max }]}
    >
      <Input maxLength={max} />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={t('orders.actions.addressTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<AddressValues>
        form={form}
        name="order_address"
        layout="vertical"
        initialValues={{ address: o.address ?? undefined }}
        onFinish={submit}
      >
        {text('name', 30)}
        <Form.Item
          name={['address', 'phone']}
          label={t('orders.actions.phone')}
          rules={[{ required: true, pattern: /^1\d{10}$/, message: t('validation.mobile') }]}
        >
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Space.Compact block>
          {text('province', 20)}
          {text('city', 20)}
          {text('district', 20)}
        </Space.Compact>
        {text('detail', 120)}
        <ReasonItem />
      </Form>
    </Modal>
  );
}

type PriceValues = { mode: 'lower' | 'raise'; amount: string; reason: string };

function PriceModal({ order: o, onClose, onDone, onError }: ModalProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<PriceValues>();
  const base = o.total - o.priceAdjustment;
  const mode = Form.useWatch('mode', form);
  const amount = Form.useWatch('amount', form);
  const fen = parseYuan(amount);
  const adjustment = typeof fen === 'number' ? (mode === 'raise' ? fen : -fen) : null;
  const save = useMutation({
    mutationFn: (body: { adjustment: number; reason: string }) =>
      call(adminOrderRoutes.adjustPrice, { params: { id: o.id }, body }),
    onSuccess: (res) => onDone(res, t('orders.actions.priceDone')),
    onError: (e) => onError(e, form),
  });
  const submit = (v: PriceValues) => {
    const f = parseYuan(v.amount) ?? 0;
    const adj = v.mode === 'raise' ? f : -f;
    modal.confirm({
      title: t('orders.actions.priceConfirm', { id: o.id, total: formatFen(base + adj) }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => save.mutateAsync({ adjustment: adj, reason: v.reason }).catch(() => undefined),
    });
  };
  return (
    <Modal
      open
      title={t('orders.actions.priceTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('orders.actions.priceCurrent', {
          total: formatFen(o.total),
          items: formatFen(o.itemsTotal),
          discounts: formatFen(o.discountTotal),
          shipping: formatFen(o.shippingFee),
        })}
      </Typography.Paragraph>
      <Form<PriceValues>
        form={form}
        name="order_price"
        layout="vertical"
        initialValues={{
          mode: o.priceAdjustment > 0 ? 'raise' : 'lower',
          amount: o.priceAdjustment ? fenToYuanText(Math.abs(o.priceAdjustment)) : '',
        }}
        onFinish={submit}
      >
        <Form.Item name="mode" label={t('orders.actions.priceMode')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'lower', label: t('orders.actions.priceLower') },
              { value: 'raise', label: t('orders.actions.priceRaise') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('orders.actions.priceAmount')}
          extra={
            adjustment !== null && base + adjustment >= 1
              ? t('orders.actions.priceNew', { total: formatFen(base + adjustment) })
              : t('orders.actions.priceHint')
          }
          rules={[
            { required: true, message: t('orders.actions.priceInvalid') },
            {
              validator: async (_, v: string) => {
                const f = parseYuan(v);
                if (f === undefined || f === null) throw new Error(t('orders.actions.priceInvalid'));
                const adj = form.getFieldValue('mode') === 'raise' ? f : -f;
                if (base + adj < 1) throw new Error(t('orders.actions.priceTooLow'));
              },
            },
          ]}
          dependencies={['mode']}
        >
          <Input prefix="¥" inputMode="decimal" />
        </Form.Item>
        <ReasonItem />
      </Form>
    </Modal>
  );
}

function CancelModal({ order: o, onClose, onDone, onError }: ModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const save = useMutation({
    mutationFn: (body: { reason: string }) => call(adminOrderRoutes.cancel, { params: { id: o.id }, body }),
    onSuccess: (res) => onDone(res, t('orders.actions.cancelDone')),
    onError: (e) => onError(e, form),
  });
  return (
    <Modal
      open
      title={t('orders.actions.cancelTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('orders.actions.cancel')}
      okButtonProps={{ danger: true }}
      cancelText={t('orders.actions.keep')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('orders.actions.cancelConfirm', { id: o.id })}</Typography.Paragraph>
      <Form form={form} name="order_cancel" layout="vertical" onFinish={(v) => save.mutate(v)}>
        <ReasonItem />
      </Form>
    </Modal>
  );
}

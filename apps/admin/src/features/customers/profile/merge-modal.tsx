import { type Customer, customerRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useShowError } from '../../../app/errors';
import { CustomerPicker } from '../customer-picker';
import { useInvalidateCustomers } from '../customers-api';
import { customerName } from '../format';

type Values = { otherId?: string; reason?: string };
type Props = { customer: Customer; open: boolean; onClose: () => void; preset?: { id: string; label: string } };

/** Merges another customer into this one: identities, owners, tags and timeline move here (reversible). */
export function MergeModal({ customer, open, onClose, preset }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateCustomers();
  const [form] = Form.useForm<Values>();
  const merge = useMutation({
    mutationFn: (v: Values) =>
      call(customerRoutes.merge, {
        params: { id: customer.id },
        body: { otherId: v.otherId ?? '', reason: v.reason ?? '' },
      }),
    onSuccess: async () => {
      await invalidate();
      void message.success(t('customers.merge.done'));
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open={open}
      title={t('customers.merge.title', { name: customerName(customer, t) })}
      onCancel={onClose}
      destroyOnHidden
      okText={t('customers.merge.submit')}
      okButtonProps={{ htmlType: 'submit', loading: merge.isPending }}
      modalRender={(dom) => (
        <Form
          name="merge"
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={{ otherId: preset?.id }}
          onFinish={(v) => merge.mutate(v)}
        >
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">{t('customers.merge.help')}</Typography.Paragraph>
      <Form.Item
        name="otherId"
        label={t('customers.merge.other')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <CustomerPicker exclude={customer.id} preset={preset} autoFocus={!preset} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('customers.merge.reason')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={200} autoFocus={!!preset} placeholder={t('customers.merge.reasonHint')} />
      </Form.Item>
    </Modal>
  );
}

import { type Customer, customerRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useShowError } from '../../../app/errors';
import { useInvalidateCustomers } from '../customers-api';
import { customerName } from '../format';

type Values = { typed?: string; reason?: string };

/** PIPL erasure: the person's data goes, anonymous order facts stay. The name must be typed to confirm. */
export function EraseModal({ customer, open, onClose }: { customer: Customer; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateCustomers();
  const [form] = Form.useForm<Values>();
  const expected = customer.name || customer.nickname || customer.id;
  const typed = Form.useWatch('typed', form);
  const erase = useMutation({
    mutationFn: (v: Values) =>
      call(customerRoutes.erase, { params: { id: customer.id }, body: { reason: v.reason ?? '' } }),
    onSuccess: async () => {
      await invalidate();
      void message.success(t('customers.erase.done'));
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open={open}
      title={t('customers.erase.title', { name: customerName(customer, t) })}
      onCancel={onClose}
      destroyOnHidden
      okText={t('customers.erase.submit')}
      okButtonProps={{
        htmlType: 'submit',
        danger: true,
        loading: erase.isPending,
        disabled: typed?.trim() !== expected,
      }}
      modalRender={(dom) => (
        <Form name="erase" form={form} layout="vertical" clearOnDestroy onFinish={(v) => erase.mutate(v)}>
          {dom}
        </Form>
      )}
    >
      <Alert type="error" showIcon title={t('customers.erase.warning')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="reason"
        label={t('customers.erase.reason')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={200} autoFocus placeholder={t('customers.erase.reasonHint')} />
      </Form.Item>
      <Form.Item
        name="typed"
        label={t('customers.erase.typeToConfirm', { name: expected })}
        rules={[
          {
            validator: async (_, v?: string) => {
              if (v?.trim() !== expected) throw new Error(t('customers.erase.mismatch'));
            },
          },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
    </Modal>
  );
}

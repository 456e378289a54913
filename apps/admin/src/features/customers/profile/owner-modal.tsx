import { type Customer, customerRoutes, OwnerInput } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useShowError } from '../../../app/errors';
import { blankToNull, zodRule } from '../../../app/validation';
import { useSetCustomer } from '../customers-api';
import { StaffSelect } from '../staff-select';

type Owner = Customer['owners'][number];
type Values = { staffId?: string; remark?: string; description?: string; primary?: boolean };
type Props = { customer: Customer; editing: { owner?: Owner } | null; onClose: () => void };

/** Adds a following staff member, or changes one's remark and description (WeCom limits: 20 / 150). */
export function OwnerModal({ customer, editing, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const setCustomer = useSetCustomer();
  const [form] = Form.useForm<Values>();
  const owner = editing?.owner;
  const save = useMutation({
    mutationFn: (v: Values) =>
      call(customerRoutes.addOwner, {
        params: { id: customer.id },
        body: {
          staffId: owner?.staffId ?? v.staffId ?? '',
          primary: owner ? owner.isPrimary : !!v.primary,
          remark: blankToNull(v.remark),
          description: blankToNull(v.description),
        },
      }),
    onSuccess: async (res) => {
      await setCustomer(res);
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  const shape = OwnerInput.shape;
  const taken = new Set(customer.owners.map((o) => o.staffId));
  return (
    <Modal
      open={!!editing}
      title={owner ? t('customers.owners.editTitle', { name: owner.staffName }) : t('customers.owners.add')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending }}
      modalRender={(dom) => (
        <Form
          name="owner"
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={{ remark: owner?.remark ?? '', description: owner?.description ?? '', primary: false }}
          onFinish={(v) => save.mutate(v)}
        >
          {dom}
        </Form>
      )}
    >
      {!owner && (
        <Form.Item name="staffId" label={t('customers.owners.staff')} required rules={[zodRule(shape.staffId, t)]}>
          <StaffSelect autoFocus exclude={[...taken]} />
        </Form.Item>
      )}
      <Form.Item
        name="remark"
        label={t('customers.owners.remark')}
        extra={t('customers.owners.remarkHelp')}
        rules={[zodRule(shape.remark, t, { optional: true })]}
      >
        <Input maxLength={20} showCount autoFocus={!!owner} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('customers.owners.description')}
        rules={[zodRule(shape.description, t, { optional: true })]}
      >
        <Input.TextArea maxLength={150} showCount rows={3} />
      </Form.Item>
      {!owner && (
        <Form.Item name="primary" valuePropName="checked">
          <Checkbox>{t('customers.owners.asPrimary')}</Checkbox>
        </Form.Item>
      )}
    </Modal>
  );
}

import { type Customer, customerRoutes, IdentityInput, IdentityKind } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, isApiError } from '../../../api/client';
import { useShowError } from '../../../app/errors';
import { zodRule } from '../../../app/validation';
import { useSetCustomer } from '../customers-api';
import { customerName } from '../format';

type Values = { kind: Customer['identities'][number]['kind']; namespace?: string; value: string; verified?: boolean };
type Holder = { id: string; label: string };
type Props = { customer: Customer; open: boolean; onClose: () => void; onTaken?: (holder: Holder) => void };

/** The customer holding a taken identity, from the 409's details. */
function holderOf(details: unknown): Holder | null {
  if (!details || typeof details !== 'object') return null;
  const d = details as Record<string, unknown>;
  const id = [d.customerId, d.holderId, d.otherId, d.id].find((v): v is string => typeof v === 'string');
  if (!id) return null;
  const name = [d.customerName, d.name].find((v): v is string => typeof v === 'string');
  return { id, label: name ? `${name} (${id})` : id };
}

export function IdentityModal({ customer, open, onClose, onTaken }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const setCustomer = useSetCustomer();
  const [form] = Form.useForm<Values>();
  const add = useMutation({
    mutationFn: (v: Values) =>
      call(customerRoutes.addIdentity, {
        params: { id: customer.id },
        body: { kind: v.kind, namespace: v.namespace?.trim() ?? '', value: v.value, verified: !!v.verified },
      }),
    onSuccess: async (res) => {
      await setCustomer(res);
      void message.success(t('customers.identities.added'));
      onClose();
    },
    onError: async (e) => {
      const holder = isApiError(e) && e.code === 'IDENTITY_TAKEN' ? holderOf(e.details) : null;
      if (holder && onTaken) {
        // Name the holder when it is within reach (the id alone says little).
        const other = await call(customerRoutes.get, { params: { id: holder.id } }).catch(() => null);
        if (other) holder.label = `${customerName(other, t)}${other.phone ? ` · ${other.phone}` : ''}`;
        modal.confirm({
          title: t('customers.identities.takenTitle'),
          content: t('customers.identities.takenHint', { holder: holder.label }),
          okText: t('customers.identities.takenMerge'),
          cancelText: t('common.cancel'),
          onOk: () => {
            onClose();
            onTaken(holder);
          },
        });
        return;
      }
      showError(e, form);
    },
  });
  return (
    <Modal
      open={open}
      title={t('customers.identities.add')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: add.isPending }}
      modalRender={(dom) => (
        <Form
          name="identity"
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={{ kind: 'phone', namespace: '', verified: false }}
          onFinish={(v) => add.mutate(v)}
        >
          {dom}
        </Form>
      )}
    >
      <Form.Item name="kind" label={t('customers.identities.kind')}>
        <Select
          options={IdentityKind.options.map((k) => ({ value: k, label: t(`customers.identities.kinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="value"
        label={t('customers.identities.value')}
        required
        rules={[zodRule(IdentityInput.shape.value, t)]}
      >
        <Input autoFocus maxLength={200} />
      </Form.Item>
      <Form.Item
        name="namespace"
        label={`${t('customers.identities.namespace')} (${t('common.optional')})`}
        extra={t('customers.identities.namespaceHelp')}
      >
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="verified" valuePropName="checked">
        <Checkbox>{t('customers.identities.verifiedYes')}</Checkbox>
      </Form.Item>
    </Modal>
  );
}

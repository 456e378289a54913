import { customerRoutes, TransferInput } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { zodRule } from '../../app/validation';
import { useInvalidateCustomers } from './customers-api';
import { useShowTransferResult } from './transfer-result';
import { StaffSelect } from './staff-select';

type Values = { toStaffId?: string; reason?: string };
type Props = { customerIds: string[]; open: boolean; onClose: () => void; onDone?: () => void };

/** Gives the chosen customers a new primary owner (WeCom allows two transfers per customer in 90 days). */
export function TransferModal({ customerIds, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const showError = useShowError();
  const showResult = useShowTransferResult();
  const invalidate = useInvalidateCustomers();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      call(customerRoutes.transfer, {
        body: { customerIds, toStaffId: v.toStaffId ?? '', reason: v.reason?.trim() || undefined },
      }),
    onSuccess: async (res) => {
      await invalidate();
      onClose();
      onDone?.();
      showResult(res);
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open={open}
      title={t('customers.transfer.title', { count: customerIds.length })}
      onCancel={onClose}
      destroyOnHidden
      okText={t('customers.transfer.submit')}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending }}
      modalRender={(dom) => (
        <Form name="transfer" form={form} layout="vertical" onFinish={(v) => save.mutate(v)} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">{t('customers.transfer.help')}</Typography.Paragraph>
      <Form.Item
        name="toStaffId"
        label={t('customers.transfer.to')}
        rules={[zodRule(TransferInput.shape.toStaffId, t)]}
        required
      >
        <StaffSelect autoFocus />
      </Form.Item>
      <Form.Item name="reason" label={`${t('customers.transfer.reason')} (${t('common.optional')})`}>
        <Input.TextArea maxLength={200} rows={2} />
      </Form.Item>
    </Modal>
  );
}

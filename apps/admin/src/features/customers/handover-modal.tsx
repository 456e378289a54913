import { customerRoutes, HandoverInput } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { zodRule } from '../../app/validation';
import { useInvalidateCustomers } from './customers-api';
import { StaffSelect } from './staff-select';
import { useShowTransferResult } from './transfer-result';

type Values = { fromStaffId?: string; toStaffId?: string; reason?: string };

/** 离职继承: every customer of one (departing) staff member goes to another. */
export function HandoverModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const showResult = useShowTransferResult();
  const invalidate = useInvalidateCustomers();
  const [form] = Form.useForm<Values>();
  const from = Form.useWatch('fromStaffId', form);
  const save = useMutation({
    mutationFn: (v: Values) =>
      call(customerRoutes.handover, {
        body: { fromStaffId: v.fromStaffId ?? '', toStaffId: v.toStaffId ?? '', reason: v.reason?.trim() || undefined },
      }),
    onSuccess: async (res) => {
      await invalidate();
      onClose();
      showResult(res);
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open={open}
      title={t('customers.handover.title')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('customers.handover.submit')}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending }}
      modalRender={(dom) => (
        <Form name="handover" form={form} layout="vertical" onFinish={(v) => save.mutate(v)} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">{t('customers.handover.help')}</Typography.Paragraph>
      <Form.Item
        name="fromStaffId"
        label={t('customers.handover.from')}
        required
        rules={[zodRule(HandoverInput.shape.fromStaffId, t)]}
      >
        <StaffSelect includeDisabled autoFocus />
      </Form.Item>
      <Form.Item
        name="toStaffId"
        label={t('customers.handover.to')}
        required
        rules={[zodRule(HandoverInput.shape.toStaffId, t)]}
      >
        <StaffSelect exclude={from} />
      </Form.Item>
      <Form.Item name="reason" label={`${t('customers.transfer.reason')} (${t('common.optional')})`}>
        <Input.TextArea maxLength={200} rows={2} />
      </Form.Item>
    </Modal>
  );
}

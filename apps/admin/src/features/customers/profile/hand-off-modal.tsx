import { type Customer, followUpRoutes, HandOffInput } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useSession } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { zodRule } from '../../../app/validation';
import { useInvalidateCustomers } from '../customers-api';
import { StaffSelect } from '../staff-select';
import { useInvalidateTasks } from '../../tasks/tasks-api';

type Values = { toStaffId?: string; reason?: string };

/** Lead hand-off (marketing → sales): the receiver follows the customer and gets a lead task and a notification. */
export function HandOffModal({ customer, open, onClose }: { customer: Customer; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const showError = useShowError();
  const invalidateCustomers = useInvalidateCustomers();
  const invalidateTasks = useInvalidateTasks();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      call(followUpRoutes.handOff, {
        params: { id: customer.id },
        body: { toStaffId: v.toStaffId ?? '', reason: v.reason ?? '' },
      }),
    onSuccess: async (res) => {
      await Promise.all([invalidateCustomers(), invalidateTasks()]);
      void message.success(
        t(res.primary ? 'followUps.handOff.donePrimary' : 'followUps.handOff.done', {
          name: res.task.assigneeName ?? '',
        }),
      );
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open={open}
      title={t('followUps.handOff.title')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('followUps.handOff.submit')}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending }}
      modalRender={(dom) => (
        <Form name="hand-off" form={form} layout="vertical" clearOnDestroy onFinish={(v) => save.mutate(v)}>
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">{t('followUps.handOff.help')}</Typography.Paragraph>
      <Form.Item
        name="toStaffId"
        label={t('followUps.handOff.to')}
        required
        rules={[zodRule(HandOffInput.shape.toStaffId, t)]}
      >
        <StaffSelect autoFocus exclude={session.staff.id} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('followUps.handOff.reason')}
        required
        rules={[zodRule(HandOffInput.shape.reason, t)]}
      >
        <Input.TextArea maxLength={200} rows={2} placeholder={t('followUps.handOff.reasonHint')} />
      </Form.Item>
    </Modal>
  );
}

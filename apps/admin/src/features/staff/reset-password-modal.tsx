import { adminRoutes, Password, type Staff } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { blankToUndefined, zodRule } from '../../app/validation';

type Props = {
  staff: Staff | null;
  onClose: () => void;
  onTemporaryPassword: (name: string, password: string) => void;
};

export function ResetPasswordModal({ staff, onClose, onTemporaryPassword }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ password?: string }>();
  const reset = useMutation({
    mutationFn: (v: { password?: string }) =>
      call(adminRoutes.resetStaffPassword, {
        params: { id: staff?.id ?? '' },
        body: { password: blankToUndefined(v.password) },
      }),
    onSuccess: (res) => {
      void message.success(t('staff.resetDone'));
      onClose();
      if (res.temporaryPassword && staff) onTemporaryPassword(staff.name, res.temporaryPassword);
    },
    onError: (e) => showError(e, form),
  });

  return (
    <Modal
      open={!!staff}
      title={t('staff.resetTitle', { name: staff?.name ?? '' })}
      onCancel={onClose}
      destroyOnHidden
      okText={t('staff.resetPassword')}
      okButtonProps={{ htmlType: 'submit', loading: reset.isPending, danger: true }}
      modalRender={(dom) => (
        <Form name="reset-password" form={form} layout="vertical" onFinish={(v) => reset.mutate(v)} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">{t('staff.resetHelp')}</Typography.Paragraph>
      <Form.Item
        name="password"
        label={`${t('password.new')} (${t('common.optional')})`}
        rules={[zodRule(Password, t, { optional: true })]}
      >
        <Input.Password autoFocus autoComplete="new-password" />
      </Form.Item>
    </Modal>
  );
}

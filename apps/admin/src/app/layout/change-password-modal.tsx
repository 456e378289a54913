import { adminRoutes, ChangePasswordInput } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../errors';
import { sameAs, zodRule } from '../validation';

type Values = { currentPassword: string; newPassword: string; confirm: string };

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (v: Values) =>
      call(adminRoutes.changePassword, { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }),
    onSuccess: () => {
      void message.success(t('password.changed'));
      onClose();
    },
    onError: (e) => showError(e, form),
  });

  return (
    <Modal
      open={open}
      title={t('password.title')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: change.isPending }}
      modalRender={(dom) => (
        <Form name="change-password" form={form} layout="vertical" onFinish={(v) => change.mutate(v)} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <Form.Item
        name="currentPassword"
        required
        label={t('password.current')}
        rules={[zodRule(ChangePasswordInput.shape.currentPassword, t)]}
      >
        <Input.Password autoFocus autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        required
        label={t('password.new')}
        rules={[zodRule(ChangePasswordInput.shape.newPassword, t)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('validation.required') },
          sameAs('newPassword', t('auth.passwordMismatch')),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </Modal>
  );
}

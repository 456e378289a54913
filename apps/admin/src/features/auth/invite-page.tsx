import { AcceptInviteInput, adminRoutes } from '@siyu/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { sameAs, zodRule } from '../../app/validation';
import { AuthCard } from './auth-card';

type Values = { password: string; confirm: string };

export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { setSession } = useAuth();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();

  const invite = useQuery({
    queryKey: ['invite', token],
    queryFn: () => call(adminRoutes.getInvite, { params: { token } }),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: (v: Values) => call(adminRoutes.acceptInvite, { body: { token, password: v.password } }),
    onSuccess: (s) => {
      setSession(s);
      navigate('/', { replace: true });
    },
    onError: (e) => showError(e, form),
  });

  if (invite.isPending) {
    return (
      <AuthCard title={t('auth.inviteTitle')}>
        <Skeleton active />
      </AuthCard>
    );
  }
  if (invite.isError) {
    return (
      <div className="siyu-auth-bg">
        <Result
          status="warning"
          title={t('auth.inviteInvalid')}
          subTitle={t('auth.inviteInvalidHint')}
          extra={
            <Button type="primary" onClick={() => navigate('/login')}>
              {t('auth.goLogin')}
            </Button>
          }
        />
      </div>
    );
  }

  const { name, email, tenantName } = invite.data;
  return (
    <AuthCard title={t('auth.inviteTitle')}>
      <Typography.Paragraph>{t('auth.inviteFor', { name, email, tenant: tenantName })}</Typography.Paragraph>
      <Form name="invite" form={form} layout="vertical" onFinish={(v) => accept.mutate(v)} requiredMark={false}>
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Form.Item name="password" label={t('auth.newPassword')} rules={[zodRule(AcceptInviteInput.shape.password, t)]}>
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('validation.required') },
            sameAs('password', t('auth.passwordMismatch')),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={accept.isPending}>
          {t('auth.accept')}
        </Button>
      </Form>
    </AuthCard>
  );
}

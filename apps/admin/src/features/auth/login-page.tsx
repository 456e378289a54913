import { adminRoutes, LoginInput, type Session } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { call, isApiError } from '../../api/client';
import { useAuth } from '../../app/auth';
import { errorText, useShowError } from '../../app/errors';
import { safeNext } from '../../app/guards';
import { zodRule } from '../../app/validation';
import { AuthCard } from './auth-card';

type Values = { email: string; password: string; tenant?: string };
type TenantChoice = { slug: string; name: string };

/** The tenants offered by a TENANT_REQUIRED answer (`details.tenants`). */
function tenantChoices(details: unknown): TenantChoice[] {
  const list = (details as { tenants?: unknown } | undefined)?.tenants;
  if (!Array.isArray(list)) return [];
  return list.filter((x): x is TenantChoice => typeof x?.slug === 'string' && typeof x?.name === 'string');
}

export function LoginPage() {
  const { t } = useTranslation();
  const { session, setSession } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [tenants, setTenants] = useState<TenantChoice[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const next = safeNext(location.search);

  const login = useMutation({
    mutationFn: (v: Values) =>
      call(adminRoutes.login, { body: { email: v.email, password: v.password, tenant: v.tenant || undefined } }),
    onSuccess: (s: Session) => {
      setSession(s);
      navigate(next, { replace: true });
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'TENANT_REQUIRED') {
        const choices = tenantChoices(e.details);
        setTenants(choices);
        setFailure(null);
        form.setFieldValue('tenant', choices[0]?.slug);
        return;
      }
      if (isApiError(e) && e.status === 401) return setFailure(errorText(e, t));
      setFailure(null);
      showError(e, form);
    },
  });

  if (session) return <Navigate to={next} replace />;

  return (
    <AuthCard title={t('auth.loginTitle')}>
      <Form name="login" form={form} layout="vertical" onFinish={(v) => login.mutate(v)} requiredMark={false}>
        {failure && <Alert type="error" title={failure} showIcon style={{ marginBottom: 16 }} />}
        <Form.Item name="email" label={t('auth.email')} rules={[zodRule(LoginInput.shape.email, t)]}>
          <Input autoFocus autoComplete="username" inputMode="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {tenants && (
          <Form.Item
            name="tenant"
            label={t('auth.tenant')}
            extra={t('auth.tenantHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select options={tenants.map((x) => ({ value: x.slug, label: `${x.name} (${x.slug})` }))} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          {t('auth.login')}
        </Button>
      </Form>
    </AuthCard>
  );
}

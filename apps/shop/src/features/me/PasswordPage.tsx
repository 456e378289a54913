import { Password, PasswordLoginInput, shopRoutes } from '@siyu/contracts';
import { Button, Form, Input, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import { errorText, showFieldErrors, zodRule } from '../../api/errors';
import { useSession, useSessionActions } from '../../api/session';
import { FormError } from '../../app/FormError';
import { Page } from '../../app/Page';
import { shopPath, useSlug } from '../../app/useSlug';

type Values = { currentPassword?: string; newPassword: string; confirm: string };

/** /t/:slug/me/password — set a first password, or change it (then the current one is required). */
export function PasswordPage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const account = useSession(slug).data?.account;
  const actions = useSessionActions(slug);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (!account) return null; // RequireLogin renders this page only with a session
  const changing = account.hasPassword;

  const onFinish = async ({ currentPassword, newPassword }: Values) => {
    setError(null);
    setSaving(true);
    try {
      await call(shopRoutes.setPassword, {
        params: { slug },
        body: changing ? { currentPassword, newPassword } : { newPassword },
      });
      actions.accountChanged({ ...account, hasPassword: true });
      Toast.show({ icon: 'success', content: t('password.success') });
      navigate(shopPath(slug, 'me'), { replace: true });
    } catch (e) {
      if (!showFieldErrors(form, e, t, ['currentPassword', 'newPassword'])) setError(errorText(e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page title={t(changing ? 'password.changeTitle' : 'password.setTitle')} fallback={shopPath(slug, 'me')}>
      {!changing && <p className="shop-muted shop-intro">{t('password.setIntro')}</p>}
      <Form
        name="password"
        form={form}
        layout="horizontal"
        mode="card"
        onFinish={onFinish}
        footer={
          <>
            <FormError message={error} />
            <Button block type="submit" color="primary" size="large" shape="rounded" loading={saving}>
              {t('password.submit')}
            </Button>
          </>
        }
      >
        {changing && (
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[zodRule(PasswordLoginInput.shape.password, t('validation.passwordRequired'))]}
          >
            <Input
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              placeholder={t('password.currentPlaceholder')}
            />
          </Form.Item>
        )}
        <Form.Item
          name="newPassword"
          label={t('password.newPassword')}
          rules={[zodRule(Password, t('validation.password'))]}
        >
          <Input
            name="newPassword"
            type="password"
            autoComplete="new-password"
            placeholder={t('password.newPasswordPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.passwordMismatch'))),
            }),
          ]}
        >
          <Input
            name="confirm"
            type="password"
            autoComplete="new-password"
            placeholder={t('password.confirmPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Page>
  );
}

import { CnMobile, Password, SmsLoginInput, shopRoutes } from '@siyu/contracts';
import { Button, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText, showFieldErrors, zodRule } from '../../api/errors';
import { FormError } from '../../app/FormError';
import { Page } from '../../app/Page';
import { shopPath, useSlug } from '../../app/useSlug';
import { phoneDraft, savePhoneDraft } from './drafts';
import { SandboxHint } from './SandboxHint';
import { SmsCodeButton } from './SmsCodeButton';
import { useLoginSuccess } from './useLoginSuccess';
import './auth.css';

type Values = { phone: string; code: string; newPassword: string; confirm: string };

/** /t/:slug/forgot-password — a new password with an SMS code (purpose reset_password); logs in after. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const loggedIn = useLoginSuccess();

  const onFinish = async ({ phone, code, newPassword }: Values) => {
    setError(null);
    setSubmitting(true);
    try {
      await loggedIn(
        await call(shopRoutes.resetPassword, { params: { slug }, body: { phone, code, newPassword } }),
        'reset',
      );
    } catch (e) {
      if (!showFieldErrors(form, e, t, ['phone', 'code', 'newPassword'])) {
        setError(errorText(e, t, { on401: t('errors.wrongCode') }));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Page title={t('reset.title')} fallback={shopPath(slug, 'login')}>
      <p className="shop-muted shop-intro">{t('reset.intro')}</p>
      <Form
        name="resetPassword"
        form={form}
        layout="horizontal"
        initialValues={{ phone: phoneDraft() }}
        onValuesChange={(changed: Partial<Values>) => savePhoneDraft(changed.phone)}
        onFinish={onFinish}
        footer={
          <>
            <FormError message={error} />
            <Button block type="submit" color="primary" size="large" shape="rounded" loading={submitting}>
              {t('reset.submit')}
            </Button>
          </>
        }
      >
        <Form.Item name="phone" label={t('login.phone')} rules={[zodRule(CnMobile, t('validation.phone'))]}>
          <Input
            name="phone"
            type="tel"
            inputMode="numeric"
            maxLength={11}
            autoComplete="tel"
            clearable
            placeholder={t('login.phonePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('login.code')}
          rules={[zodRule(SmsLoginInput.shape.code, t('validation.code'))]}
          extra={<SmsCodeButton form={form} purpose="reset_password" onError={setError} />}
        >
          <Input
            name="code"
            inputMode="numeric"
            maxLength={6}
            autoComplete="one-time-code"
            placeholder={t('login.codePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('reset.newPassword')}
          rules={[zodRule(Password, t('validation.password'))]}
        >
          <Input
            name="newPassword"
            type="password"
            autoComplete="new-password"
            placeholder={t('reset.newPasswordPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('reset.confirmPassword')}
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
            placeholder={t('reset.confirmPlaceholder')}
          />
        </Form.Item>
      </Form>
      <SandboxHint />
    </Page>
  );
}

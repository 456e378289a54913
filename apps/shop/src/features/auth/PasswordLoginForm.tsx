import { CnMobile, PasswordLoginInput, shopRoutes } from '@siyu/contracts';
import { Button, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { call } from '../../api/client';
import { errorText, showFieldErrors, zodRule } from '../../api/errors';
import { FormError } from '../../app/FormError';
import { shopPath, useSlug } from '../../app/useSlug';
import { phoneDraft, savePhoneDraft } from './drafts';
import { useLoginSuccess } from './useLoginSuccess';

type Values = { phone: string; password: string };

/** Phone + password, for shoppers who have set one. */
export function PasswordLoginForm() {
  const { t } = useTranslation();
  const slug = useSlug();
  const { search } = useLocation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const loggedIn = useLoginSuccess();

  const onFinish = async (values: Values) => {
    setError(null);
    setSubmitting(true);
    try {
      await loggedIn(await call(shopRoutes.loginWithPassword, { params: { slug }, body: values }), 'login');
    } catch (e) {
      if (!showFieldErrors(form, e, t, ['phone', 'password'])) {
        setError(errorText(e, t, { on401: t('errors.wrongCredentials') }));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form
      name="passwordLogin"
      form={form}
      layout="horizontal"
      initialValues={{ phone: phoneDraft() }}
      onValuesChange={(changed: Partial<Values>) => savePhoneDraft(changed.phone)}
      onFinish={onFinish}
      footer={
        <>
          <FormError message={error} />
          <Button block type="submit" color="primary" size="large" shape="rounded" loading={submitting}>
            {t('login.submit')}
          </Button>
          <div className="login__links">
            <Link to={`${shopPath(slug, 'forgot-password')}${search}`} className="shop-link">
              {t('login.forgotPassword')}
            </Link>
          </div>
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
        name="password"
        label={t('login.password')}
        rules={[zodRule(PasswordLoginInput.shape.password, t('validation.passwordRequired'))]}
      >
        <Input
          name="password"
          type="password"
          autoComplete="current-password"
          placeholder={t('login.passwordPlaceholder')}
        />
      </Form.Item>
    </Form>
  );
}

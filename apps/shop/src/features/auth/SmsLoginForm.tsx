import { CnMobile, SmsLoginInput, shopRoutes } from '@siyu/contracts';
import { Button, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText, showFieldErrors, zodRule } from '../../api/errors';
import { FormError } from '../../app/FormError';
import { useSlug } from '../../app/useSlug';
import { phoneDraft, savePhoneDraft } from './drafts';
import { SmsCodeButton } from './SmsCodeButton';
import { useLoginSuccess } from './useLoginSuccess';

type Values = { phone: string; code: string };

/** Phone + 6-digit SMS code; the first login with a phone registers it. */
export function SmsLoginForm() {
  const { t } = useTranslation();
  const slug = useSlug();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const loggedIn = useLoginSuccess();

  const onFinish = async (values: Values) => {
    setError(null);
    setSubmitting(true);
    try {
      const result = await call(shopRoutes.loginWithSms, { params: { slug }, body: values });
      await loggedIn(result, result.registered ? 'registered' : 'login');
    } catch (e) {
      if (!showFieldErrors(form, e, t, ['phone', 'code'])) setError(errorText(e, t, { on401: t('errors.wrongCode') }));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form
      name="smsLogin"
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
          <p className="shop-muted login__hint">{t('login.smsHint')}</p>
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
        extra={<SmsCodeButton form={form} purpose="login" onError={setError} />}
      >
        <Input
          name="code"
          inputMode="numeric"
          maxLength={6}
          autoComplete="one-time-code"
          placeholder={t('login.codePlaceholder')}
        />
      </Form.Item>
    </Form>
  );
}

import { type Form, Button, Toast } from 'antd-mobile';
import { shopRoutes } from '@siyu/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { errorText, showFieldErrors } from '../../api/errors';
import { useSlug } from '../../app/useSlug';
import { useCountdown } from './useCountdown';

type Props = {
  form: ReturnType<typeof Form.useForm>[0];
  purpose: 'login' | 'reset_password';
  /** Reports a problem to show in the form (null clears it). */
  onError: (message: string | null) => void;
};

/** "获取验证码": checks the phone field, asks the API for a code, then counts down to the next try. */
export function SmsCodeButton({ form, purpose, onError }: Props) {
  const { t } = useTranslation();
  const slug = useSlug();
  const { secondsLeft, start } = useCountdown(`${slug}.${purpose}`);
  const [sending, setSending] = useState(false);

  const send = async () => {
    onError(null);
    try {
      await form.validateFields(['phone']);
    } catch {
      return; // the phone field shows what is wrong
    }
    setSending(true);
    try {
      const phone = String(form.getFieldValue('phone'));
      const sent = await call(shopRoutes.sendSmsCode, { params: { slug }, body: { phone, purpose } });
      start(sent.resendAfterSeconds);
      Toast.show({ content: t('login.codeSent') });
    } catch (e) {
      if (e instanceof ApiError && e.status === 429 && e.retryAfterSeconds) start(e.retryAfterSeconds);
      if (!showFieldErrors(form, e, t, ['phone'])) onError(errorText(e, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <Button
      size="small"
      fill="none"
      color="primary"
      disabled={secondsLeft > 0}
      loading={sending}
      onClick={send}
      data-testid="send-code"
    >
      {secondsLeft > 0 ? t('login.resendIn', { seconds: secondsLeft }) : t('login.getCode')}
    </Button>
  );
}

import { UploadOutlined } from '@ant-design/icons';
import { PAYMENT_SETTINGS_LIMITS } from '@siyu/contracts';
import { App, Button, Input, Space } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  value?: string;
  onChange?: (v: string) => void;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  rows?: number;
};

/** A PEM (or Base64 key) as text: pasted into the area, or read from a picked file. */
export function PemInput({ value, onChange, placeholder, disabled, id, rows = 4 }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const file = useRef<HTMLInputElement>(null);
  const pick = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > PAYMENT_SETTINGS_LIMITS.pemChars) {
      void message.error(t('paymentSettings.fileTooLarge'));
      return;
    }
    onChange?.((await f.text()).trim());
    if (file.current) file.current.value = '';
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        placeholder={placeholder ?? t('paymentSettings.pastePem')}
        disabled={disabled}
        rows={rows}
        spellCheck={false}
        autoComplete="off"
        style={{ fontFamily: 'monospace', fontSize: 12 }}
      />
      <input
        ref={file}
        type="file"
        accept=".pem,.txt,.crt,.cer,.key"
        hidden
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      <Button size="small" icon={<UploadOutlined />} disabled={disabled} onClick={() => file.current?.click()}>
        {t('paymentSettings.pickFile')}
      </Button>
    </Space>
  );
}

/** The placeholder of a write-only secret: whether one is stored (and its fingerprint). */
export function secretPlaceholder(
  t: (k: string, o?: Record<string, unknown>) => string,
  s: { set: boolean; fingerprint: string | null },
) {
  if (!s.set) return t('paymentSettings.notSet');
  return `${s.fingerprint ? t('paymentSettings.setFingerprint', { fingerprint: s.fingerprint }) : t('paymentSettings.set')} — ${t('paymentSettings.keepBlank')}`;
}

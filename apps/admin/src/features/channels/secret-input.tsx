import { Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** A write-only secret: empty shows whether one is stored; blank on save keeps it. */
export function SecretInput({
  set,
  ...rest
}: {
  set: boolean;
  value?: string;
  onChange?: (e: unknown) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Input.Password
      {...rest}
      autoComplete="new-password"
      placeholder={set ? t('channels.secretSet') : t('channels.secretEmpty')}
    />
  );
}

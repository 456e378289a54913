import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth';
import { formatTime } from '../../app/time';

/** "Last saved: …" beside the save button, once the settings were saved (in the tenant's time zone). */
export function SavedAt({ at }: { at: string | null }) {
  const { t } = useTranslation();
  const tz = useSession().settings.timeZone;
  if (!at) return null;
  return <Typography.Text type="secondary">{t('paymentSettings.updated', { at: formatTime(at, tz) })}</Typography.Text>;
}

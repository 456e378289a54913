import { Alert, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { useWecomSettings } from './wecom-settings-api';
import { WecomSettingsForm } from './wecom-settings-form';

/** 企业微信设置: the tenant's own self-built WeCom app and callback, set up step by step (settings.write). */
export function WecomSettingsPage() {
  const { t } = useTranslation();
  const settings = useWecomSettings();
  if (settings.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  const s = settings.data;
  return (
    <div>
      <PageHeader title={t('wecomSettings.title')} />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {s.configured ? t('wecomSettings.intro') : t('wecomSettings.empty')}
      </Typography.Paragraph>
      {!s.secretsReady && (
        <Alert
          type="error"
          showIcon
          title={t('wecomSettings.secretsMissing')}
          style={{ marginBottom: 16, maxWidth: 760 }}
        />
      )}
      <WecomSettingsForm settings={s} />
    </div>
  );
}

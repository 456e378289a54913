import { Alert, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { useEmailSettings, useSmsSettings } from './channels-api';
import { EmailForm } from './email-form';
import { MessagesLog } from './messages-log';
import { SmsForm } from './sms-form';

/** 触达渠道: the tenant's own SMS and email channels, and what was sent through them. */
export function ChannelsPage() {
  const { t } = useTranslation();
  const sms = useSmsSettings();
  const email = useEmailSettings();
  if (sms.isPending || email.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (sms.isError) return <LoadError error={sms.error} onRetry={() => void sms.refetch()} />;
  if (email.isError) return <LoadError error={email.error} onRetry={() => void email.refetch()} />;
  return (
    <div>
      <PageHeader title={t('channels.title')} />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t('channels.intro')}
      </Typography.Paragraph>
      {!sms.data.secretsReady && (
        <Alert type="error" showIcon title={t('channels.secretsMissing')} style={{ marginBottom: 16, maxWidth: 760 }} />
      )}
      <Tabs
        items={[
          { key: 'sms', label: t('channels.tabs.sms'), children: <SmsForm settings={sms.data} /> },
          { key: 'email', label: t('channels.tabs.email'), children: <EmailForm settings={email.data} /> },
          { key: 'log', label: t('channels.tabs.log'), children: <MessagesLog /> },
        ]}
      />
    </div>
  );
}

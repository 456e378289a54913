import { Alert, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { AlipayForm } from './alipay-form';
import { usePaymentSettings } from './payment-settings-api';
import { WechatForm } from './wechat-form';

/** 支付设置: the brand's own WeChat Pay and Alipay merchant keys (orders.payments). */
export function PaymentSettingsPage() {
  const { t } = useTranslation();
  const settings = usePaymentSettings();
  if (settings.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  const s = settings.data;
  return (
    <div>
      <PageHeader title={t('paymentSettings.title')} />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t('paymentSettings.intro')}
      </Typography.Paragraph>
      {!s.secretsReady && (
        <Alert
          type="error"
          showIcon
          title={t('paymentSettings.secretsMissing')}
          style={{ marginBottom: 16, maxWidth: 760 }}
        />
      )}
      <Tabs
        items={[
          { key: 'wechatpay', label: t('paymentSettings.wechat.title'), children: <WechatForm settings={s} /> },
          { key: 'alipay', label: t('paymentSettings.alipay.title'), children: <AlipayForm settings={s} /> },
        ]}
      />
    </div>
  );
}

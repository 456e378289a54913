import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { type PaymentProviderKey, paymentSettingsRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';

/** The test button of one provider and the result of each check. */
export function TestPanel({ provider, configured }: { provider: PaymentProviderKey; configured: boolean }) {
  const { t, i18n } = useTranslation();
  const showError = useShowError();
  const [online, setOnline] = useState(false);
  const test = useMutation({
    mutationFn: () => call(paymentSettingsRoutes.test, { body: { provider, online } }),
    onError: (e) => showError(e),
  });
  const label = (name: string) => {
    if (name.startsWith('platformKeys.'))
      return t('paymentSettings.check.platformKey', { serial: name.slice('platformKeys.'.length) });
    const key = `paymentSettings.check.${name}`;
    return i18n.exists(key) ? t(key) : name;
  };
  if (!configured) return <Typography.Text type="secondary">{t('paymentSettings.testNothing')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={() => test.mutate()} loading={test.isPending}>
          {t('paymentSettings.test')}
        </Button>
        <Checkbox checked={online} onChange={(e) => setOnline(e.target.checked)}>
          {t('paymentSettings.testOnline')}
        </Checkbox>
      </Space>
      {test.data && (
        <Alert
          type={test.data.ok ? 'success' : 'error'}
          showIcon
          title={test.data.ok ? t('paymentSettings.testPassed') : t('paymentSettings.testFailed')}
          description={
            <List
              size="small"
              dataSource={test.data.checks}
              renderItem={(c) => (
                <List.Item>
                  <Space align="start">
                    {c.ok ? (
                      <CheckCircleFilled style={{ color: '#52c41a' }} />
                    ) : (
                      <CloseCircleFilled style={{ color: '#ff4d4f' }} />
                    )}
                    <span>
                      <Typography.Text strong>{label(c.name)}</Typography.Text>：{c.message}
                    </span>
                  </Space>
                </List.Item>
              )}
            />
          }
        />
      )}
    </Space>
  );
}

import { ownedChannelRoutes as r, type SmsSettings } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { useChannelsRefresh } from './channels-api';
import { TestResult } from './test-result';

type Values = { phone: string; templateKey: string; variables: Record<string, string> };

/** Sends one template SMS with the saved settings and shows exactly what came back. */
export function SmsTest({ settings }: { settings: SmsSettings }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const refresh = useChannelsRefresh();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState<string | undefined>(settings.templates[0]?.key);
  const template = settings.templates.find((x) => x.key === key);
  const test = useMutation({
    mutationFn: (v: Values) => call(r.testSms, { body: { ...v, variables: v.variables ?? {} } }),
    onSuccess: () => void refresh.log(),
    onError: (e) => showError(e, form),
  });
  if (!settings.configured || !settings.templates.length)
    return <Typography.Text type="secondary">{t('channels.sms.testNothing')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form<Values> form={form} layout="inline" initialValues={{ templateKey: key }} onFinish={(v) => test.mutate(v)}>
        <Form.Item
          name="phone"
          label={t('channels.test.phone')}
          rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('channels.test.phoneRule') }]}
        >
          <Input style={{ width: 160 }} inputMode="tel" />
        </Form.Item>
        <Form.Item name="templateKey" label={t('channels.test.template')}>
          <Select
            style={{ width: 200 }}
            onChange={setKey}
            options={settings.templates.map((x) => ({ value: x.key, label: x.name }))}
          />
        </Form.Item>
        {template?.params.map((p) => (
          <Form.Item key={p} name={['variables', p]} label={p} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
        ))}
        <Button htmlType="submit" loading={test.isPending}>
          {t('channels.test.send')}
        </Button>
      </Form>
      {test.data && <TestResult result={test.data} />}
    </Space>
  );
}

import { type EmailSettings, ownedChannelRoutes as r } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { orUndefined, useChannelsRefresh } from './channels-api';
import { SecretInput } from './secret-input';
import { TestResult } from './test-result';

type Values = {
  enabled: boolean;
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  user: string;
  password: string;
  fromAddress: string;
  fromName: string;
  replyTo: string;
};

const toForm = (s: EmailSettings): Values => ({
  enabled: s.enabled,
  host: s.host ?? '',
  port: s.port ?? 465,
  security: s.security ?? 'tls',
  user: s.user ?? '',
  password: '',
  fromAddress: s.fromAddress ?? '',
  fromName: s.fromName ?? '',
  replyTo: s.replyTo ?? '',
});

function EmailTest({ settings }: { settings: EmailSettings }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const refresh = useChannelsRefresh();
  const [form] = Form.useForm<{ to: string }>();
  const test = useMutation({
    mutationFn: (v: { to: string }) => call(r.testEmail, { body: v }),
    onSuccess: () => void refresh.log(),
    onError: (e) => showError(e, form),
  });
  if (!settings.configured)
    return <Typography.Text type="secondary">{t('channels.email.testNothing')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form form={form} layout="inline" onFinish={(v) => test.mutate(v)}>
        <Form.Item name="to" label={t('channels.test.to')} rules={[{ required: true, type: 'email' }]}>
          <Input style={{ width: 260 }} type="email" />
        </Form.Item>
        <Button htmlType="submit" loading={test.isPending}>
          {t('channels.test.send')}
        </Button>
      </Form>
      {test.data && <TestResult result={test.data} />}
    </Space>
  );
}

/** 邮件设置: the SMTP server, login (password write-only) and sender; then a test mail. */
export function EmailForm({ settings }: { settings: EmailSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const refresh = useChannelsRefresh();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      call(r.updateEmail, {
        body: {
          ...v,
          user: orUndefined(v.user),
          password: v.password || undefined,
          replyTo: orUndefined(v.replyTo),
        },
      }),
    onSuccess: (res) => {
      refresh.email(res);
      form.setFieldsValue(toForm(res));
      void message.success(t('channels.saved'));
    },
    onError: (e) => showError(e, form),
  });
  return (
    <div style={{ maxWidth: 760 }}>
      {settings.sandbox && (
        <Alert type="info" showIcon title={t('channels.email.sandbox')} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={toForm(settings)} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="enabled" label={t('channels.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="host" label={t('channels.email.host')} rules={[{ required: true }]}>
            <Input style={{ width: 260 }} placeholder="smtp.exmail.qq.com" />
          </Form.Item>
          <Form.Item name="port" label={t('channels.email.port')} rules={[{ required: true }]}>
            <InputNumber min={1} max={65535} />
          </Form.Item>
          <Form.Item name="security" label={t('channels.email.security')}>
            <Select
              style={{ width: 200 }}
              options={(['tls', 'starttls', 'none'] as const).map((v) => ({
                value: v,
                label: t(`channels.email.sec.${v}`),
              }))}
            />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="user" label={t('channels.email.user')}>
            <Input style={{ width: 260 }} autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label={t('channels.email.password')}>
            <SecretInput set={settings.password.set} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item
            name="fromAddress"
            label={t('channels.email.fromAddress')}
            rules={[{ required: true, type: 'email' }]}
          >
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="fromName" label={t('channels.email.fromName')} rules={[{ required: true }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="replyTo" label={t('channels.email.replyTo')} rules={[{ type: 'email' }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('channels.save')}
        </Button>
      </Form>
      <Divider titlePlacement="start">{t('channels.test.title')}</Divider>
      <EmailTest settings={settings} />
    </div>
  );
}

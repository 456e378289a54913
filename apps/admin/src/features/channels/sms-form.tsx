import { ownedChannelRoutes as r, type SmsSettings, type SmsTemplate } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Form, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { orUndefined, useChannelsRefresh } from './channels-api';
import { SecretInput } from './secret-input';
import { SmsTemplates } from './sms-templates';
import { SmsTest } from './sms-test';

type Values = {
  enabled: boolean;
  provider: 'aliyun' | 'tencent';
  signName: string;
  keyId: string;
  keySecret: string;
  sdkAppId: string;
  region: string;
  templates: SmsTemplate[];
};

const toForm = (s: SmsSettings): Values => ({
  enabled: s.enabled,
  provider: s.provider ?? 'aliyun',
  signName: s.signName ?? '',
  keyId: s.keyId ?? '',
  keySecret: '',
  sdkAppId: s.sdkAppId ?? '',
  region: s.region ?? '',
  templates: s.templates,
});

/** 短信设置: provider, keys (secret write-only), sign name, approved templates; then a test send. */
export function SmsForm({ settings }: { settings: SmsSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const refresh = useChannelsRefresh();
  const [form] = Form.useForm<Values>();
  const provider = Form.useWatch('provider', form) ?? settings.provider ?? 'aliyun';
  const save = useMutation({
    mutationFn: (v: Values) =>
      call(r.updateSms, {
        body: {
          enabled: v.enabled,
          provider: v.provider,
          signName: v.signName,
          templates: (v.templates ?? []).map((x) => ({
            ...x,
            params: x.params ?? [],
            marketing: Boolean(x.marketing),
          })),
          keyId: orUndefined(v.keyId),
          keySecret: v.keySecret || undefined,
          sdkAppId: v.provider === 'tencent' ? orUndefined(v.sdkAppId) : undefined,
          region: orUndefined(v.region),
        },
      }),
    onSuccess: (res) => {
      refresh.sms(res);
      form.setFieldsValue(toForm(res));
      void message.success(t('channels.saved'));
    },
    onError: (e) => showError(e, form),
  });
  return (
    <div style={{ maxWidth: 860 }}>
      {settings.sandbox && (
        <Alert type="info" showIcon title={t('channels.sms.sandbox')} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={toForm(settings)} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="enabled" label={t('channels.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="provider" label={t('channels.sms.provider')} rules={[{ required: true }]}>
          <Select
            style={{ width: 260 }}
            options={[
              { value: 'aliyun', label: t('channels.sms.aliyun') },
              { value: 'tencent', label: t('channels.sms.tencent') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="keyId"
          label={provider === 'tencent' ? 'SecretId' : 'AccessKey ID'}
          extra={settings.sandbox ? t('channels.sms.sandboxKeys') : null}
        >
          <Input disabled={settings.sandbox} autoComplete="off" />
        </Form.Item>
        <Form.Item name="keySecret" label={provider === 'tencent' ? 'SecretKey' : 'AccessKey Secret'}>
          <SecretInput set={settings.keySecret.set} />
        </Form.Item>
        {provider === 'tencent' && (
          <Form.Item
            name="sdkAppId"
            label="SmsSdkAppId"
            rules={[{ pattern: /^\d{10}$/, message: t('channels.sms.sdkAppIdRule') }]}
          >
            <Input style={{ width: 200 }} placeholder="1400000000" />
          </Form.Item>
        )}
        <Form.Item
          name="signName"
          label={t('channels.sms.signName')}
          extra={t('channels.sms.signNameHint')}
          rules={[{ required: true }]}
        >
          <Input style={{ width: 260 }} />
        </Form.Item>
        <Divider titlePlacement="start">{t('channels.sms.templates')}</Divider>
        <SmsTemplates />
        <Divider />
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('channels.save')}
        </Button>
      </Form>
      {settings.replyUrl && (
        <Typography.Paragraph style={{ marginTop: 24 }}>
          {t('channels.sms.replyUrl')}:{' '}
          <Typography.Text copyable code>
            {settings.replyUrl}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      <Divider titlePlacement="start">{t('channels.test.title')}</Divider>
      <SmsTest settings={settings} />
    </div>
  );
}

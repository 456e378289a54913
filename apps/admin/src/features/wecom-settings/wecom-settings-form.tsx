import { type WecomSettings, wecomSettingsRoutes } from '@siyu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { ConnectionTest } from './connection-test';
import { wecomSettingsKey } from './wecom-settings-api';

type Values = { corpId: string; agentId: string; secret: string; token: string; encodingAesKey: string };

const toForm = (s: WecomSettings): Values => ({
  corpId: s.corpId ?? '',
  agentId: s.agentId ?? '',
  secret: '',
  token: s.token ?? '',
  encodingAesKey: s.encodingAesKey ?? '',
});

const CHECKS = ['trustedIp', 'customerContact', 'callbackSaved'] as const;

/** The guided setup: one card per step of WeCom's console, then save and test. */
export function WecomSettingsForm({ settings }: { settings: WecomSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [checked, setChecked] = useState<string[]>([]);
  const token = Form.useWatch('token', form);
  const aesKey = Form.useWatch('encodingAesKey', form);
  const save = useMutation({
    mutationFn: (v: Values) =>
      call(wecomSettingsRoutes.update, { body: { ...v, secret: v.secret.trim() ? v.secret.trim() : undefined } }),
    onSuccess: (res) => {
      qc.setQueryData(wecomSettingsKey, res);
      form.setFieldsValue(toForm(res));
      void message.success(t('wecomSettings.saved'));
    },
    onError: (e) => showError(e, form),
  });
  const generate = useMutation({
    mutationFn: () => call(wecomSettingsRoutes.generate),
    onSuccess: (g) => form.setFieldsValue(g),
    onError: (e) => showError(e),
  });
  const step = (n: number, key: string, children: React.ReactNode) => (
    <Card size="small" title={`${n}. ${t(`wecomSettings.steps.${key}.title`)}`} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t(`wecomSettings.steps.${key}.hint`)}</Typography.Paragraph>
      {children}
    </Card>
  );
  return (
    <Form<Values>
      form={form}
      name="wecom_settings"
      layout="vertical"
      initialValues={toForm(settings)}
      onFinish={(v) => save.mutate(v)}
      style={{ maxWidth: 760 }}
      scrollToFirstError
    >
      {settings.sandbox && (
        <Alert type="warning" showIcon title={t('wecomSettings.demoSandbox')} style={{ marginBottom: 16 }} />
      )}
      {step(
        1,
        'corp',
        <Form.Item name="corpId" label={t('wecomSettings.corpId')} rules={[{ required: true, whitespace: true }]}>
          <Input placeholder="ww0123456789abcdef" autoComplete="off" />
        </Form.Item>,
      )}
      {step(
        2,
        'app',
        <>
          <Form.Item name="agentId" label="AgentId" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder="1000002" autoComplete="off" inputMode="numeric" />
          </Form.Item>
          <Form.Item
            name="secret"
            label="Secret"
            rules={settings.secretSet ? [] : [{ required: true, whitespace: true }]}
            extra={settings.secretSet ? t('wecomSettings.secretKeep') : t('wecomSettings.secretHint')}
          >
            <Input.Password
              autoComplete="new-password"
              placeholder={settings.secretSet ? t('wecomSettings.secretSet') : ''}
            />
          </Form.Item>
        </>,
      )}
      {step(
        3,
        'callback',
        <>
          <Form.Item label={t('wecomSettings.callbackUrl')}>
            <Typography.Text code copyable>
              {settings.callbackUrl}
            </Typography.Text>
          </Form.Item>
          <Button onClick={() => generate.mutate()} loading={generate.isPending} style={{ marginBottom: 16 }}>
            {t('wecomSettings.generate')}
          </Button>
          <Form.Item name="token" label="Token" rules={[{ required: true, whitespace: true }]}>
            <Input autoComplete="off" suffix={token ? <Typography.Text copyable={{ text: token }} /> : null} />
          </Form.Item>
          <Form.Item name="encodingAesKey" label="EncodingAESKey" rules={[{ required: true, whitespace: true }]}>
            <Input
              autoComplete="off"
              maxLength={43}
              suffix={aesKey ? <Typography.Text copyable={{ text: aesKey }} /> : null}
            />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('wecomSettings.saveBeforeWecom')}</Typography.Paragraph>
        </>,
      )}
      {step(
        4,
        'console',
        <Checkbox.Group value={checked} onChange={(v) => setChecked(v as string[])} style={{ display: 'grid', gap: 8 }}>
          {CHECKS.map((c) => (
            <Checkbox key={c} value={c}>
              {t(`wecomSettings.check.${c}`)}
            </Checkbox>
          ))}
        </Checkbox.Group>,
      )}
      {step(
        5,
        'test',
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('wecomSettings.save')}
          </Button>
          <ConnectionTest configured={settings.configured} />
        </Space>,
      )}
    </Form>
  );
}

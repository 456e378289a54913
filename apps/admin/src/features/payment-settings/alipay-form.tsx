import { ALIPAY_GATEWAYS, AlipayChannel, type PaymentSettings, paymentSettingsRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { orUndefined, usePaymentSettingsSaved } from './payment-settings-api';
import { PemInput, secretPlaceholder } from './pem-input';
import { SavedAt } from './saved-at';
import { TestPanel } from './test-panel';

type A = PaymentSettings['alipay'];
type Gateway = (typeof ALIPAY_GATEWAYS)[number];
type Values = {
  alipay: {
    enabled: boolean;
    sandbox: boolean;
    channels: A['channels'];
    appId: string;
    appPrivateKey: string;
    alipayPublicKey: string;
    gatewayUrl: Gateway;
    sellerId: string;
    notifyUrlBase: string;
  };
};

const isGateway = (g: string): g is Gateway => (ALIPAY_GATEWAYS as readonly string[]).includes(g);

const toForm = (a: A): Values => ({
  alipay: {
    enabled: a.enabled,
    sandbox: a.sandbox,
    channels: a.channels,
    appId: a.appId ?? '',
    appPrivateKey: '',
    alipayPublicKey: a.alipayPublicKey ?? '',
    gatewayUrl: isGateway(a.gatewayUrl) ? a.gatewayUrl : ALIPAY_GATEWAYS[0],
    sellerId: a.sellerId ?? '',
    notifyUrlBase: a.notifyUrlBase,
  },
});

function toBody({ alipay: v }: Values, wasSandbox: boolean) {
  if (wasSandbox && v.sandbox)
    return { enabled: v.enabled, channels: v.channels, notifyUrlBase: orUndefined(v.notifyUrlBase) };
  return {
    enabled: v.enabled,
    channels: v.channels,
    appId: orUndefined(v.appId),
    appPrivateKey: v.appPrivateKey,
    alipayPublicKey: v.alipayPublicKey?.trim() ?? '',
    gatewayUrl: v.gatewayUrl,
    sellerId: v.sellerId?.trim() ?? '',
    notifyUrlBase: orUndefined(v.notifyUrlBase),
    ...(wasSandbox ? { sandbox: false } : {}),
  };
}

/** Alipay settings (public-key mode): app id, application private key (write-only), Alipay public key. */
export function AlipayForm({ settings }: { settings: PaymentSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const saved = usePaymentSettingsSaved();
  const a = settings.alipay;
  const [form] = Form.useForm<Values>();
  const sandboxOn = Form.useWatch(['alipay', 'sandbox'], form) ?? a.sandbox;
  const save = useMutation({
    mutationFn: (v: Values) => call(paymentSettingsRoutes.update, { body: { alipay: toBody(v, a.sandbox) } }),
    onSuccess: (res) => {
      saved(res);
      form.setFieldsValue(toForm(res.alipay));
      void message.success(t('paymentSettings.saved'));
    },
    onError: (e) => showError(e, form),
  });
  const f = (name: keyof Values['alipay']) => ['alipay', name];
  return (
    <Form<Values>
      form={form}
      name="alipay_settings"
      layout="vertical"
      initialValues={toForm(a)}
      onFinish={(v) => save.mutate(v)}
      style={{ maxWidth: 760 }}
      scrollToFirstError
    >
      {a.sandbox && (
        <Alert type="warning" showIcon title={t('paymentSettings.demoSandbox')} style={{ marginBottom: 16 }} />
      )}
      <Space size={32} wrap>
        <Form.Item name={f('enabled')} label={t('paymentSettings.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {a.sandbox && (
          <Form.Item name={f('sandbox')} label={t('paymentSettings.useSandbox')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Space>
      <Form.Item name={f('channels')} label={t('paymentSettings.channels')} extra={t('paymentSettings.channelsHint')}>
        <Checkbox.Group options={AlipayChannel.options.map((c) => ({ value: c, label: t(`orders.payment.${c}`) }))} />
      </Form.Item>
      <div style={{ display: a.sandbox && sandboxOn ? 'none' : undefined }}>
        <Space size={16} wrap align="start">
          <Form.Item name={f('appId')} label={t('paymentSettings.alipay.appId')}>
            <Input inputMode="numeric" style={{ width: 220 }} autoComplete="off" />
          </Form.Item>
          <Form.Item name={f('sellerId')} label={t('paymentSettings.alipay.sellerId')}>
            <Input inputMode="numeric" placeholder="2088…" style={{ width: 220 }} autoComplete="off" />
          </Form.Item>
        </Space>
        <Form.Item
          name={f('appPrivateKey')}
          label={t('paymentSettings.alipay.appPrivateKey')}
          extra={t('paymentSettings.alipay.appPrivateKeyHint')}
        >
          <PemInput placeholder={secretPlaceholder(t, a.appPrivateKey)} />
        </Form.Item>
        <Form.Item
          name={f('alipayPublicKey')}
          label={t('paymentSettings.alipay.alipayPublicKey')}
          extra={t('paymentSettings.alipay.alipayPublicKeyHint')}
        >
          <PemInput rows={3} />
        </Form.Item>
        <Form.Item name={f('gatewayUrl')} label={t('paymentSettings.alipay.gatewayUrl')}>
          <Select options={ALIPAY_GATEWAYS.map((g) => ({ value: g, label: g }))} style={{ maxWidth: 480 }} />
        </Form.Item>
        <Form.Item
          name={f('notifyUrlBase')}
          label={t('paymentSettings.notifyUrlBase')}
          extra={t('paymentSettings.notifyUrlBaseHint', { url: a.notifyUrl })}
        >
          <Input style={{ maxWidth: 420 }} />
        </Form.Item>
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('paymentSettings.save')}
          </Button>
          <SavedAt at={a.updatedAt} />
        </Space>
        <TestPanel provider="alipay" configured={a.configured} />
      </Space>
    </Form>
  );
}

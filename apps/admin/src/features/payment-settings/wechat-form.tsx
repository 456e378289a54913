import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { PAYMENT_SETTINGS_LIMITS, type PaymentSettings, paymentSettingsRoutes, WechatChannel } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Popconfirm, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { orUndefined, usePaymentSettingsSaved } from './payment-settings-api';
import { PemInput, secretPlaceholder } from './pem-input';
import { SavedAt } from './saved-at';
import { TestPanel } from './test-panel';

type W = PaymentSettings['wechatpay'];
type Values = {
  wechatpay: {
    enabled: boolean;
    sandbox: boolean;
    channels: W['channels'];
    appid: string;
    mchid: string;
    merchantSerial: string;
    merchantPrivateKey: string;
    merchantCertificate: string;
    apiV3Key: string;
    platformKeys: { serial: string; key: string }[];
    notifyUrlBase: string;
  };
};

const toForm = (w: W): Values => ({
  wechatpay: {
    enabled: w.enabled,
    sandbox: w.sandbox,
    channels: w.channels,
    appid: w.appid ?? '',
    mchid: w.mchid ?? '',
    merchantSerial: w.merchantSerial ?? '',
    merchantPrivateKey: '',
    merchantCertificate: w.merchantCertificate ?? '',
    apiV3Key: '',
    platformKeys: w.platformKeys.map((k) => ({ serial: k.serial, key: k.key })),
    notifyUrlBase: w.notifyUrlBase,
  },
});

function toBody({ wechatpay: v }: Values, wasSandbox: boolean) {
  if (wasSandbox && v.sandbox)
    return { enabled: v.enabled, channels: v.channels, notifyUrlBase: orUndefined(v.notifyUrlBase) };
  return {
    enabled: v.enabled,
    channels: v.channels,
    appid: orUndefined(v.appid),
    mchid: orUndefined(v.mchid),
    merchantSerial: orUndefined(v.merchantSerial),
    merchantPrivateKey: v.merchantPrivateKey,
    merchantCertificate: v.merchantCertificate?.trim() ?? '',
    apiV3Key: v.apiV3Key,
    platformKeys: (v.platformKeys ?? []).map((k) => ({ serial: orUndefined(k.serial), key: k.key })),
    notifyUrlBase: orUndefined(v.notifyUrlBase),
    ...(wasSandbox ? { sandbox: false } : {}),
  };
}

/** WeChat Pay merchant settings: ids, keys (write-only), platform keys, channels, test. */
export function WechatForm({ settings }: { settings: PaymentSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const saved = usePaymentSettingsSaved();
  const w = settings.wechatpay;
  const [form] = Form.useForm<Values>();
  const sandboxOn = Form.useWatch(['wechatpay', 'sandbox'], form) ?? w.sandbox;
  const save = useMutation({
    mutationFn: (v: Values) => call(paymentSettingsRoutes.update, { body: { wechatpay: toBody(v, w.sandbox) } }),
    onSuccess: (res) => {
      saved(res);
      form.setFieldsValue(toForm(res.wechatpay));
      void message.success(t('paymentSettings.saved'));
    },
    onError: (e) => showError(e, form),
  });
  const keysHidden = w.sandbox && sandboxOn;
  const f = (name: keyof Values['wechatpay']) => ['wechatpay', name];
  return (
    <Form<Values>
      form={form}
      name="wechatpay_settings"
      layout="vertical"
      initialValues={toForm(w)}
      onFinish={(v) => save.mutate(v)}
      style={{ maxWidth: 760 }}
      scrollToFirstError
    >
      {w.sandbox && (
        <Alert type="warning" showIcon title={t('paymentSettings.demoSandbox')} style={{ marginBottom: 16 }} />
      )}
      <Space size={32} wrap>
        <Form.Item name={f('enabled')} label={t('paymentSettings.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {w.sandbox && (
          <Form.Item name={f('sandbox')} label={t('paymentSettings.useSandbox')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Space>
      <Form.Item name={f('channels')} label={t('paymentSettings.channels')} extra={t('paymentSettings.channelsHint')}>
        <Checkbox.Group options={WechatChannel.options.map((c) => ({ value: c, label: t(`orders.payment.${c}`) }))} />
      </Form.Item>
      <div style={{ display: keysHidden ? 'none' : undefined }}>
        <Space size={16} wrap align="start">
          <Form.Item name={f('appid')} label={t('paymentSettings.wechat.appid')}>
            <Input placeholder="wx…" style={{ width: 220 }} autoComplete="off" />
          </Form.Item>
          <Form.Item name={f('mchid')} label={t('paymentSettings.wechat.mchid')}>
            <Input inputMode="numeric" style={{ width: 160 }} autoComplete="off" />
          </Form.Item>
        </Space>
        <Form.Item name={f('merchantSerial')} label={t('paymentSettings.wechat.merchantSerial')}>
          <Input style={{ fontFamily: 'monospace', maxWidth: 420 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name={f('merchantPrivateKey')} label={t('paymentSettings.wechat.merchantPrivateKey')}>
          <PemInput placeholder={secretPlaceholder(t, w.merchantPrivateKey)} />
        </Form.Item>
        <Form.Item
          name={f('apiV3Key')}
          label={t('paymentSettings.wechat.apiV3Key')}
          extra={t('paymentSettings.wechat.apiV3KeyHint')}
        >
          <Input.Password
            placeholder={secretPlaceholder(t, w.apiV3Key)}
            autoComplete="new-password"
            style={{ maxWidth: 420 }}
          />
        </Form.Item>
        <Form.Item
          name={f('merchantCertificate')}
          label={t('paymentSettings.wechat.merchantCertificate')}
          extra={t('paymentSettings.wechat.merchantCertificateHint')}
        >
          <PemInput rows={3} />
        </Form.Item>
        <PlatformKeys settings={w} />
        <Form.Item
          name={f('notifyUrlBase')}
          label={t('paymentSettings.notifyUrlBase')}
          extra={t('paymentSettings.notifyUrlBaseHint', { url: w.notifyUrl })}
        >
          <Input style={{ maxWidth: 420 }} />
        </Form.Item>
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('paymentSettings.save')}
          </Button>
          <SavedAt at={w.updatedAt} />
        </Space>
        <TestPanel provider="wechatpay" configured={w.configured} />
      </Space>
    </Form>
  );
}

function PlatformKeys({ settings }: { settings: W }) {
  const { t } = useTranslation();
  const known = new Map(settings.platformKeys.map((k) => [k.serial, k]));
  return (
    <Form.Item label={t('paymentSettings.wechat.platformKeys')} extra={t('paymentSettings.wechat.platformKeysHint')}>
      <Form.List name={['wechatpay', 'platformKeys']}>
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.length === 0 && (
              <Typography.Text type="secondary">{t('paymentSettings.wechat.noPlatformKeys')}</Typography.Text>
            )}
            {fields.map((field) => (
              <PlatformKeyRow key={field.key} name={field.name} known={known} onRemove={() => remove(field.name)} />
            ))}
            <Button
              icon={<PlusOutlined />}
              disabled={fields.length >= PAYMENT_SETTINGS_LIMITS.platformKeys}
              onClick={() => add({ serial: '', key: '' })}
            >
              {t('paymentSettings.wechat.addPlatformKey')}
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

function PlatformKeyRow(props: { name: number; known: Map<string, W['platformKeys'][number]>; onRemove(): void }) {
  const { t } = useTranslation();
  const serial: string | undefined = Form.useWatch(['wechatpay', 'platformKeys', props.name, 'serial']);
  const info = serial ? props.known.get(serial) : undefined;
  return (
    <div style={{ border: '1px solid rgba(5,5,5,0.06)', borderRadius: 8, padding: 12 }}>
      <Space align="start" wrap>
        <Form.Item name={[props.name, 'serial']} label={t('paymentSettings.wechat.platformSerial')}>
          <Input placeholder="PUB_KEY_ID_…" style={{ width: 380, fontFamily: 'monospace' }} autoComplete="off" />
        </Form.Item>
        <Form.Item label=" ">
          <Popconfirm title={t('paymentSettings.wechat.removePlatformKey')} onConfirm={props.onRemove}>
            <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Form.Item>
      </Space>
      <Form.Item
        name={[props.name, 'key']}
        label={t('paymentSettings.wechat.platformKey')}
        rules={[{ required: true }]}
      >
        <PemInput rows={3} />
      </Form.Item>
      {info && (
        <Typography.Text type="secondary">
          {info.fingerprint}
          {info.expiresAt && ` · ${t('paymentSettings.wechat.expires', { at: info.expiresAt.slice(0, 10) })}`}
        </Typography.Text>
      )}
    </div>
  );
}

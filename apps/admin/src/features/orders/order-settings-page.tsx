import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { adminOrderRoutes, ORDER_LIMITS, type OrderSettings } from '@siyu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  type FormRule,
  Input,
  InputNumber,
  Space,
  Spin,
  Switch,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { fenToYuanText, parseYuan } from '../catalog/money';
import { orderKeys, useOrderSettings } from './orders-api';

/** The form holds yuan as text (exact, parsed digit by digit); the API takes fen. Names follow the body. */
type ProvinceValues = { province: string; fee: string; freeOver: string };
type Values = {
  paymentMinutes: number;
  shipping: {
    express: { enabled: boolean; flatFee: string; freeOver: string; provinces: ProvinceValues[] };
    pickup: { enabled: boolean };
  };
};

const toForm = (s: OrderSettings): Values => ({
  paymentMinutes: s.paymentMinutes,
  shipping: {
    express: {
      enabled: s.shipping.express.enabled,
      flatFee: fenToYuanText(s.shipping.express.flatFee),
      freeOver: fenToYuanText(s.shipping.express.freeOver),
      provinces: s.shipping.express.provinces.map((p) => ({
        province: p.province,
        fee: fenToYuanText(p.fee),
        freeOver: fenToYuanText(p.freeOver),
      })),
    },
    pickup: { enabled: s.shipping.pickup.enabled },
  },
});

const fen = (v: string) => parseYuan(v) ?? 0;
const fenOrNull = (v: string) => parseYuan(v) ?? null;

const toBody = (v: Values): OrderSettings => ({
  paymentMinutes: v.paymentMinutes,
  shipping: {
    express: {
      enabled: v.shipping.express.enabled,
      flatFee: fen(v.shipping.express.flatFee),
      freeOver: fenOrNull(v.shipping.express.freeOver),
      provinces: (v.shipping.express.provinces ?? []).map((p) => ({
        province: p.province.trim(),
        fee: fen(p.fee),
        freeOver: fenOrNull(p.freeOver),
      })),
    },
    pickup: { enabled: v.shipping.pickup.enabled },
  },
});

export function OrderSettingsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const settings = useOrderSettings();
  if (settings.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <div>
      <PageHeader title={t('orders.settings.title')} />
      {!can('orders.manage') && (
        <Alert type="info" showIcon title={t('orders.settings.readOnly')} style={{ marginBottom: 16, maxWidth: 720 }} />
      )}
      <SettingsForm initial={settings.data} readOnly={!can('orders.manage')} />
    </div>
  );
}

function SettingsForm({ initial, readOnly }: { initial: OrderSettings; readOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const expressOn = Form.useWatch(['shipping', 'express', 'enabled'], form) ?? initial.shipping.express.enabled;
  const save = useMutation({
    mutationFn: (v: Values) => call(adminOrderRoutes.updateSettings, { body: toBody(v) }),
    onSuccess: (res) => {
      qc.setQueryData(orderKeys.settings, res);
      form.setFieldsValue(toForm(res));
      void message.success(t('orders.settings.saved'));
    },
    onError: (e) => showError(e, form),
  });

  const yuanRule = (required: boolean): FormRule => ({
    validator: async (_, v: string | undefined) => {
      const parsed = parseYuan(v);
      if (parsed === undefined || (required && parsed === null)) throw new Error(t('orders.settings.amountInvalid'));
    },
  });
  const yuan = (placeholder?: string) => (
    <Input prefix="¥" inputMode="decimal" placeholder={placeholder} style={{ width: 160 }} />
  );

  return (
    <Form<Values>
      form={form}
      name="order_settings"
      layout="vertical"
      initialValues={toForm(initial)}
      onFinish={(v) => save.mutate(v)}
      disabled={readOnly}
      style={{ maxWidth: 720 }}
      scrollToFirstError
    >
      <Card size="small" title={t('orders.settings.payment')} style={{ marginBottom: 16 }}>
        <Form.Item
          name="paymentMinutes"
          label={t('orders.settings.paymentMinutes')}
          extra={t('orders.settings.paymentMinutesHint', {
            min: ORDER_LIMITS.paymentMinutesMin,
            max: ORDER_LIMITS.paymentMinutesMax,
          })}
          rules={[
            { required: true },
            { type: 'integer', min: ORDER_LIMITS.paymentMinutesMin, max: ORDER_LIMITS.paymentMinutesMax },
          ]}
        >
          <InputNumber min={ORDER_LIMITS.paymentMinutesMin} max={ORDER_LIMITS.paymentMinutesMax} precision={0} />
        </Form.Item>
      </Card>
      <Card size="small" title={t('orders.settings.express')} style={{ marginBottom: 16 }}>
        <Form.Item
          name={['shipping', 'express', 'enabled']}
          label={t('orders.settings.expressEnabled')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Space wrap size={24} align="start" style={{ display: expressOn ? undefined : 'none' }}>
          <Form.Item
            name={['shipping', 'express', 'flatFee']}
            label={t('orders.settings.flatFee')}
            rules={[yuanRule(true)]}
          >
            {yuan()}
          </Form.Item>
          <Form.Item
            name={['shipping', 'express', 'freeOver']}
            label={t('orders.settings.freeOver')}
            extra={t('orders.settings.freeOverHint')}
            rules={[yuanRule(false)]}
          >
            {yuan()}
          </Form.Item>
        </Space>
        <div style={{ display: expressOn ? undefined : 'none' }}>
          <Typography.Text strong>{t('orders.settings.provinces')}</Typography.Text>
          <Typography.Paragraph type="secondary">
            {t('orders.settings.provincesHint', { max: ORDER_LIMITS.provinceRules })}
          </Typography.Paragraph>
          <Form.List name={['shipping', 'express', 'provinces']}>
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 && (
                  <Typography.Paragraph type="secondary">{t('orders.settings.provincesNone')}</Typography.Paragraph>
                )}
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item
                      name={[f.name, 'province']}
                      label={t('orders.settings.province')}
                      rules={[
                        { required: true, whitespace: true, max: 20 },
                        {
                          validator: async (_, v: string | undefined) => {
                            const all: ProvinceValues[] =
                              form.getFieldValue(['shipping', 'express', 'provinces']) ?? [];
                            if (v && all.filter((p) => p?.province?.trim() === v.trim()).length > 1)
                              throw new Error(t('orders.settings.duplicateProvince'));
                          },
                        },
                      ]}
                    >
                      <Input maxLength={20} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'fee']} label={t('orders.settings.flatFee')} rules={[yuanRule(true)]}>
                      {yuan()}
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'freeOver']}
                      label={t('orders.settings.freeOver')}
                      rules={[yuanRule(false)]}
                    >
                      {yuan()}
                    </Form.Item>
                    <Form.Item label=" ">
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        onClick={() => remove(f.name)}
                      />
                    </Form.Item>
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  disabled={readOnly || fields.length >= ORDER_LIMITS.provinceRules}
                  onClick={() => add({ province: '', fee: '', freeOver: '' })}
                >
                  {t('orders.settings.addProvince')}
                </Button>
              </>
            )}
          </Form.List>
        </div>
      </Card>
      <Card size="small" title={t('orders.settings.pickup')} style={{ marginBottom: 16 }}>
        <Form.Item
          name={['shipping', 'pickup', 'enabled']}
          label={t('orders.settings.pickupEnabled')}
          extra={t('orders.settings.pickupHint')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Card>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}

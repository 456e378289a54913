import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../../api/queries';
import { useAuth } from '../../app/auth';
import { TagSelect } from '../tags/tag-select';
import { type FilterKey, type Filters, useCustomFields } from './customers-api';
import { fenToYuan, yuanToFen } from './format';

export const ADVANCED_KEYS: FilterKey[] = [
  'tagsAll',
  'tagsNone',
  'sourceChannel',
  'storeId',
  'spentMin',
  'spentMax',
  'ordersMin',
  'ordersMax',
  'activeFrom',
  'activeTo',
  'birthMonth',
  'customKey',
  'customValue',
];

type Values = {
  tagsAll?: string[];
  tagsNone?: string[];
  sourceChannel?: string;
  storeId?: string;
  spentMin?: number | null;
  spentMax?: number | null;
  ordersMin?: number | null;
  ordersMax?: number | null;
  active?: [Dayjs | null, Dayjs | null] | null;
  birthMonth?: number;
  customKey?: string;
  customValue?: string;
};

const csv = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);
const str = (v: number | string | null | undefined) =>
  v === null || v === undefined || v === '' ? undefined : String(v);

function toValues(f: Filters): Values {
  return {
    tagsAll: csv(f.tagsAll),
    tagsNone: csv(f.tagsNone),
    sourceChannel: f.sourceChannel,
    storeId: f.storeId,
    spentMin: fenToYuan(f.spentMin),
    spentMax: fenToYuan(f.spentMax),
    ordersMin: f.ordersMin ? Number(f.ordersMin) : undefined,
    ordersMax: f.ordersMax ? Number(f.ordersMax) : undefined,
    active:
      f.activeFrom || f.activeTo
        ? [f.activeFrom ? dayjs(f.activeFrom) : null, f.activeTo ? dayjs(f.activeTo) : null]
        : null,
    birthMonth: f.birthMonth ? Number(f.birthMonth) : undefined,
    customKey: f.customKey,
    customValue: f.customValue,
  };
}

function toFilters(v: Values): Filters {
  return {
    tagsAll: v.tagsAll?.length ? v.tagsAll.join(',') : undefined,
    tagsNone: v.tagsNone?.length ? v.tagsNone.join(',') : undefined,
    sourceChannel: v.sourceChannel?.trim() || undefined,
    storeId: v.storeId,
    spentMin: str(yuanToFen(v.spentMin)),
    spentMax: str(yuanToFen(v.spentMax)),
    ordersMin: str(v.ordersMin),
    ordersMax: str(v.ordersMax),
    activeFrom: v.active?.[0]?.format('YYYY-MM-DD'),
    activeTo: v.active?.[1]?.format('YYYY-MM-DD'),
    birthMonth: str(v.birthMonth),
    customKey: v.customKey,
    customValue: v.customKey ? v.customValue?.trim() || undefined : undefined,
  };
}

/** The less used filters, as a labelled form: Enter or "Apply" applies them. */
export function AdvancedFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const org = useOrgUnits(can('org.read'));
  const fields = useCustomFields();
  const [form] = Form.useForm<Values>();
  const stores = (org.data?.items ?? []).filter((u) => u.kind === 'store');
  // Filters changed elsewhere (cleared, back button): show them.
  useEffect(() => form.setFieldsValue(toValues(value)), [value, form]);
  const apply = (v: Values) => onChange({ ...value, ...toFilters(v) });
  const reset = () => {
    const cleared = Object.fromEntries(ADVANCED_KEYS.map((k) => [k, undefined]));
    onChange({ ...value, ...cleared });
  };
  const range = (a: string, b: string, suffix?: string) => (
    <Space.Compact block>
      <Form.Item name={a} noStyle>
        <InputNumber
          min={0}
          aria-label={t(`customers.filter.${a}`)}
          placeholder={t('customers.filter.min')}
          style={{ width: '50%' }}
          suffix={suffix}
        />
      </Form.Item>
      <Form.Item name={b} noStyle>
        <InputNumber
          min={0}
          aria-label={t(`customers.filter.${b}`)}
          placeholder={t('customers.filter.max')}
          style={{ width: '50%' }}
          suffix={suffix}
        />
      </Form.Item>
    </Space.Compact>
  );

  return (
    <Form<Values>
      name="customer-filters"
      form={form}
      layout="vertical"
      initialValues={toValues(value)}
      onFinish={apply}
      style={{ marginTop: 12, padding: 16, background: '#fff', borderRadius: 8 }}
    >
      <Row gutter={16}>
        {can('tags.read') && (
          <>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="tagsAll" label={t('customers.filter.tagsAll')}>
                <TagSelect />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="tagsNone" label={t('customers.filter.tagsNone')}>
                <TagSelect />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="sourceChannel" label={t('customers.sourceChannel')}>
            <Input maxLength={60} placeholder={t('customers.filter.sourceHint')} />
          </Form.Item>
        </Col>
        {can('org.read') && (
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="storeId" label={t('customers.store')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={stores.map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12} xl={6}>
          <Form.Item label={t('customers.filter.spent')}>{range('spentMin', 'spentMax', '元')}</Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label={t('customers.filter.orders')}>{range('ordersMin', 'ordersMax')}</Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="active" label={t('customers.filter.lastActive')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="birthMonth" label={t('customers.filter.birthMonth')}>
            <Select
              allowClear
              options={Array.from({ length: 12 }, (_, i) => ({
                value: i + 1,
                label: t('customers.filter.month', { month: i + 1 }),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="customKey" label={t('customers.filter.customKey')}>
            <Select allowClear options={(fields.data ?? []).map((f) => ({ value: f.key, label: f.label }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="customValue" label={t('customers.filter.customValue')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('customers.filter.apply')}
        </Button>
        <Button onClick={reset}>{t('customers.filter.reset')}</Button>
      </Space>
    </Form>
  );
}

import { CreateCustomerInput, type Customer, customerRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Divider, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useOrgUnits } from '../../api/queries';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { FormDrawer } from '../../app/form-drawer';
import { blankToNull, zodRule } from '../../app/validation';
import { CustomFieldItems, customToForm, formToCustom, keptCustom } from './custom-field-input';
import { useCustomFields, useSetCustomer } from './customers-api';

type Values = {
  name?: string;
  nickname?: string;
  phone?: string;
  gender: Customer['gender'];
  birthday?: Dayjs | null;
  lunarBirthday?: string;
  province?: string;
  city?: string;
  district?: string;
  email?: string;
  avatarUrl?: string;
  storeId?: string | null;
  custom?: Record<string, unknown>;
};

type Props = { open: boolean; customer?: Customer; onClose: () => void; onSaved?: (c: Customer) => void };
const shape = CreateCustomerInput.shape;
const GENDERS = ['unknown', 'male', 'female'] as const;

/** Adds a customer, or edits the attributes and custom fields of one. */
export function CustomerFormDrawer({ open, customer, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const showError = useShowError();
  const setCustomer = useSetCustomer();
  const [form] = Form.useForm<Values>();
  const fields = useCustomFields(open);
  const org = useOrgUnits(open && can('org.read'));
  const defs = fields.data ?? [];
  const stores = (org.data?.items ?? []).filter((u) => u.kind === 'store');

  // Definitions arriving after the drawer opened: fill their current values in.
  useEffect(() => {
    if (open && customer && fields.data) form.setFieldsValue({ custom: customToForm(fields.data, customer.custom) });
  }, [open, customer, fields.data, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: blankToNull(v.name),
        nickname: blankToNull(v.nickname),
        gender: v.gender,
        birthday: v.birthday ? v.birthday.format('YYYY-MM-DD') : null,
        lunarBirthday: blankToNull(v.lunarBirthday),
        province: blankToNull(v.province),
        city: blankToNull(v.city),
        district: blankToNull(v.district),
        email: blankToNull(v.email),
        avatarUrl: blankToNull(v.avatarUrl),
        ...(can('org.read') ? { storeId: v.storeId ?? null } : {}),
        custom: { ...keptCustom(customer?.custom), ...formToCustom(defs, v.custom) },
      };
      if (customer) return call(customerRoutes.update, { params: { id: customer.id }, body });
      return call(customerRoutes.create, { body: { ...body, phone: blankToNull(v.phone) } });
    },
    onSuccess: async (c) => {
      await setCustomer(c);
      void message.success(t(customer ? 'customers.updated' : 'customers.created'));
      onClose();
      onSaved?.(c);
    },
    onError: (e) => showError(e, form),
  });

  const initialValues: Partial<Values> = customer
    ? {
        name: customer.name ?? '',
        nickname: customer.nickname ?? '',
        gender: customer.gender,
        birthday: customer.birthday ? dayjs(customer.birthday) : null,
        lunarBirthday: customer.lunarBirthday ?? '',
        province: customer.province ?? '',
        city: customer.city ?? '',
        district: customer.district ?? '',
        email: customer.email ?? '',
        avatarUrl: customer.avatarUrl ?? '',
        storeId: customer.store?.id ?? null,
        custom: customToForm(defs, customer.custom),
      }
    : { gender: 'unknown', custom: {} };

  return (
    <FormDrawer<Values>
      name="customer"
      open={open}
      title={t(customer ? 'customers.editTitle' : 'customers.createTitle')}
      onClose={onClose}
      form={form}
      initialValues={initialValues}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="name" label={t('customers.name')} rules={[zodRule(shape.name, t, { optional: true })]}>
        <Input autoFocus maxLength={100} />
      </Form.Item>
      <Form.Item name="nickname" label={t('customers.nickname')}>
        <Input maxLength={100} />
      </Form.Item>
      {!customer && (
        <Form.Item
          name="phone"
          label={t('customers.phone')}
          rules={[zodRule(shape.phone, t, { optional: true })]}
          extra={t('customers.phoneHelp')}
        >
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
      )}
      <Form.Item name="gender" label={t('customers.gender')}>
        <Radio.Group options={GENDERS.map((g) => ({ value: g, label: t(`customers.genders.${g}`) }))} />
      </Form.Item>
      <Form.Item name="birthday" label={t('customers.birthday')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="lunarBirthday"
        label={t('customers.lunarBirthday')}
        extra={t('customers.lunarHelp')}
        rules={[zodRule(shape.lunarBirthday, t, { optional: true })]}
      >
        <Input placeholder="08-15" maxLength={8} />
      </Form.Item>
      <Form.Item name="email" label={t('customers.email')} rules={[zodRule(shape.email, t, { optional: true })]}>
        <Input inputMode="email" />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 }}>
        <Form.Item name="province" label={t('customers.province')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="city" label={t('customers.city')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="district" label={t('customers.district')}>
          <Input maxLength={40} />
        </Form.Item>
      </div>
      {can('org.read') && (
        <Form.Item name="storeId" label={t('customers.store')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={stores.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="avatarUrl"
        label={t('customers.avatarUrl')}
        rules={[zodRule(shape.avatarUrl, t, { optional: true })]}
      >
        <Input inputMode="url" placeholder="https://" />
      </Form.Item>
      {defs.length > 0 && <Divider titlePlacement="start">{t('customers.fields.title')}</Divider>}
      <CustomFieldItems defs={defs} t={t} />
    </FormDrawer>
  );
}

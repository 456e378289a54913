import { AddressFields, shopOrderRoutes } from '@siyu/contracts';
import { Button, Dialog, Form, Input, Skeleton, Switch, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { call } from '../../api/client';
import { errorText, showFieldErrors, zodRule } from '../../api/errors';
import { FormError } from '../../app/FormError';
import { Page } from '../../app/Page';
import { PageError } from '../../app/PageState';
import { shopPath, useSlug } from '../../app/useSlug';
import { chooseAddress } from '../checkout/checkout-draft';
import { type Address, useAddresses, useInvalidateAddresses } from './addresses-api';
import './addresses.css';

type Values = {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  isDefault: boolean;
};
const FIELDS = ['name', 'phone', 'province', 'city', 'district', 'detail'] as const;

/**
 * /t/:slug/me/addresses/new and /me/addresses/:id — one address: recipient, phone, 省/市/区 and the
 * street address, default or not. With `?pick=N` (from the checkout) the saved address is chosen for
 * the order and the page goes N pages back.
 */
export function AddressEditPage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const id = useParams().id ?? 'new';
  const list = useAddresses(slug);
  const isNew = id === 'new';
  const existing = list.data?.items.find((a) => a.id === id);

  const body = () => {
    if (isNew) return <AddressForm address={null} />;
    if (list.isPending)
      return (
        <div className="shop-card" aria-busy="true">
          <Skeleton.Paragraph lineCount={6} animated />
        </div>
      );
    if (list.isError) return <PageError error={list.error} onRetry={() => list.refetch()} />;
    if (!existing) return <PageError error={null} />;
    return <AddressForm address={existing} />;
  };
  return (
    <Page title={isNew ? t('address.addTitle') : t('address.editTitle')} fallback={shopPath(slug, 'me/addresses')}>
      {body()}
    </Page>
  );
}

function AddressForm({ address }: { address: Address | null }) {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const pick = Number(useSearchParams()[0].get('pick') ?? 0);
  const invalidate = useInvalidateAddresses(slug);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onFinish = async (values: Values) => {
    setError(null);
    setSaving(true);
    try {
      const body = {
        name: values.name.trim(),
        phone: values.phone.trim(),
        province: values.province.trim(),
        city: values.city.trim(),
        district: values.district.trim(),
        detail: values.detail.trim(),
        isDefault: values.isDefault,
      };
      const saved = address
        ? await call(shopOrderRoutes.updateAddress, { params: { slug, id: address.id }, body })
        : await call(shopOrderRoutes.createAddress, { params: { slug }, body });
      await invalidate();
      Toast.show({ icon: 'success', content: t('address.saved') });
      if (pick) {
        chooseAddress(slug, saved.id);
        navigate(-pick);
      } else navigate(-1);
    } catch (e) {
      if (!showFieldErrors(form, e, t, FIELDS)) setError(errorText(e, t));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!address) return;
    const ok = await Dialog.confirm({ content: t('address.deleteConfirm'), confirmText: t('address.delete') });
    if (!ok) return;
    try {
      await call(shopOrderRoutes.deleteAddress, { params: { slug, id: address.id } });
      await invalidate();
      Toast.show({ content: t('address.deleted') });
      navigate(-1);
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  const text = (field: (typeof FIELDS)[number], message: string) => [zodRule(AddressFields.shape[field], message)];
  return (
    <Form
      name="address"
      form={form}
      layout="horizontal"
      mode="card"
      initialValues={
        address ?? { name: '', phone: '', province: '', city: '', district: '', detail: '', isDefault: false }
      }
      onFinish={onFinish}
      footer={
        <>
          <FormError message={error} />
          <Button
            block
            type="submit"
            color="primary"
            size="large"
            shape="rounded"
            loading={saving}
            data-testid="address-save"
          >
            {t('address.save')}
          </Button>
          {address && (
            <Button block fill="none" color="danger" className="address-form__delete" onClick={remove}>
              {t('address.delete')}
            </Button>
          )}
        </>
      }
    >
      <Form.Item name="name" label={t('address.name')} rules={text('name', t('address.nameRequired'))}>
        <Input name="name" maxLength={30} clearable placeholder={t('address.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="phone" label={t('address.phone')} rules={text('phone', t('validation.phone'))}>
        <Input name="phone" type="tel" maxLength={11} clearable placeholder={t('login.phonePlaceholder')} />
      </Form.Item>
      <Form.Item name="province" label={t('address.province')} rules={text('province', t('address.required'))}>
        <Input name="province" maxLength={20} clearable placeholder={t('address.provincePlaceholder')} />
      </Form.Item>
      <Form.Item name="city" label={t('address.city')} rules={text('city', t('address.required'))}>
        <Input name="city" maxLength={20} clearable placeholder={t('address.cityPlaceholder')} />
      </Form.Item>
      <Form.Item name="district" label={t('address.district')} rules={text('district', t('address.required'))}>
        <Input name="district" maxLength={20} clearable placeholder={t('address.districtPlaceholder')} />
      </Form.Item>
      <Form.Item name="detail" label={t('address.detail')} rules={text('detail', t('address.required'))}>
        <TextArea name="detail" maxLength={120} autoSize placeholder={t('address.detailPlaceholder')} />
      </Form.Item>
      <Form.Item name="isDefault" label={t('address.setDefault')} childElementPosition="right" valuePropName="checked">
        <Switch />
      </Form.Item>
    </Form>
  );
}

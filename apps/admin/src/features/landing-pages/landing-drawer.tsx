import { UploadOutlined } from '@ant-design/icons';
import { CATALOG_LIMITS, type LandingPage, LandingPageInput, landingRoutes, type LiveCode } from '@siyu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Radio, Select, Space, Switch, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useAuth, useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { FormDrawer } from '../../app/form-drawer';
import { blankToNull, zodRule } from '../../app/validation';
import { IMAGE_ACCEPT, IMAGE_TYPES, uploadCatalogImage } from '../catalog/upload-image';
import { landingKey, useLiveCodeOptions } from './landing-api';

type Values = {
  slug: string;
  kind: LandingPage['kind'];
  title: string;
  benefitText: string;
  imageUrl?: string;
  buttonText?: string;
  helpText?: string;
  codeId?: string;
  storeCodeIds?: string[];
  published: boolean;
};

export type LandingEditing = { page?: LandingPage } | null;
const shape = LandingPageInput.shape;

function codeOption(c: LiveCode, storeName: (id: string | null) => string | null) {
  const store = storeName(c.orgUnitId);
  return { value: c.id, label: store ? `${c.name} · ${store}` : c.name };
}

/** Create or edit one landing page. */
export function LandingDrawer(p: {
  editing: LandingEditing;
  onClose: () => void;
  storeName: (id: string | null) => string | null;
  shopBase: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const session = useSession();
  const qc = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [uploading, setUploading] = useState(false);
  const codes = useLiveCodeOptions(!!p.editing);
  const page = p.editing?.page;
  const all = codes.data?.items ?? [];
  const options = all.map((c) => codeOption(c, p.storeName));
  const storeOptions = all.filter((c) => c.orgUnitId).map((c) => codeOption(c, p.storeName));

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        slug: v.slug,
        kind: v.kind,
        title: v.title,
        benefitText: v.benefitText,
        imageUrl: blankToNull(v.imageUrl),
        buttonText: blankToNull(v.buttonText),
        helpText: blankToNull(v.helpText),
        codeId: v.codeId ?? '',
        storeCodeIds: v.kind === 'nearest_store' ? (v.storeCodeIds ?? []) : [],
        status: v.published ? ('published' as const) : ('offline' as const),
      };
      return page
        ? call(landingRoutes.update, { params: { id: page.id }, body })
        : call(landingRoutes.create, { body });
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: landingKey });
      void message.success(t(page ? 'landing.updated' : 'landing.created'));
      p.onClose();
    },
    onError: (e) => showError(e, form),
  });

  const initialValues: Partial<Values> = page
    ? {
        slug: page.slug,
        kind: page.kind,
        title: page.title,
        benefitText: page.benefitText,
        imageUrl: page.imageUrl ?? '',
        buttonText: page.buttonText ?? '',
        helpText: page.helpText ?? '',
        codeId: page.codeId,
        storeCodeIds: page.storeCodeIds,
        published: page.status === 'published',
      }
    : { kind: 'code', published: true, storeCodeIds: [] };

  return (
    <FormDrawer<Values>
      name="landing"
      open={!!p.editing}
      title={page ? t('landing.form.editTitle', { name: page.title }) : t('landing.form.createTitle')}
      onClose={p.onClose}
      form={form}
      initialValues={initialValues}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
      size={600}
    >
      {codes.isSuccess && all.length === 0 && (
        <Typography.Paragraph type="warning">{t('landing.form.noCodes')}</Typography.Paragraph>
      )}
      <Form.Item name="kind" required label={t('landing.form.kind')} extra={t(`landing.kindHint.${kind ?? 'code'}`)}>
        <Radio.Group
          optionType="button"
          options={(['code', 'nearest_store'] as const).map((k) => ({ value: k, label: t(`landing.kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="title" required label={t('landing.form.title')} rules={[zodRule(shape.title, t)]}>
        <Input autoFocus maxLength={40} showCount />
      </Form.Item>
      <Form.Item
        name="benefitText"
        required
        label={t('landing.form.benefitText')}
        rules={[zodRule(shape.benefitText, t)]}
      >
        <Input maxLength={60} showCount placeholder={t('landing.form.benefitPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('landing.form.imageUrl')}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="imageUrl" noStyle rules={[zodRule(shape.imageUrl, t, { optional: true })]}>
            <Input placeholder={t('landing.form.imagePlaceholder')} />
          </Form.Item>
          {can('catalog.manage') && (
            <Upload
              accept={IMAGE_ACCEPT}
              showUploadList={false}
              beforeUpload={(file) => IMAGE_TYPES.includes(file.type) && file.size <= CATALOG_LIMITS.imageBytes}
              customRequest={async ({ file, onSuccess, onError }) => {
                setUploading(true);
                try {
                  const img = await uploadCatalogImage(file as File, session.csrfToken);
                  form.setFieldValue('imageUrl', img.url);
                  onSuccess?.(img);
                } catch (e) {
                  onError?.(e as Error);
                  showError(e);
                } finally {
                  setUploading(false);
                }
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading}>
                {t('landing.form.upload')}
              </Button>
            </Upload>
          )}
        </Space.Compact>
      </Form.Item>
      <Form.Item
        name="buttonText"
        label={t('landing.form.buttonText')}
        rules={[zodRule(shape.buttonText, t, { optional: true })]}
      >
        <Input maxLength={16} placeholder={t('landing.form.buttonPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="helpText"
        label={t('landing.form.helpText')}
        rules={[zodRule(shape.helpText, t, { optional: true })]}
      >
        <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} placeholder={t('landing.form.helpPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="codeId"
        required
        label={t(kind === 'nearest_store' ? 'landing.form.defaultCodeId' : 'landing.form.codeId')}
        rules={[zodRule(shape.codeId, t)]}
      >
        <Select showSearch={{ optionFilterProp: 'label' }} options={options} loading={codes.isPending} />
      </Form.Item>
      {kind === 'nearest_store' && (
        <Form.Item
          name="storeCodeIds"
          required
          label={t('landing.form.storeCodeIds')}
          extra={t('landing.form.storeCodesHint')}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={storeOptions}
            loading={codes.isPending}
          />
        </Form.Item>
      )}
      <Form.Item
        name="slug"
        required
        label={t('landing.form.slug')}
        extra={t('landing.form.slugHint', { base: p.shopBase })}
        rules={[zodRule(shape.slug, t)]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="published" label={t('landing.form.status')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormDrawer>
  );
}

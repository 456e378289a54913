import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  CATALOG_LIMITS,
  type CatalogImage,
  catalogProductRoutes,
  type Product,
  type ProductStatus,
} from '@siyu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Popconfirm, Skeleton, Space, Tooltip } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useSaveShortcut, useUnsavedGuard } from './editor-guards';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { call, isApiError } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { blankToNull } from '../../app/validation';
import { catalogKeys, useCategories, useInvalidateCatalog, useProduct } from './catalog-api';
import { DescriptionField } from './description-field';
import { ImagesField } from './images-field';
import { StatusTag } from './product-columns';
import { ProductBasicsCard } from './product-basics-card';
import { SkuMatrix } from './sku-matrix';
import {
  cleanSpecs,
  comboCount,
  emptySkuRow,
  productRows,
  rebuildMatrix,
  rowsToInput,
  type SkuRow,
  type SpecRow,
} from './sku-model';
import { SpecEditor } from './spec-editor';

type Values = {
  title: string;
  subtitle?: string;
  categoryId?: string;
  tags: string[];
  status: ProductStatus;
  sortWeight: number;
  lowStockThreshold: number;
  description: string;
  imageIds: string[];
  specs: SpecRow[];
  skus: SkuRow[];
};

/** /catalog/products/new and /catalog/products/:id: loads what the form needs, then shows it. */
export function ProductEditorPage() {
  const { id } = useParams();
  const product = useProduct(id);
  const categories = useCategories();
  if (id && product.isError) return <LoadError error={product.error} onRetry={() => void product.refetch()} />;
  if (categories.isError) return <LoadError error={categories.error} onRetry={() => void categories.refetch()} />;
  if ((id && product.isPending) || categories.isPending) return <Skeleton active />;
  // A new key after each save starts the form afresh from the saved product.
  return <ProductForm key={product.data?.updatedAt ?? 'new'} product={product.data} />;
}

function ProductForm({ product }: { product?: Product }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const showError = useShowError();
  const invalidate = useInvalidateCatalog();
  const [form] = Form.useForm<Values>();
  const readOnly = !can('catalog.manage');
  const [urls, setUrls] = useState(() => new Map((product?.images ?? []).map((i) => [i.id, i.url])));
  const lastSpecs = useRef<SpecRow[]>(product?.specs ?? []);
  const guard = useUnsavedGuard();

  const specsRaw = Form.useWatch('specs', form) as SpecRow[] | undefined;
  const imageIds = Form.useWatch('imageIds', form) as string[] | undefined;
  const specs = useMemo(() => cleanSpecs(specsRaw), [specsRaw]);
  const combos = comboCount(specs);
  const tooMany = combos > CATALOG_LIMITS.skusPerProduct;

  const initialValues: Values = product
    ? {
        title: product.title,
        subtitle: product.subtitle ?? '',
        categoryId: product.categoryId,
        tags: product.tags,
        status: product.status,
        sortWeight: product.sortWeight,
        lowStockThreshold: product.lowStockThreshold,
        description: product.description,
        imageIds: product.images.map((i) => i.id),
        specs: product.specs,
        skus: productRows(product),
      }
    : {
        title: '',
        tags: [],
        status: 'draft',
        sortWeight: 0,
        lowStockThreshold: 5,
        description: '',
        imageIds: [],
        specs: [],
        skus: [emptySkuRow({})],
      };

  /** Specs changed: rebuild the matrix, keeping the rows of surviving combinations. */
  const onSpecsChange = (raw: SpecRow[]) => {
    const prev = lastSpecs.current;
    lastSpecs.current = raw;
    let rows = (form.getFieldValue('skus') as SkuRow[] | undefined) ?? [];
    // A renamed attribute (same position, same count) carries its values over under the new name.
    if (prev.length === raw.length) {
      const renames = new Map<string, string>();
      raw.forEach((s, i) => {
        const before = prev[i]?.name?.trim();
        const after = s?.name?.trim();
        if (before && after && before !== after) renames.set(before, after);
      });
      if (renames.size > 0)
        rows = rows.map((r) => ({
          ...r,
          spec: Object.fromEntries(Object.entries(r.spec).map(([k, v]) => [renames.get(k) ?? k, v])),
        }));
    }
    const clean = cleanSpecs(raw);
    if (comboCount(clean) > CATALOG_LIMITS.skusPerProduct) return;
    form.setFieldValue('skus', rebuildMatrix(clean, rows));
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        title: v.title.trim(),
        subtitle: blankToNull(v.subtitle),
        categoryId: v.categoryId ?? '',
        tags: v.tags,
        status: v.status,
        sortWeight: v.sortWeight ?? 0,
        lowStockThreshold: v.lowStockThreshold ?? 0,
        description: v.description ?? '',
        imageIds: v.imageIds,
        specs: cleanSpecs(v.specs),
        skus: rowsToInput(v.skus),
      };
      return product
        ? call(catalogProductRoutes.updateProduct, { params: { id: product.id }, body })
        : call(catalogProductRoutes.createProduct, { body });
    },
    onSuccess: async (p) => {
      guard.markSaved();
      qc.setQueryData(catalogKeys.product(p.id), p);
      await invalidate();
      void message.success(t(product ? 'catalog.editor.saved' : 'catalog.editor.created'));
      if (!product) navigate(`/catalog/products/${p.id}`, { replace: true });
    },
    onError: (e) => {
      // Name the SKUs that still hold stock, from the product as it was loaded.
      const skuIds = isApiError(e) && e.code === 'SKU_HAS_STOCK' ? (e.details as { skuIds?: unknown })?.skuIds : null;
      if (Array.isArray(skuIds) && product) {
        const names = product.skus
          .filter((s) => skuIds.includes(s.id))
          .map((s) => s.specText || t('catalog.editor.default'));
        void message.error(t('catalog.editor.removedWithStock', { skus: names.join('、') }), 8);
        return;
      }
      showError(e, form);
    },
  });

  const remove = useMutation({
    mutationFn: () => call(catalogProductRoutes.deleteProduct, { params: { id: product?.id ?? '' } }),
    onSuccess: async () => {
      guard.markSaved();
      await invalidate();
      void message.success(t('catalog.products.deleted'));
      navigate('/catalog/products');
    },
    onError: (e) => showError(e),
  });

  const imageList = (imageIds ?? []).flatMap((id) => {
    const url = urls.get(id);
    return url ? [{ id, url }] : [];
  });

  useSaveShortcut(!readOnly && !save.isPending, form.submit);

  return (
    <div>
      <PageHeader
        title={product ? product.title : t('catalog.editor.createTitle')}
        extra={
          <>
            {product && <StatusTag status={product.status} t={t} />}
            {product && (
              <Button
                onClick={() =>
                  navigate(`/catalog/stock?productId=${product.id}&product=${encodeURIComponent(product.title)}`)
                }
              >
                {t('catalog.editor.viewStock')}
              </Button>
            )}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/catalog/products')}>
              {t('catalog.editor.back')}
            </Button>
          </>
        }
      />
      <Form<Values>
        name="product"
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={readOnly}
        scrollToFirstError
        onValuesChange={(changed: Partial<Values>, all: Values) => {
          guard.markDirty();
          if ('specs' in changed) onSpecsChange(all.specs ?? []);
        }}
        onFinish={() => {
          if (tooMany) return;
          // The whole store: the SKU rows carry their spec, which has no input of its own.
          save.mutate(form.getFieldsValue(true) as Values);
        }}
        onFinishFailed={() => void message.error(t('catalog.editor.notSaved'))}
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <ProductBasicsCard isNew={!product} />

          <Card title={t('catalog.editor.images')}>
            <Form.Item
              name="imageIds"
              extra={t('catalog.editor.imagesHelp', {
                mb: CATALOG_LIMITS.imageBytes / 1024 / 1024,
                max: CATALOG_LIMITS.imagesPerProduct,
              })}
              style={{ marginBottom: 0 }}
            >
              <ImagesField
                urls={urls}
                disabled={readOnly}
                onUploaded={(img: CatalogImage) => setUrls((m) => new Map(m).set(img.id, img.url))}
              />
            </Form.Item>
          </Card>

          <Card
            title={t('catalog.editor.specs')}
            extra={<span style={{ color: '#8c8c8c' }}>{t('catalog.editor.skuCount', { count: combos })}</span>}
          >
            <p style={{ color: '#8c8c8c', marginTop: 0 }}>
              {t('catalog.editor.specsHelp', {
                attrs: CATALOG_LIMITS.specAttributes,
                values: CATALOG_LIMITS.specValues,
              })}
            </p>
            <SpecEditor disabled={readOnly} />
            {tooMany && (
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 12 }}
                title={t('catalog.editor.tooManySkus', { count: combos, max: CATALOG_LIMITS.skusPerProduct })}
              />
            )}
            <div style={{ marginTop: 16 }}>
              <SkuMatrix form={form} specs={specs} existing={!!product} />
            </div>
          </Card>

          <Card title={t('catalog.editor.description')}>
            <Form.Item name="description" extra={t('catalog.editor.descriptionHelp')} style={{ marginBottom: 0 }}>
              <DescriptionField images={imageList} maxLength={CATALOG_LIMITS.descriptionChars} />
            </Form.Item>
          </Card>

          {!readOnly && (
            <div
              style={{
                position: 'sticky',
                bottom: 0,
                zIndex: 3,
                background: '#fff',
                padding: '12px 16px',
                borderTop: '1px solid #f0f0f0',
                display: 'flex',
                justifyContent: 'space-between',
                gap: 8,
              }}
            >
              <Space>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={save.isPending}
                  disabled={tooMany}
                  title={t('catalog.editor.saveHint')}
                >
                  {t('common.save')}
                </Button>
                <Button onClick={() => navigate('/catalog/products')}>{t('common.cancel')}</Button>
              </Space>
              {product &&
                (product.status === 'on_sale' ? (
                  <Tooltip title={t('catalog.editor.deleteOnSale')}>
                    <Button danger disabled>
                      {t('catalog.editor.deleteProduct')}
                    </Button>
                  </Tooltip>
                ) : (
                  <Popconfirm
                    title={t('catalog.products.deleteConfirm', { name: product.title })}
                    okText={t('common.delete')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove.mutateAsync().catch(() => undefined)}
                  >
                    <Button danger loading={remove.isPending}>
                      {t('catalog.editor.deleteProduct')}
                    </Button>
                  </Popconfirm>
                ))}
            </div>
          )}
        </Space>
      </Form>
    </div>
  );
}

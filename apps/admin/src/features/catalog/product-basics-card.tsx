import { CATALOG_LIMITS, ProductInput, type ProductStatus } from '@siyu/contracts';
import { Card, Form, Input, InputNumber, Radio, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { zodRule } from '../../app/validation';
import { buildCategoryTree, categoryTreeOptions, useCategories, useProductTags } from './catalog-api';
import { PRODUCT_STATUSES } from './format';
import type { SkuRow } from './sku-model';

const shape = ProductInput.shape;

/** The product editor's first card: title, subtitle, category, tags, status, sort weight, low-stock threshold. */
export function ProductBasicsCard({ isNew }: { isNew: boolean }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const tags = useProductTags();
  const tree = useMemo(() => categoryTreeOptions(buildCategoryTree(categories.data?.items ?? [])), [categories.data]);
  return (
    <Card title={t('catalog.editor.basics')}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: '0 16px' }}>
        <Form.Item name="title" label={t('catalog.editor.title')} required rules={[zodRule(shape.title, t)]}>
          <Input autoFocus={isNew} maxLength={60} showCount />
        </Form.Item>
        <Form.Item
          name="subtitle"
          label={t('catalog.editor.subtitle')}
          rules={[zodRule(shape.subtitle, t, { optional: true })]}
        >
          <Input maxLength={120} showCount />
        </Form.Item>
        <Form.Item
          name="categoryId"
          label={t('catalog.editor.category')}
          required
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <TreeSelect
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('catalog.editor.categoryPick')}
            treeData={tree}
            notFoundContent={
              <span>
                {t('catalog.editor.noCategories')}
                <Link to="/catalog/categories">{t('catalog.editor.goCategories')}</Link>
              </span>
            }
          />
        </Form.Item>
        <Form.Item name="tags" label={t('catalog.editor.tags')} extra={t('catalog.editor.tagsHint')}>
          <Select
            mode="tags"
            tokenSeparators={[',', '，']}
            maxCount={CATALOG_LIMITS.tagsPerProduct}
            options={(tags.data?.items ?? []).map((x) => ({ value: x.tag, label: x.tag }))}
          />
        </Form.Item>
        <Form.Item
          name="status"
          label={t('catalog.editor.status')}
          extra={t('catalog.editor.statusHelp')}
          dependencies={[['skus']]}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, v: ProductStatus) => {
                const rows = (getFieldValue('skus') as SkuRow[] | undefined) ?? [];
                if (v === 'on_sale' && !rows.some((r) => r.enabled)) throw new Error(t('catalog.editor.noEnabledSku'));
              },
            }),
          ]}
        >
          <Radio.Group
            optionType="button"
            options={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`catalog.status.${s}`) }))}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item
            name="sortWeight"
            label={t('catalog.editor.sortWeight')}
            tooltip={t('catalog.editor.sortWeightHelp')}
          >
            <InputNumber min={0} max={100_000} precision={0} />
          </Form.Item>
          <Form.Item
            name="lowStockThreshold"
            label={t('catalog.editor.lowStockThreshold')}
            tooltip={t('catalog.editor.lowStockHelp')}
          >
            <InputNumber min={0} max={100_000} precision={0} />
          </Form.Item>
        </div>
      </div>
    </Card>
  );
}

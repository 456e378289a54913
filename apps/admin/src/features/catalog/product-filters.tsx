import { Button, Checkbox, Input, Select, Space, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  buildCategoryTree,
  categoryTreeOptions,
  type ProductFilters as Filters,
  useCategories,
  useProductTags,
} from './catalog-api';
import { csv, joinCsv, PRODUCT_STATUSES } from './format';
import { fenToYuanText, parseYuan } from './money';

type Props = { value: Filters; onChange: (f: Filters) => void };

/** Search, category (with descendants), status, tag, price range in yuan (sent as fen) and low stock. */
export function ProductFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const categories = useCategories();
  const tags = useProductTags();
  const set = (patch: Filters) => onChange({ ...value, ...patch });
  const tree = useMemo(() => categoryTreeOptions(buildCategoryTree(categories.data?.items ?? [])), [categories.data]);
  const any = Object.values(value).some(Boolean);

  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 16 }}>
      <Input.Search
        key={value.q ?? ''}
        allowClear
        placeholder={t('catalog.products.filter.search')}
        aria-label={t('catalog.products.filter.searchLabel')}
        defaultValue={value.q}
        onSearch={(q) => set({ q: q.trim() || undefined })}
        style={{ width: 300 }}
      />
      <TreeSelect
        allowClear
        treeDefaultExpandAll
        showSearch={{ treeNodeFilterProp: 'title' }}
        placeholder={t('catalog.products.filter.category')}
        aria-label={t('catalog.products.filter.category')}
        value={value.categoryId}
        onChange={(categoryId?: string) => set({ categoryId })}
        treeData={tree}
        loading={categories.isLoading}
        style={{ width: 200 }}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('catalog.products.filter.status')}
        aria-label={t('catalog.products.filter.status')}
        value={csv(value.status)}
        onChange={(v: string[]) => set({ status: joinCsv(v) })}
        options={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`catalog.status.${s}`) }))}
        style={{ minWidth: 150 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('catalog.products.filter.tag')}
        aria-label={t('catalog.products.filter.tag')}
        value={value.tag}
        onChange={(tag?: string) => set({ tag })}
        loading={tags.isLoading}
        options={(tags.data?.items ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))}
        style={{ width: 150 }}
      />
      <PriceRange
        key={`${value.priceMin ?? ''}-${value.priceMax ?? ''}`}
        min={value.priceMin}
        max={value.priceMax}
        onChange={(priceMin, priceMax) => set({ priceMin, priceMax })}
      />
      <Checkbox
        checked={value.lowStock === 'true'}
        onChange={(e) => set({ lowStock: e.target.checked ? 'true' : undefined })}
        style={{ alignSelf: 'center' }}
      >
        {t('catalog.products.filter.lowStock')}
      </Checkbox>
      {any && (
        <Button type="link" onClick={() => onChange({})}>
          {t('catalog.products.filter.clear')}
        </Button>
      )}
    </div>
  );
}

/** Two yuan inputs; the range applies on Enter or when a field is left (values travel as fen). */
function PriceRange(p: { min?: string; max?: string; onChange: (min?: string, max?: string) => void }) {
  const { t } = useTranslation();
  const show = (fen?: string) => (fen ? fenToYuanText(Number(fen)) : '');
  const [min, setMin] = useState(show(p.min));
  const [max, setMax] = useState(show(p.max));
  const minFen = parseYuan(min);
  const maxFen = parseYuan(max);
  const apply = () => {
    if (minFen === undefined || maxFen === undefined) return;
    const next = [minFen ?? undefined, maxFen ?? undefined].map((v) => (v === undefined ? undefined : String(v)));
    if (next[0] !== p.min || next[1] !== p.max) p.onChange(next[0], next[1]);
  };
  const status = (fen: number | null | undefined) => (fen === undefined ? 'error' : undefined);
  return (
    <Space.Compact
      title={minFen === undefined || maxFen === undefined ? t('catalog.products.filter.priceInvalid') : undefined}
    >
      <Input
        prefix="¥"
        inputMode="decimal"
        placeholder={t('catalog.products.filter.priceMin')}
        aria-label={t('catalog.products.filter.priceMin')}
        value={min}
        status={status(minFen)}
        onChange={(e) => setMin(e.target.value)}
        onPressEnter={apply}
        onBlur={apply}
        style={{ width: 130 }}
      />
      <Input
        prefix="¥"
        inputMode="decimal"
        placeholder={t('catalog.products.filter.priceMax')}
        aria-label={t('catalog.products.filter.priceMax')}
        value={max}
        status={status(maxFen)}
        onChange={(e) => setMax(e.target.value)}
        onPressEnter={apply}
        onBlur={apply}
        style={{ width: 130 }}
      />
    </Space.Compact>
  );
}

import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocations, useProduct, useProductOptions } from './catalog-api';

type PickerProps = {
  value?: string;
  onChange?: (id: string | undefined, title?: string) => void;
  /** Title of the product in `value` before any search ran (e.g. from a stock row). */
  initialLabel?: string;
  placeholder?: string;
  ariaLabel?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
};

/** Searches products by keyword (Chinese, pinyin, initials) and picks one. */
export function ProductPicker({
  value,
  onChange,
  initialLabel,
  placeholder,
  ariaLabel,
  allowClear,
  style,
}: PickerProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [label, setLabel] = useState(initialLabel);
  useEffect(() => setLabel(initialLabel), [initialLabel]);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const options = useProductOptions(q);
  const items = options.data?.items ?? [];
  const opts = items.map((p) => ({ value: p.id, label: p.title }));
  if (value && label && !opts.some((o) => o.value === value)) opts.unshift({ value, label });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear={allowClear}
      value={value}
      placeholder={placeholder ?? t('catalog.stock.pickProduct')}
      aria-label={ariaLabel ?? t('catalog.stock.pickProduct')}
      loading={options.isFetching}
      options={opts}
      onChange={(id: string | undefined, opt) => {
        const title = opt && !Array.isArray(opt) ? String(opt.label) : undefined;
        setLabel(title);
        onChange?.(id, title);
      }}
      style={style}
    />
  );
}

/** The SKUs of one product ("default" for a product without specs). */
export function SkuSelect(p: {
  productId?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  allowClear?: boolean;
  ariaLabel?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const product = useProduct(p.productId);
  return (
    <Select
      allowClear={p.allowClear}
      disabled={!p.productId}
      value={p.value}
      onChange={p.onChange}
      placeholder={t('catalog.stock.pickSku')}
      aria-label={p.ariaLabel ?? t('catalog.stock.pickSku')}
      loading={product.isFetching}
      options={(product.data?.skus ?? []).map((s) => ({
        value: s.id,
        label: s.specText || t('catalog.editor.default'),
      }))}
      style={p.style}
    />
  );
}

/** Stores and warehouses, where stock is kept. */
export function LocationSelect(p: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  ariaLabel?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const locations = useLocations();
  return (
    <Select
      allowClear={p.allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      value={p.value}
      onChange={p.onChange}
      placeholder={p.placeholder ?? t('catalog.stock.pickLocation')}
      aria-label={p.ariaLabel ?? t('catalog.stock.location')}
      loading={locations.isLoading}
      options={(locations.data?.items ?? []).map((l) => ({
        value: l.id,
        label: `${l.name} · ${t(`org.${l.kind}`)}`,
      }))}
      style={p.style}
    />
  );
}

import { customerRoutes } from '@siyu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { customerName } from './format';

type Props = {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Leave this customer out (the one being merged into). */
  exclude?: string;
  /** A customer known up front (e.g. the holder of an identity), shown before any search. */
  preset?: { id: string; label: string };
  autoFocus?: boolean;
};

/** Finds a customer by name, nickname, phone, pinyin or initials (searched by the API). */
export function CustomerPicker({ id, value, onChange, exclude, preset, autoFocus }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(h);
  }, [typed]);
  const res = useQuery({
    queryKey: ['customers', 'picker', q],
    queryFn: () => call(customerRoutes.list, { query: { q: q || undefined, limit: 20 } }),
  });
  const found = (res.data?.items ?? [])
    .filter((c) => c.id !== exclude)
    .map((c) => ({ value: c.id, label: `${customerName(c, t)}${c.phone ? ` · ${c.phone}` : ''}` }));
  const options =
    preset && !found.some((o) => o.value === preset.id) ? [{ value: preset.id, label: preset.label }, ...found] : found;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      autoFocus={autoFocus}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      loading={res.isFetching}
      options={options}
      placeholder={t('customers.pickCustomer')}
      notFoundContent={res.isFetching ? t('common.loading') : t('customers.pickerEmpty')}
    />
  );
}

import { DatePicker, Input, Select, Space, Button } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOrgUnits } from '../../api/queries';
import { useAuth } from '../../app/auth';
import { fenToYuanText, parseYuan } from '../catalog/money';
import { CustomerPicker } from '../customers/customer-picker';
import { ORDER_ID, ORDER_NO_PREFIX, PAYMENT_METHODS } from './format';
import type { OrderFilters as Filters } from './orders-api';

type Props = { value: Filters; onChange: (f: Filters) => void };

/** Open by order no. (or filter by its beginning), customer, days placed, pick-up store, payment method and amount in yuan (sent as fen). */
export function OrderFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const orgUnits = useOrgUnits();
  const [orderNo, setOrderNo] = useState(value.orderNo ?? '');
  useEffect(() => setOrderNo(value.orderNo ?? ''), [value.orderNo]); // cleared with the other filters
  const set = (patch: Filters) => onChange({ ...value, ...patch });
  const stores = (orgUnits.data?.items ?? []).filter((u) => u.kind === 'store');
  const { status: _status, ...rest } = value;
  const any = Object.values(rest).some(Boolean);
  const badNo = orderNo.trim() !== '' && !ORDER_NO_PREFIX.test(orderNo.trim().toLowerCase());

  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('orders.list.filter.orderNo')}
        aria-label={t('orders.list.filter.orderNoLabel')}
        title={badNo ? t('orders.list.filter.orderNoInvalid') : undefined}
        status={badNo ? 'error' : undefined}
        value={orderNo}
        onChange={(e) => setOrderNo(e.target.value)}
        onSearch={(v) => {
          const id = v.trim().toLowerCase();
          if (ORDER_ID.test(id))
            navigate(`/orders/${id}`); // a whole number opens the order
          else if (!id) set({ orderNo: undefined });
          else if (ORDER_NO_PREFIX.test(id)) set({ orderNo: id }); // its beginning filters the list
        }}
        style={{ width: 260 }}
      />
      {can('customers.read') && (
        <div style={{ width: 220 }} title={t('orders.list.filter.customer')}>
          <CustomerPicker
            value={value.customerId}
            preset={value.customerId ? { id: value.customerId, label: value.customerId } : undefined}
            onChange={(customerId) => set({ customerId })}
          />
        </div>
      )}
      <DatePicker.RangePicker
        aria-label={t('orders.list.filter.dates')}
        placeholder={[t('orders.list.filter.dates'), '']}
        value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
        onChange={(r) =>
          set({ from: r?.[0]?.format('YYYY-MM-DD') ?? undefined, to: r?.[1]?.format('YYYY-MM-DD') ?? undefined })
        }
      />
      {stores.length > 0 && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('orders.list.filter.store')}
          aria-label={t('orders.list.filter.store')}
          value={value.storeId}
          onChange={(storeId?: string) => set({ storeId })}
          options={stores.map((s) => ({ value: s.id, label: s.name }))}
          style={{ width: 160 }}
        />
      )}
      <Select
        allowClear
        placeholder={t('orders.list.filter.payment')}
        aria-label={t('orders.list.filter.payment')}
        value={value.paymentMethod}
        onChange={(paymentMethod?: string) => set({ paymentMethod })}
        options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`orders.payment.${m}`) }))}
        style={{ width: 200 }}
      />
      <AmountRange
        key={`${value.amountMin ?? ''}-${value.amountMax ?? ''}`}
        min={value.amountMin}
        max={value.amountMax}
        onChange={(amountMin, amountMax) => set({ amountMin, amountMax })}
      />
      {any && (
        <Button type="link" onClick={() => onChange({ status: value.status })}>
          {t('orders.list.filter.clear')}
        </Button>
      )}
    </div>
  );
}

/** Two yuan inputs; the range applies on Enter or when a field is left (values travel as fen). */
function AmountRange(p: { min?: string; max?: string; onChange: (min?: string, max?: string) => void }) {
  const { t } = useTranslation();
  const show = (fen?: string) => (fen ? fenToYuanText(Number(fen)) : '');
  const [min, setMin] = useState(show(p.min));
  const [max, setMax] = useState(show(p.max));
  const minFen = parseYuan(min);
  const maxFen = parseYuan(max);
  const apply = () => {
    if (minFen === undefined || maxFen === undefined) return;
    const next = [minFen, maxFen].map((v) => (v === null ? undefined : String(v)));
    if (next[0] !== p.min || next[1] !== p.max) p.onChange(next[0], next[1]);
  };
  const status = (fen: number | null | undefined) => (fen === undefined ? 'error' : undefined);
  return (
    <Space.Compact
      title={minFen === undefined || maxFen === undefined ? t('orders.list.filter.amountInvalid') : undefined}
    >
      <Input
        prefix="¥"
        inputMode="decimal"
        placeholder={t('orders.list.filter.amountMin')}
        aria-label={t('orders.list.filter.amountMin')}
        value={min}
        status={status(minFen)}
        onChange={(e) => setMin(e.target.value)}
        onPressEnter={apply}
        onBlur={apply}
        style={{ width: 140 }}
      />
      <Input
        prefix="¥"
        inputMode="decimal"
        placeholder={t('orders.list.filter.amountMax')}
        aria-label={t('orders.list.filter.amountMax')}
        value={max}
        status={status(maxFen)}
        onChange={(e) => setMax(e.target.value)}
        onPressEnter={apply}
        onBlur={apply}
        style={{ width: 140 }}
      />
    </Space.Compact>
  );
}

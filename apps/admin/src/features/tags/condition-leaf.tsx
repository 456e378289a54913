import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Gender, NUMBER_FIELDS, Stage, TEXT_FIELDS } from '@siyu/contracts';
import { AutoComplete, Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../../api/queries';
import { useAuth } from '../../app/auth';
import { useCustomFields } from '../customers/customers-api';
import { type AttrLeaf, type EventLeaf, isMoneyField, isNumberField, type Leaf, newKey, type Op } from './rule-model';

export const EVENT_TYPES = [
  'order.paid',
  'order.refunded',
  'product.viewed',
  'page.viewed',
  'cart.added',
  'search.performed',
  'share.clicked',
  'coupon.redeemed',
];

type Props<L> = { value: L; onChange: (l: L) => void; onRemove: () => void };

export function LeafEditor({ value, onChange, onRemove }: Props<Leaf>) {
  return value.kind === 'attr' ? (
    <AttrEditor value={value} onChange={onChange} onRemove={onRemove} />
  ) : (
    <EventEditor value={value} onChange={onChange} onRemove={onRemove} />
  );
}

const row = { display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' as const, padding: '6px 0' };

function AttrEditor({ value: l, onChange, onRemove }: Props<AttrLeaf>) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const fields = useCustomFields();
  const org = useOrgUnits(can('org.read') && l.field === 'storeId');
  const set = (patch: Partial<AttrLeaf>) => onChange({ ...l, ...patch });
  const numeric = isNumberField(l.field) || fields.data?.find((d) => `custom.${d.key}` === l.field)?.type === 'number';
  const fieldOptions = [
    ...[...TEXT_FIELDS, ...NUMBER_FIELDS].map((f) => ({ value: f as string, label: t(`tags.rules.fields.${f}`) })),
    ...(fields.data ?? []).map((d) => ({ value: `custom.${d.key}`, label: `${d.label}（${t('tags.rules.custom')}）` })),
  ];
  const ops: Op[] = numeric ? ['eq', 'neq', 'gte', 'lte', 'in'] : ['eq', 'neq', 'in'];
  const enumOptions =
    l.field === 'gender'
      ? Gender.options.map((g) => ({ value: g, label: t(`customers.genders.${g}`) }))
      : l.field === 'stage'
        ? Stage.options.map((s) => ({ value: s, label: t(`customers.stages.${s}`) }))
        : l.field === 'storeId'
          ? (org.data?.items ?? []).filter((u) => u.kind === 'store').map((u) => ({ value: u.id, label: u.name }))
          : null;
  const multi = l.op === 'in';
  const label = t('tags.rules.value');

  let input: ReactNode;
  if (enumOptions) {
    input = (
      <Select
        aria-label={label}
        mode={multi ? 'multiple' : undefined}
        value={l.value ?? undefined}
        onChange={(v) => set({ value: v })}
        options={enumOptions}
        style={{ width: multi ? 280 : 160 }}
      />
    );
  } else if (multi) {
    input = (
      <Select
        aria-label={label}
        mode="tags"
        open={false}
        tokenSeparators={[',', '，']}
        value={(Array.isArray(l.value) ? l.value : []).map(String)}
        onChange={(v: string[]) => set({ value: numeric ? v.map(Number).filter((n) => !Number.isNaN(n)) : v })}
        placeholder={t('tags.rules.listHint')}
        style={{ minWidth: 200 }}
      />
    );
  } else if (numeric) {
    input = (
      <InputNumber
        aria-label={label}
        value={typeof l.value === 'number' ? l.value : null}
        onChange={(v) => set({ value: v })}
        suffix={isMoneyField(l.field) ? '元' : undefined}
        min={0}
      />
    );
  } else {
    input = (
      <Input
        aria-label={label}
        value={typeof l.value === 'string' ? l.value : ''}
        onChange={(e) => set({ value: e.target.value })}
        style={{ width: 180 }}
      />
    );
  }

  return (
    <div style={row} data-testid="condition-attr">
      <Select
        aria-label={t('tags.rules.field')}
        value={l.field}
        onChange={(field: string) => onChange({ ...l, field, op: 'eq', value: null })}
        options={fieldOptions}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 170 }}
      />
      <Select
        aria-label={t('tags.rules.op')}
        value={l.op}
        onChange={(op: Op) => set({ op, value: op === 'in' ? [] : null })}
        options={ops.map((o) => ({ value: o, label: t(`tags.rules.ops.${o}`) }))}
        style={{ width: 110 }}
      />
      {input}
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('tags.rules.removeCondition')}
        onClick={onRemove}
      />
    </div>
  );
}

function EventEditor({ value: l, onChange, onRemove }: Props<EventLeaf>) {
  const { t } = useTranslation();
  const set = (patch: Partial<EventLeaf>) => onChange({ ...l, ...patch });
  const setWhere = (i: number, patch: Partial<EventLeaf['where'][number]>) =>
    set({ where: l.where.map((w, j) => (j === i ? { ...w, ...patch } : w)) });
  return (
    <div style={{ padding: '6px 0' }} data-testid="condition-event">
      <div style={row}>
        <Typography.Text>{t('tags.rules.eventPrefix')}</Typography.Text>
        <AutoComplete
          aria-label={t('tags.rules.event')}
          value={l.event}
          onChange={(event: string) => set({ event })}
          options={EVENT_TYPES.map((e) => ({
            value: e,
            label: `${t(`customers.timeline.types.${e.replace(/\./g, '_')}`, { defaultValue: e })} · ${e}`,
          }))}
          style={{ width: 220 }}
        />
        <Typography.Text>{t('tags.rules.within')}</Typography.Text>
        <InputNumber
          aria-label={t('tags.rules.withinDays')}
          min={1}
          max={3650}
          value={l.withinDays}
          onChange={(v) => set({ withinDays: v })}
          style={{ width: 90 }}
        />
        <Typography.Text>{t('tags.rules.days')}</Typography.Text>
        <InputNumber
          aria-label={t('tags.rules.min')}
          prefix="≥"
          min={1}
          value={l.min}
          onChange={(v) => set({ min: v })}
          style={{ width: 100 }}
        />
        <InputNumber
          aria-label={t('tags.rules.max')}
          prefix="≤"
          min={0}
          value={l.max}
          onChange={(v) => set({ max: v })}
          style={{ width: 100 }}
        />
        <Typography.Text>{t('tags.rules.times')}</Typography.Text>
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('tags.rules.removeCondition')}
          onClick={onRemove}
        />
      </div>
      <div style={{ paddingLeft: 16 }}>
        {l.where.map((w, i) => (
          <Space.Compact key={w.key} style={{ margin: '2px 8px 2px 0' }}>
            <Input
              aria-label={t('tags.rules.whereName')}
              placeholder="category"
              value={w.name}
              onChange={(e) => setWhere(i, { name: e.target.value })}
              style={{ width: 130 }}
            />
            <Input
              aria-label={t('tags.rules.whereValue')}
              placeholder="coffee"
              value={w.value}
              onChange={(e) => setWhere(i, { value: e.target.value })}
              style={{ width: 130 }}
            />
            <Button
              icon={<DeleteOutlined />}
              aria-label={t('tags.rules.removeWhere')}
              onClick={() => set({ where: l.where.filter((_, j) => j !== i) })}
            />
          </Space.Compact>
        ))}
        <Button
          size="small"
          type="link"
          icon={<PlusOutlined />}
          onClick={() => set({ where: [...l.where, { key: newKey(), name: '', value: '' }] })}
        >
          {t('tags.rules.addWhere')}
        </Button>
      </div>
    </div>
  );
}

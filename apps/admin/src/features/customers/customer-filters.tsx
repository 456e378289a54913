import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffOptions } from '../../api/queries';
import { useAuth } from '../../app/auth';
import { TagSelect } from '../tags/tag-select';
import { AdvancedFilters, ADVANCED_KEYS } from './customer-filters-advanced';
import type { Filters } from './customers-api';
import { STAGES } from './format';

type Props = { value: Filters; onChange: (f: Filters) => void };

const csv = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);
const join = (v: string[]) => (v.length ? v.join(',') : undefined);

/** The quick filters (search, stage, owner, tags) apply at once; the rest sit in a panel with a form. */
export function CustomerFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const staff = useStaffOptions(can('staff.read'));
  const [more, setMore] = useState(() => ADVANCED_KEYS.some((k) => value[k]));
  const set = (patch: Filters) => onChange({ ...value, ...patch });
  const advancedCount = ADVANCED_KEYS.filter((k) => value[k]).length;
  const anyFilter = Object.values(value).some(Boolean);

  const ownerOptions = [
    { value: 'me', label: t('customers.filter.ownerMe') },
    { value: 'none', label: t('customers.filter.ownerNone') },
    ...(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];

  return (
    <div style={{ marginBottom: 16 }}>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Input.Search
          key={value.q ?? ''}
          allowClear
          placeholder={t('customers.filter.search')}
          aria-label={t('customers.filter.searchLabel')}
          defaultValue={value.q}
          onSearch={(q) => set({ q: q.trim() || undefined })}
          style={{ width: 280 }}
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('customers.stage')}
          aria-label={t('customers.filter.stage')}
          value={csv(value.stage)}
          onChange={(v: string[]) => set({ stage: join(v) })}
          options={STAGES.map((s) => ({ value: s, label: t(`customers.stages.${s}`) }))}
          style={{ minWidth: 160 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('customers.filter.ownerAnyone')}
          aria-label={t('customers.filter.owner')}
          value={value.ownerId}
          onChange={(ownerId?: string) => set({ ownerId })}
          loading={staff.isLoading}
          options={ownerOptions}
          style={{ width: 170 }}
        />
        {can('tags.read') && (
          <TagSelect
            placeholder={t('customers.filter.tagsAny')}
            ariaLabel={t('customers.filter.tagsAny')}
            value={csv(value.tagsAny)}
            onChange={(v) => set({ tagsAny: join(v) })}
            style={{ minWidth: 200 }}
          />
        )}
        <Badge count={advancedCount} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setMore((m) => !m)} aria-expanded={more}>
            {t('customers.filter.more')}
          </Button>
        </Badge>
        {anyFilter && (
          <Button type="link" onClick={() => onChange({})}>
            {t('customers.filter.clear')}
          </Button>
        )}
      </div>
      {more && <AdvancedFilters value={value} onChange={onChange} />}
    </div>
  );
}

import { DatePicker, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useStaffOptions } from '../../api/queries';
import { useAuth } from '../../app/auth';

export type AuditFilterValues = { actorId?: string; action?: string; entityType?: string; from?: string; to?: string };

const ENTITY_TYPES = ['staff', 'role', 'org_unit', 'settings', 'tenant'];

type Props = { value: AuditFilterValues; onChange: (v: AuditFilterValues) => void; seenTypes: string[] };

export function AuditFilters({ value, onChange, seenTypes }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const staff = useStaffOptions(can('staff.read'));
  // Known types plus any seen in the loaded entries (later domains add their own).
  const types = [...new Set([...ENTITY_TYPES, ...seenTypes])];
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });

  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 16 }}>
      {can('staff.read') && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.actor')}
          aria-label={t('audit.actor')}
          value={value.actorId}
          onChange={(actorId) => set({ actorId })}
          loading={staff.isPending}
          options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.email})` }))}
          style={{ width: 220 }}
        />
      )}
      <Input.Search
        allowClear
        placeholder={t('audit.action')}
        aria-label={t('audit.action')}
        defaultValue={value.action}
        onSearch={(action) => set({ action: action.trim() || undefined })}
        style={{ width: 200 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.entityType')}
        aria-label={t('audit.entityType')}
        value={value.entityType}
        onChange={(entityType) => set({ entityType })}
        options={types.map((e) => ({ value: e, label: t(`audit.entityTypes.${e}`, { defaultValue: e }) }))}
        style={{ width: 160 }}
      />
      <DatePicker.RangePicker aria-label={t('audit.dateRange')} onChange={onRange} allowEmpty={[true, true]} />
    </div>
  );
}

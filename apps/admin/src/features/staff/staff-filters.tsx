import { Input, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrgUnits, useRoles } from '../../api/queries';
import { useAuth } from '../../app/auth';
import { roleLabel } from '../../app/labels';
import { buildOrgTree, toTreeSelect } from '../../app/org-tree';
import type { StaffFilters as Filters } from './staff-api';

const STATUSES = ['active', 'invited', 'disabled'] as const;

export function StaffFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const roles = useRoles(can('roles.read'));
  const org = useOrgUnits(can('org.read'));
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });

  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('staff.search')}
        aria-label={t('staff.search')}
        defaultValue={value.q}
        onSearch={(q) => set({ q: q.trim() || undefined })}
        style={{ width: 280 }}
      />
      <Select
        allowClear
        placeholder={t('staff.status')}
        aria-label={t('staff.filterStatus')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        style={{ width: 140 }}
      />
      {can('roles.read') && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('staff.role')}
          aria-label={t('staff.filterRole')}
          value={value.roleId}
          onChange={(roleId) => set({ roleId })}
          options={(roles.data?.items ?? []).map((r) => ({ value: r.id, label: roleLabel(r, t) }))}
          style={{ width: 160 }}
        />
      )}
      {can('org.read') && (
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder={t('staff.orgUnit')}
          aria-label={t('staff.filterOrgUnit')}
          value={value.orgUnitId}
          onChange={(orgUnitId: string | undefined) => set({ orgUnitId })}
          treeData={toTreeSelect(buildOrgTree(org.data?.items ?? []))}
          style={{ width: 200 }}
        />
      )}
    </div>
  );
}

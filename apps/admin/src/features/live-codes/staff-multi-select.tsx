import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStaffOptions } from '../../api/queries';
import { useAuth, useSession } from '../../app/auth';

type Props = { id?: string; value?: string[]; onChange?: (ids: string[]) => void; max?: number };

/** Picks several active staff members (searchable by name); without staff.read, only oneself. */
export function StaffMultiSelect({ id, value, onChange, max }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const session = useSession();
  const staff = useStaffOptions(can('staff.read'));
  const items = staff.data?.items ?? [session.staff];
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      maxCount={max}
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? []}
      onChange={(v: string[]) => onChange?.(v)}
      loading={staff.isLoading}
      options={items.filter((s) => s.status === 'active').map((s) => ({ value: s.id, label: s.name }))}
      placeholder={t('customers.pickStaff')}
    />
  );
}

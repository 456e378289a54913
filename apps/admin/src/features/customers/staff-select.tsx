import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffOptions } from '../../api/queries';
import { useAuth, useSession } from '../../app/auth';

type Props = {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
  /** Leave out this staff member (e.g. the one handing over). */
  exclude?: string | string[];
  includeDisabled?: boolean;
  style?: CSSProperties;
  autoFocus?: boolean;
};

/** Picks a staff member (active ones, unless told otherwise); without staff.read, only oneself. */
export function StaffSelect({ value, onChange, id, exclude, includeDisabled, style, autoFocus }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const session = useSession();
  const staff = useStaffOptions(can('staff.read'));
  const items = staff.data?.items ?? [session.staff];
  const skip = new Set(Array.isArray(exclude) ? exclude : exclude ? [exclude] : []);
  const options = items
    .filter((s) => !skip.has(s.id) && (includeDisabled || s.status === 'active'))
    .map((s) => ({
      value: s.id,
      label: s.status === 'active' ? s.name : `${s.name}（${t(`status.${s.status}`)}）`,
    }));
  return (
    <Select
      id={id}
      allowClear
      autoFocus={autoFocus}
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      loading={staff.isLoading}
      options={options}
      placeholder={t('customers.pickStaff')}
      style={style}
    />
  );
}

import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { useTagGroups } from './tags-api';

type Props = {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  placeholder?: string;
  ariaLabel?: string;
  style?: CSSProperties;
  autoFocus?: boolean;
};

export function Swatch({ color }: { color: string | null | undefined }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: 2,
        marginRight: 6,
        background: color ?? '#d9d9d9',
        verticalAlign: 'baseline',
      }}
    />
  );
}

/** Picks tags, grouped by tag group, searchable by name. */
export function TagSelect({ id, value, onChange, placeholder, ariaLabel, style, autoFocus }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const groups = useTagGroups(can('tags.read'));
  const options = (groups.data?.items ?? []).map((g) => ({
    label: g.name,
    title: g.name,
    options: g.tags.map((tag) => ({ value: tag.id, name: `${g.name} ${tag.name}`, label: tag.name, color: tag.color })),
  }));
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      autoFocus={autoFocus}
      maxTagCount="responsive"
      placeholder={placeholder ?? t('tags.pick')}
      aria-label={ariaLabel}
      value={value ?? []}
      onChange={(v: string[]) => onChange?.(v)}
      loading={groups.isLoading}
      showSearch={{ optionFilterProp: 'name' }}
      options={options}
      optionRender={(o) => (
        <span>
          <Swatch color={(o.data as { color?: string | null }).color} />
          {o.label}
        </span>
      )}
      notFoundContent={t('tags.pickEmpty')}
      style={style}
    />
  );
}

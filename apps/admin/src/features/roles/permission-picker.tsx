import { Checkbox, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { permGroupLabel, permLabel } from '../../app/labels';

type Group = { key: string; permissions: string[] };
type Props = { id?: string; value?: string[]; onChange?: (v: string[]) => void; groups: Group[]; disabled?: boolean };

/** Permissions as checkboxes, one block per group with a "select all" box. */
export function PermissionPicker({ id, value = [], onChange, groups, disabled }: Props) {
  const { t } = useTranslation();
  const selected = new Set(value);
  const setGroup = (g: Group, on: boolean) => {
    const next = new Set(selected);
    for (const p of g.permissions) {
      if (on) next.add(p);
      else next.delete(p);
    }
    onChange?.([...next]);
  };
  const toggle = (p: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(p);
    else next.delete(p);
    onChange?.([...next]);
  };

  return (
    <div id={id} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {groups.map((g) => {
        const count = g.permissions.filter((p) => selected.has(p)).length;
        return (
          <div key={g.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
            <Checkbox
              checked={count === g.permissions.length && count > 0}
              indeterminate={count > 0 && count < g.permissions.length}
              onChange={(e) => setGroup(g, e.target.checked)}
              disabled={disabled}
            >
              <Typography.Text strong>{permGroupLabel(g.key, t)}</Typography.Text>
            </Checkbox>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginTop: 6, paddingLeft: 24 }}>
              {g.permissions.map((p) => (
                <Checkbox
                  key={p}
                  checked={selected.has(p)}
                  onChange={(e) => toggle(p, e.target.checked)}
                  disabled={disabled}
                >
                  {permLabel(p, t)}
                </Checkbox>
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}

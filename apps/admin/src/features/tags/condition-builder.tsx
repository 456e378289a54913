import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LeafEditor } from './condition-leaf';
import { type Group, type Leaf, type Mode, newAttr, newEvent, newGroup, type Root } from './rule-model';

type Props = { value?: Root; onChange?: (r: Root) => void; id?: string };

function ModeSelect({ value, onChange, label }: { value: Mode; onChange: (m: Mode) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Typography.Text>{t('tags.rules.matchPrefix')}</Typography.Text>
      <Select
        aria-label={label}
        value={value}
        onChange={onChange}
        options={[
          { value: 'all', label: t('tags.rules.modeAll') },
          { value: 'any', label: t('tags.rules.modeAny') },
        ]}
        style={{ width: 110 }}
      />
      <Typography.Text>{t('tags.rules.matchSuffix')}</Typography.Text>
    </Space>
  );
}

function AddButtons({ onAdd, withGroup }: { onAdd: (x: Leaf | Group) => void; withGroup: boolean }) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginTop: 4 }}>
      <Button size="small" icon={<PlusOutlined />} onClick={() => onAdd(newAttr())}>
        {t('tags.rules.addAttr')}
      </Button>
      <Button size="small" icon={<PlusOutlined />} onClick={() => onAdd(newEvent())}>
        {t('tags.rules.addEvent')}
      </Button>
      {withGroup && (
        <Button size="small" icon={<PlusOutlined />} onClick={() => onAdd(newGroup())}>
          {t('tags.rules.addGroup')}
        </Button>
      )}
    </Space>
  );
}

/** A visual editor of the rule condition: all/any of attribute comparisons, event counts and one level of groups. */
export function ConditionBuilder({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  if (!value) return null;
  const set = (patch: Partial<Root>) => onChange?.({ ...value, ...patch });
  const replace = (i: number, x: Leaf | Group) => set({ items: value.items.map((it, j) => (j === i ? x : it)) });
  const remove = (i: number) => set({ items: value.items.filter((_, j) => j !== i) });

  return (
    <div id={id} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}>
      <ModeSelect value={value.mode} onChange={(mode) => set({ mode })} label={t('tags.rules.rootMode')} />
      <div style={{ marginTop: 8 }}>
        {value.items.map((it, i) =>
          it.kind === 'group' ? (
            <div
              key={it.key}
              style={{ background: '#fafafa', borderRadius: 6, padding: 10, margin: '6px 0' }}
              data-testid="condition-group"
            >
              <div style={{ display: 'flex', justifyContent: 'space-between' }}>
                <ModeSelect
                  value={it.mode}
                  onChange={(mode) => replace(i, { ...it, mode })}
                  label={t('tags.rules.groupMode')}
                />
                <Button type="link" danger size="small" onClick={() => remove(i)}>
                  {t('tags.rules.removeGroup')}
                </Button>
              </div>
              {it.items.map((leaf, k) => (
                <LeafEditor
                  key={leaf.key}
                  value={leaf}
                  onChange={(l) => replace(i, { ...it, items: it.items.map((x, j) => (j === k ? l : x)) })}
                  onRemove={() =>
                    it.items.length > 1 ? replace(i, { ...it, items: it.items.filter((_, j) => j !== k) }) : remove(i)
                  }
                />
              ))}
              <AddButtons withGroup={false} onAdd={(x) => replace(i, { ...it, items: [...it.items, x as Leaf] })} />
            </div>
          ) : (
            <LeafEditor key={it.key} value={it} onChange={(l) => replace(i, l)} onRemove={() => remove(i)} />
          ),
        )}
        {value.items.length === 0 && (
          <Typography.Paragraph type="secondary">{t('tags.rules.noConditions')}</Typography.Paragraph>
        )}
      </div>
      <AddButtons withGroup onAdd={(x) => set({ items: [...value.items, x] })} />
    </div>
  );
}

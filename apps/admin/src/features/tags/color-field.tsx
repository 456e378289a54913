import { Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { TAG_COLORS } from './tags-api';

type Props = { id?: string; value?: string | null; onChange?: (v: string | null) => void };

/** A tag colour: one of the suggested swatches (buttons) or any #rrggbb typed in. */
export function ColorField({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      {TAG_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          aria-label={c}
          aria-pressed={value === c}
          onClick={() => onChange?.(c)}
          style={{
            width: 24,
            height: 24,
            borderRadius: 6,
            background: c,
            cursor: 'pointer',
            border: value === c ? '2px solid #000' : '2px solid transparent',
            outlineOffset: 2,
          }}
        />
      ))}
      <Input
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange?.(e.target.value.trim() || null)}
        placeholder="#1677ff"
        maxLength={7}
        style={{ width: 110 }}
        aria-label={t('tags.colorHex')}
      />
    </Space>
  );
}

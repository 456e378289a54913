import { LIVE_CODE_VARIABLES } from '@siyu/contracts';
import { Button, Input, Space, Typography } from 'antd';
import type { GetRef, InputRef } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (v: string) => void;
  multiline?: boolean;
  maxLength?: number;
  placeholder?: string;
};

/**
 * A text with variables ({昵称} {渠道} {员工} {日期}): a chip inserts its variable where the cursor is
 * (a button, so Tab reaches it and Enter or Space presses it).
 */
export function TemplateInput({ id, value, onChange, multiline, maxLength, placeholder }: Props) {
  const { t } = useTranslation();
  const input = useRef<InputRef>(null);
  const area = useRef<GetRef<typeof Input.TextArea>>(null);
  const element = () => (multiline ? area.current?.resizableTextArea?.textArea : input.current?.input) ?? null;
  const text = value ?? '';

  function insert(variable: string) {
    const el = element();
    const token = `{${variable}}`;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    onChange?.(text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      const after = element();
      after?.focus();
      after?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  const field = multiline ? (
    <Input.TextArea
      id={id}
      ref={area}
      value={text}
      onChange={(e) => onChange?.(e.target.value)}
      autoSize={{ minRows: 3, maxRows: 10 }}
      maxLength={maxLength}
      showCount={Boolean(maxLength)}
      placeholder={placeholder}
    />
  ) : (
    <Input
      id={id}
      ref={input}
      value={text}
      onChange={(e) => onChange?.(e.target.value)}
      maxLength={maxLength}
      placeholder={placeholder}
    />
  );
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      {field}
      <Space size={4} wrap>
        <Typography.Text type="secondary">{t('liveCodes.insertVariable')}</Typography.Text>
        {LIVE_CODE_VARIABLES.map((v) => (
          <Button key={v} size="small" onClick={() => insert(v)} title={t(`liveCodes.variable.${v}`)}>
            {`{${v}}`}
          </Button>
        ))}
      </Space>
    </Space>
  );
}

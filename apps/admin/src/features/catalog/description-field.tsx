import { Button, Input, Radio, Select, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  value?: string;
  onChange?: (html: string) => void;
  /** Images of the product, offered for insertion. */
  images: { id: string; url: string }[];
  maxLength: number;
};

const PREVIEW_STYLE =
  '<style>body{font:14px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:12px;color:#262626}img{max-width:100%}</style>';

/**
 * The rich description as HTML: a textarea with buttons that insert the common tags, and a preview in a
 * sandboxed frame (no scripts run there; the API sanitizes the HTML when it is saved).
 */
export function DescriptionField({ value = '', onChange, images, maxLength }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const ref = useRef<TextAreaRef>(null);

  const insert = (before: string, after = '') => {
    const el = ref.current?.resizableTextArea?.textArea;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + before + value.slice(start, end) + after + value.slice(end);
    onChange?.(next);
    requestAnimationFrame(() => {
      el?.focus();
      const caret = start + before.length + (end - start);
      el?.setSelectionRange(caret, caret);
    });
  };

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap', marginBottom: 8 }}>
        <Space wrap size={4}>
          {mode === 'edit' && (
            <>
              <Button size="small" onClick={() => insert('<p>', '</p>\n')}>
                {t('catalog.editor.insert.paragraph')}
              </Button>
              <Button size="small" onClick={() => insert('<h3>', '</h3>\n')}>
                {t('catalog.editor.insert.heading')}
              </Button>
              <Button size="small" onClick={() => insert('<strong>', '</strong>')}>
                {t('catalog.editor.insert.bold')}
              </Button>
              <Button size="small" onClick={() => insert('<ul>\n  <li>', '</li>\n</ul>\n')}>
                {t('catalog.editor.insert.list')}
              </Button>
              {images.length > 0 && (
                <Select
                  size="small"
                  value={null}
                  placeholder={t('catalog.editor.insert.image')}
                  aria-label={t('catalog.editor.insert.image')}
                  style={{ width: 140 }}
                  onChange={(url: string) => insert(`<p><img src="${url}" alt=""></p>\n`)}
                  options={images.map((img, i) => ({ value: img.url, label: `#${i + 1}` }))}
                  optionRender={(o) => (
                    <Space>
                      <img src={String(o.value)} alt="" style={{ width: 32, height: 32, objectFit: 'cover' }} />
                      {o.label}
                    </Space>
                  )}
                />
              )}
            </>
          )}
        </Space>
        <Radio.Group
          size="small"
          optionType="button"
          value={mode}
          onChange={(e) => setMode(e.target.value as 'edit' | 'preview')}
          options={[
            { value: 'edit', label: t('catalog.editor.edit') },
            { value: 'preview', label: t('catalog.editor.preview') },
          ]}
        />
      </div>
      {mode === 'edit' ? (
        <Input.TextArea
          ref={ref}
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
          autoSize={{ minRows: 6, maxRows: 20 }}
          maxLength={maxLength}
          spellCheck={false}
          style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 }}
          aria-label={t('catalog.editor.description')}
        />
      ) : value.trim() ? (
        <iframe
          title={t('catalog.editor.preview')}
          sandbox=""
          srcDoc={PREVIEW_STYLE + value}
          style={{ width: '100%', minHeight: 320, border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff' }}
        />
      ) : (
        <Typography.Text type="secondary">{t('catalog.editor.emptyPreview')}</Typography.Text>
      )}
    </div>
  );
}

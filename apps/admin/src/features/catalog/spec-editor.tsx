import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CATALOG_LIMITS } from '@siyu/contracts';
import { Button, Form, type FormRule, Input, Select, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SpecRow } from './sku-model';

const specTextProblem = (s: string, t: TFunction) =>
  s.includes('/') ? t('catalog.editor.specSlash') : s.length > 20 ? t('catalog.editor.specTooLong') : null;

const nameRules = (t: TFunction, index: number): FormRule[] => [
  { required: true, whitespace: true, message: t('validation.required') },
  ({ getFieldValue }) => ({
    validator: async (_r, v: string | undefined) => {
      const name = v?.trim() ?? '';
      const problem = specTextProblem(name, t);
      if (problem) throw new Error(problem);
      const all = (getFieldValue('specs') as SpecRow[] | undefined) ?? [];
      if (name && all.some((s, i) => i !== index && s?.name?.trim() === name))
        throw new Error(t('catalog.editor.specNameTaken'));
    },
  }),
];

const valueRules = (t: TFunction): FormRule[] => [
  { required: true, type: 'array', min: 1, message: t('validation.required') },
  {
    validator: async (_r, v: string[] | undefined) => {
      for (const s of v ?? []) {
        const problem = specTextProblem(s.trim(), t);
        if (problem) throw new Error(`${s}: ${problem}`);
      }
    },
  },
];

/** Spec attributes (杯型, 温度 …) with their values; typing a value and Enter adds it. */
export function SpecEditor({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name="specs">
      {(fields, { add, remove }) => (
        <div>
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary">{t('catalog.editor.noSpecs')}</Typography.Paragraph>
          )}
          {fields.map((field, index) => (
            <div
              key={field.key}
              style={{ display: 'grid', gridTemplateColumns: '160px 1fr 32px', gap: 8, alignItems: 'start' }}
              data-testid="spec-row"
            >
              <Form.Item
                name={[field.name, 'name']}
                rules={nameRules(t, index)}
                dependencies={fields.filter((f) => f.key !== field.key).map((f) => ['specs', f.name, 'name'])}
              >
                <Input
                  placeholder={t('catalog.editor.specNamePlaceholder')}
                  aria-label={`${t('catalog.editor.specName')} ${index + 1}`}
                  maxLength={20}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'values']} rules={valueRules(t)}>
                <Select
                  mode="tags"
                  open={false}
                  suffixIcon={null}
                  tokenSeparators={[',', '，', '、']}
                  placeholder={t('catalog.editor.specValuesPlaceholder')}
                  aria-label={`${t('catalog.editor.specValues')} ${index + 1}`}
                  maxCount={CATALOG_LIMITS.specValues}
                />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('catalog.editor.removeSpec')}
                title={t('catalog.editor.removeSpec')}
                onClick={() => remove(field.name)}
                disabled={disabled}
              />
            </div>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', values: [] })}
            disabled={disabled || fields.length >= CATALOG_LIMITS.specAttributes}
          >
            {t('catalog.editor.addSpec')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

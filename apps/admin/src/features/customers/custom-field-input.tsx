import type { CustomFieldDef } from '@siyu/contracts';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

export type FieldDef = z.infer<typeof CustomFieldDef>;
type Stored = string | number | string[] | null;

/** The stored custom values as form values (dates become Dayjs). */
export function customToForm(defs: FieldDef[], custom: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of defs) {
    const v = custom[d.key];
    if (v === undefined || v === null) continue;
    out[d.key] = d.type === 'date' && typeof v === 'string' ? dayjs(v) : v;
  }
  return out;
}

/** Form values back to the API's `custom` record; cleared fields become null. */
export function formToCustom(defs: FieldDef[], values: Record<string, unknown> | undefined): Record<string, Stored> {
  const out: Record<string, Stored> = {};
  for (const d of defs) {
    const v = values?.[d.key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) out[d.key] = null;
    else if (d.type === 'date') out[d.key] = (v as Dayjs).format('YYYY-MM-DD');
    else if (d.type === 'number') out[d.key] = Number(v);
    else if (d.type === 'text') out[d.key] = String(v).trim();
    else out[d.key] = v as Stored;
  }
  return out;
}

/** Values of keys without a definition (deleted fields) travel back unchanged, when the API accepts them. */
export function keptCustom(custom: Record<string, unknown> | undefined): Record<string, Stored> {
  const out: Record<string, Stored> = {};
  for (const [k, v] of Object.entries(custom ?? {})) {
    if (typeof v === 'string' || typeof v === 'number' || v === null) out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v as string[];
  }
  return out;
}

/** One form item per custom field definition, under `custom.<key>`. */
export function CustomFieldItems({ defs, t }: { defs: FieldDef[]; t: TFunction }) {
  return (
    <>
      {defs.map((d) => (
        <Form.Item
          key={d.id}
          name={['custom', d.key]}
          label={d.label}
          rules={d.required ? [{ required: true, message: t('validation.required') }] : []}
        >
          {fieldInput(d)}
        </Form.Item>
      ))}
    </>
  );
}

function fieldInput(d: FieldDef) {
  const options = d.options.map((o) => ({ value: o, label: o }));
  switch (d.type) {
    case 'number':
      return <InputNumber style={{ width: '100%' }} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'single':
      return <Select allowClear options={options} />;
    case 'multi':
      return <Select mode="multiple" allowClear options={options} />;
    default:
      return <Input maxLength={500} />;
  }
}

/** A custom value as text for the attributes card. */
export function customText(v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (Array.isArray(v)) return v.join('、');
  return String(v);
}

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { catalogStockRoutes, ManualStockReason, StockAdjustInput } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, type FormRule, Input, InputNumber, Select } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { call, isApiError } from '../../api/client';
import { errorText, useShowError } from '../../app/errors';
import { FormDrawer } from '../../app/form-drawer';
import { blankToNull, zodRule } from '../../app/validation';
import { useInvalidateCatalog } from './catalog-api';
import { LocationSelect, ProductPicker, SkuSelect } from './product-picker';

type Reason = (typeof ManualStockReason.options)[number];
type Line = { productId?: string; productTitle?: string; skuId?: string; locationId?: string; delta?: number | null };
type Values = { reason: Reason; reference?: string; note?: string; lines: Line[] };

/** Lines to start from, e.g. the stock row the user clicked. */
export type AdjustPrefill = { lines: Line[] };
type Props = { open: boolean; prefill?: AdjustPrefill; onClose: () => void };

const REASONS = ManualStockReason.options;
const shape = StockAdjustInput.shape;

const deltaRule =
  (t: TFunction): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_r, v: number | null | undefined) => {
      if (v === null || v === undefined) throw new Error(t('catalog.stock.deltaRequired'));
      if (v === 0) throw new Error(t('catalog.stock.deltaZero'));
      const reason = getFieldValue('reason') as Reason;
      if ((reason === 'purchase' || reason === 'return') && v < 0) throw new Error(t('catalog.stock.deltaPositive'));
      if (reason === 'damage' && v > 0) throw new Error(t('catalog.stock.deltaNegative'));
    },
  });

/** Which line a 409 STOCK_SHORT names (`details.line`, `details.index` or a `lines.<i>…` field). */
function shortLine(details: unknown): number | undefined {
  const d = (details ?? {}) as { line?: unknown; index?: unknown; field?: unknown; path?: unknown };
  if (typeof d.line === 'number') return d.line;
  if (typeof d.index === 'number') return d.index;
  const path = typeof d.field === 'string' ? d.field : Array.isArray(d.path) ? d.path.join('.') : '';
  const m = /lines\.(\d+)/.exec(path);
  return m ? Number(m[1]) : undefined;
}

/** Records a stock change: a reason, an optional reference and note, and one or more SKU × location lines. */
export function AdjustDrawer({ open, prefill, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateCatalog();
  const [form] = Form.useForm<Values>();
  const reason = Form.useWatch('reason', form) as Reason | undefined;

  const save = useMutation({
    mutationFn: (v: Values) =>
      call(catalogStockRoutes.adjustStock, {
        body: {
          reason: v.reason,
          reference: blankToNull(v.reference),
          note: blankToNull(v.note),
          lines: v.lines.map((l) => ({ skuId: l.skuId ?? '', locationId: l.locationId ?? '', delta: l.delta ?? 0 })),
        },
      }),
    onSuccess: async () => {
      await invalidate();
      void message.success(t('catalog.stock.adjusted'));
      onClose();
    },
    onError: (e) => {
      const line = isApiError(e) && e.code === 'STOCK_SHORT' ? shortLine(e.details) : undefined;
      if (line !== undefined) {
        form.setFields([{ name: ['lines', line, 'delta'], errors: [t('catalog.stock.short')] }]);
        void message.error(errorText(e, t));
        return;
      }
      showError(e, form);
    },
  });

  return (
    <FormDrawer<Values>
      name="stock-adjust"
      open={open}
      title={t('catalog.stock.adjustTitle')}
      onClose={onClose}
      form={form}
      size={720}
      initialValues={{ reason: 'purchase', lines: prefill?.lines ?? [{ delta: null }] }}
      onFinish={(v) => save.mutate({ ...v, lines: form.getFieldValue('lines') as Line[] })}
      submitting={save.isPending}
    >
      <Form.Item
        name="reason"
        label={t('catalog.stock.reason')}
        required
        extra={reason ? t(`catalog.stock.reasonHelp.${reason}`) : undefined}
      >
        <Select
          autoFocus
          options={REASONS.map((r) => ({ value: r, label: t(`catalog.stock.reasons.${r}`) }))}
          onChange={() => {
            const n = (form.getFieldValue('lines') as Line[] | undefined)?.length ?? 0;
            const touched = Array.from(
              { length: n },
              (_, i) => ['lines', i, 'delta'] as ['lines', number, 'delta'],
            ).filter((p) => form.isFieldTouched(p));
            if (touched.length) void form.validateFields(touched);
          }}
        />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
        <Form.Item
          name="reference"
          label={t('catalog.stock.reference')}
          rules={[zodRule(shape.reference, t, { optional: true })]}
        >
          <Input maxLength={60} placeholder={t('catalog.stock.referencePlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('catalog.stock.note')} rules={[zodRule(shape.note, t, { optional: true })]}>
          <Input maxLength={200} />
        </Form.Item>
      </div>
      <Form.List name="lines">
        {(fields, { add, remove }, { errors }) => (
          <div>
            <div style={{ fontWeight: 500, marginBottom: 8 }}>{t('catalog.stock.lines')}</div>
            {fields.map((field, i) => (
              <div
                key={field.key}
                style={{ display: 'grid', gridTemplateColumns: '1.4fr 1fr 1.2fr 110px 32px', gap: 8 }}
                data-testid="adjust-line"
              >
                <Form.Item
                  name={[field.name, 'productId']}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <ProductPicker
                    ariaLabel={`${t('catalog.stock.product')} ${i + 1}`}
                    initialLabel={form.getFieldValue(['lines', field.name, 'productTitle'])}
                    onChange={(id) => {
                      form.setFieldValue(['lines', field.name, 'productId'], id);
                      form.setFieldValue(['lines', field.name, 'skuId'], undefined);
                    }}
                  />
                </Form.Item>
                <Form.Item
                  noStyle
                  shouldUpdate={(a: Values, b: Values) =>
                    a.lines?.[field.name]?.productId !== b.lines?.[field.name]?.productId
                  }
                >
                  {() => (
                    <Form.Item
                      name={[field.name, 'skuId']}
                      rules={[{ required: true, message: t('validation.required') }]}
                    >
                      <SkuSelect
                        productId={form.getFieldValue(['lines', field.name, 'productId'])}
                        ariaLabel={`${t('catalog.stock.sku')} ${i + 1}`}
                      />
                    </Form.Item>
                  )}
                </Form.Item>
                <Form.Item
                  name={[field.name, 'locationId']}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <LocationSelect ariaLabel={`${t('catalog.stock.location')} ${i + 1}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'delta']} rules={[deltaRule(t)]} dependencies={['reason']}>
                  <InputNumber
                    min={-1_000_000}
                    max={1_000_000}
                    precision={0}
                    placeholder={t('catalog.stock.delta')}
                    aria-label={`${t('catalog.stock.delta')} ${i + 1}`}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  disabled={fields.length <= 1}
                  onClick={() => remove(field.name)}
                />
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ delta: null })}
              disabled={fields.length >= 200}
            >
              {t('catalog.stock.addLine')}
            </Button>
          </div>
        )}
      </Form.List>
    </FormDrawer>
  );
}

import type { SpecAttribute } from '@siyu/contracts';
import {
  Button,
  Form,
  type FormInstance,
  type FormRule,
  Input,
  InputNumber,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuan } from './money';
import { type SkuRow, specText } from './sku-model';

const moneyRule = (t: TFunction, required: boolean): FormRule => ({
  validator: async (_r, v: string | undefined) => {
    const fen = parseYuan(v);
    if (fen === undefined) throw new Error(t('catalog.editor.moneyInvalid'));
    if (fen === null && required) throw new Error(t('catalog.editor.priceRequired'));
  },
});
const barcodeRule = (t: TFunction): FormRule => ({
  validator: async (_r, v: string | undefined) => {
    const s = v?.trim() ?? '';
    if (s && !/^[0-9A-Za-z-]{1,32}$/.test(s)) throw new Error(t('catalog.editor.barcodeInvalid'));
  },
});

type Fill = { price: string; listPrice: string; cost: string; weightGrams: number | null };

/** One row per combination of spec values: prices in yuan (exact to the fen), barcode, weight, enabled. */
export function SkuMatrix({
  form,
  specs,
  existing,
}: {
  form: FormInstance;
  specs: SpecAttribute[];
  existing: boolean;
}) {
  const { t } = useTranslation();
  const [fill, setFill] = useState<Fill>({ price: '', listPrice: '', cost: '', weightGrams: null });
  const fillOk = [fill.price, fill.listPrice, fill.cost].every((v) => parseYuan(v) !== undefined);
  const applyFill = () => {
    const rows = (form.getFieldValue('skus') as SkuRow[] | undefined) ?? [];
    form.setFieldValue(
      'skus',
      rows.map((r) => ({
        ...r,
        price: fill.price.trim() ? fill.price.trim() : r.price,
        listPrice: fill.listPrice.trim() ? fill.listPrice.trim() : r.listPrice,
        cost: fill.cost.trim() ? fill.cost.trim() : r.cost,
        weightGrams: fill.weightGrams ?? r.weightGrams,
      })),
    );
    void form.validateFields(
      rows.flatMap((_, i) => [
        ['skus', i, 'price'],
        ['skus', i, 'listPrice'],
        ['skus', i, 'cost'],
      ]),
    );
  };
  const money = (name: 'price' | 'listPrice' | 'cost', label: string) => ({
    title: label,
    key: name,
    width: 130,
    render: (_: unknown, field: { name: number }) => (
      <Form.Item name={[field.name, name]} rules={[moneyRule(t, name === 'price')]} style={{ margin: 0 }}>
        <Input prefix="¥" inputMode="decimal" aria-label={`${label} ${field.name + 1}`} />
      </Form.Item>
    ),
  });

  return (
    <div>
      {specs.length > 0 && (
        <Space wrap style={{ marginBottom: 8 }} aria-label={t('catalog.editor.fillAll')}>
          <Typography.Text type="secondary">{t('catalog.editor.fillAll')}</Typography.Text>
          {(['price', 'listPrice', 'cost'] as const).map((k) => (
            <Input
              key={k}
              prefix="¥"
              inputMode="decimal"
              style={{ width: 130 }}
              placeholder={t(`catalog.editor.${k}`)}
              aria-label={`${t('catalog.editor.fillAll')} ${t(`catalog.editor.${k}`)}`}
              value={fill[k]}
              status={parseYuan(fill[k]) === undefined ? 'error' : undefined}
              onChange={(e) => setFill({ ...fill, [k]: e.target.value })}
              onPressEnter={(e) => {
                e.preventDefault();
                if (fillOk) applyFill();
              }}
            />
          ))}
          <InputNumber
            style={{ width: 120 }}
            min={0}
            max={1_000_000}
            precision={0}
            placeholder={t('catalog.editor.weight')}
            aria-label={`${t('catalog.editor.fillAll')} ${t('catalog.editor.weight')}`}
            value={fill.weightGrams}
            onChange={(v) => setFill({ ...fill, weightGrams: v })}
          />
          <Button onClick={applyFill} disabled={!fillOk}>
            {t('catalog.editor.applyAll')}
          </Button>
        </Space>
      )}
      <Form.List name="skus">
        {(fields, _ops, { errors }) => (
          <>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={fields}
              scroll={{ x: 'max-content' }}
              data-testid="sku-matrix"
              columns={[
                {
                  title: t('catalog.editor.spec'),
                  key: 'spec',
                  fixed: 'left',
                  render: (_, field) => {
                    const spec = (form.getFieldValue(['skus', field.name, 'spec']) ?? {}) as Record<string, string>;
                    return specs.length ? specText(spec, specs) : t('catalog.editor.default');
                  },
                },
                money('price', t('catalog.editor.price')),
                money('listPrice', t('catalog.editor.listPrice')),
                money('cost', t('catalog.editor.cost')),
                {
                  title: t('catalog.editor.barcode'),
                  key: 'barcode',
                  width: 160,
                  render: (_, field) => (
                    <Form.Item name={[field.name, 'barcode']} rules={[barcodeRule(t)]} style={{ margin: 0 }}>
                      <Input maxLength={32} aria-label={`${t('catalog.editor.barcode')} ${field.name + 1}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('catalog.editor.weight'),
                  key: 'weight',
                  width: 110,
                  render: (_, field) => (
                    <Form.Item name={[field.name, 'weightGrams']} style={{ margin: 0 }}>
                      <InputNumber
                        min={0}
                        max={1_000_000}
                        precision={0}
                        style={{ width: '100%' }}
                        aria-label={`${t('catalog.editor.weight')} ${field.name + 1}`}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('catalog.editor.enabled'),
                  key: 'enabled',
                  width: 70,
                  render: (_, field) => (
                    <Form.Item name={[field.name, 'enabled']} valuePropName="checked" style={{ margin: 0 }}>
                      <Switch size="small" aria-label={`${t('catalog.editor.enabled')} ${field.name + 1}`} />
                    </Form.Item>
                  ),
                },
                ...(existing
                  ? [
                      {
                        title: t('catalog.editor.stock'),
                        key: 'stock',
                        align: 'right' as const,
                        render: (_: unknown, field: { name: number }) => {
                          const stock = form.getFieldValue(['skus', field.name, 'stock']) as SkuRow['stock'];
                          return stock ? (
                            <span title={t('catalog.products.onHandReserved', stock)}>{stock.available}</span>
                          ) : (
                            '—'
                          );
                        },
                      },
                    ]
                  : []),
              ]}
            />
            {/* 400 answers about the matrix as a whole (missing or extra combinations) land here. */}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </div>
  );
}

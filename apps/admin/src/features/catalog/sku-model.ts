import type { Product, ProductInput, Sku, SpecAttribute } from '@siyu/contracts';
import { fenToYuanText, parseYuan } from './money';

/** A spec attribute as the editor holds it (names and values may still be blank while typing). */
export type SpecRow = { name?: string; values?: string[] };

/** A SKU row of the matrix: money as yuan text (parsed exactly on save), the rest as typed. */
export type SkuRow = {
  spec: Record<string, string>;
  price: string;
  listPrice: string;
  cost: string;
  barcode: string;
  weightGrams: number | null;
  enabled: boolean;
  /** The saved SKU of this combination (stock is shown for it). */
  skuId?: string;
  stock?: Sku['stock'];
};

/** The attributes that count: a name and at least one value, values trimmed and without repeats. */
export function cleanSpecs(specs: SpecRow[] | undefined): SpecAttribute[] {
  const out: SpecAttribute[] = [];
  for (const s of specs ?? []) {
    const name = s?.name?.trim();
    const values = [...new Set((s?.values ?? []).map((v) => v.trim()).filter(Boolean))];
    if (name && values.length > 0 && !out.some((o) => o.name === name)) out.push({ name, values });
  }
  return out;
}

/** Every combination of the values, first attribute varying slowest ([{}] without attributes). */
export function combinations(specs: SpecAttribute[]): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const attr of specs) out = out.flatMap((c) => attr.values.map((v) => ({ ...c, [attr.name]: v })));
  return out;
}

export const comboCount = (specs: SpecAttribute[]) => specs.reduce((n, a) => n * a.values.length, 1);

/** '大杯 / 冰' for a spec, in attribute order. */
export const specText = (spec: Record<string, string>, specs: SpecAttribute[]) =>
  specs.map((a) => spec[a.name] ?? '').join(' / ');

const specKey = (spec: Record<string, string>) =>
  JSON.stringify(
    Object.keys(spec)
      .sort()
      .map((k) => [k, spec[k]]),
  );

/** True when the two specs agree on every attribute they share. */
const compatible = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).every((k) => !(k in b) || a[k] === b[k]);

export const emptySkuRow = (spec: Record<string, string>): SkuRow => ({
  spec,
  price: '',
  listPrice: '',
  cost: '',
  barcode: '',
  weightGrams: null,
  enabled: true,
});

/**
 * The matrix for new specs. A combination that existed keeps its row as it was (values, SKU, stock);
 * a new one takes the prices and weight of a previous row it agrees with on the shared attributes
 * (adding 温度 to 杯型 keeps each cup size's prices), with an empty barcode (barcodes are per SKU).
 */
export function rebuildMatrix(specs: SpecAttribute[], previous: SkuRow[]): SkuRow[] {
  const byKey = new Map(previous.map((r) => [specKey(r.spec), r]));
  return combinations(specs).map((spec) => {
    const same = byKey.get(specKey(spec));
    if (same) return { ...same, spec };
    const like = previous.find((r) => compatible(r.spec, spec));
    if (!like) return emptySkuRow(spec);
    return {
      ...emptySkuRow(spec),
      price: like.price,
      listPrice: like.listPrice,
      cost: like.cost,
      weightGrams: like.weightGrams,
      enabled: like.enabled,
    };
  });
}

export const skuToRow = (s: Sku): SkuRow => ({
  spec: s.spec,
  price: fenToYuanText(s.price),
  listPrice: fenToYuanText(s.listPrice),
  cost: fenToYuanText(s.cost),
  barcode: s.barcode ?? '',
  weightGrams: s.weightGrams,
  enabled: s.enabled,
  skuId: s.id,
  stock: s.stock,
});

/** The rows as the API takes them. Call after the form validated the money fields. */
export function rowsToInput(rows: SkuRow[]): ProductInput['skus'] {
  return rows.map((r) => ({
    spec: r.spec,
    price: parseYuan(r.price) ?? 0,
    listPrice: parseYuan(r.listPrice) ?? null,
    cost: parseYuan(r.cost) ?? null,
    barcode: r.barcode.trim() || null,
    weightGrams: r.weightGrams ?? null,
    enabled: r.enabled,
  }));
}

/** The editor's rows of a saved product. */
export const productRows = (p: Product): SkuRow[] => p.skus.map(skuToRow);

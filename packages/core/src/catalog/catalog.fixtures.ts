import { ProductInput, type SpecAttribute } from '@siyu/contracts';
import { createOrgUnit } from '../access';
import { type Ctx, inTransaction } from '../platform';
import { createCategory } from './categories/categories.service';
import { combinations } from './products/sku-matrix';
import { createProduct } from './products/products.service';

/** Test fixtures: a category, a product with a full SKU matrix, a store. */
export const DRINK_SPECS: SpecAttribute[] = [
  { name: '杯型', values: ['中杯', '大杯'] },
  { name: '温度', values: ['冰', '热'] },
];

export const category = (ctx: Ctx, name: string, parentId: string | null = null) =>
  inTransaction(ctx, (tx) => createCategory(tx, { name, parentId, sort: 0, iconImageId: null }));

export const store = (ctx: Ctx, name: string, kind: 'store' | 'warehouse' = 'store') =>
  inTransaction(ctx, (tx) => createOrgUnit(tx, { name, kind, parentId: null }));

export function product(
  ctx: Ctx,
  categoryId: string,
  fields: Partial<Omit<ProductInput, 'skus'>> & { title: string; price?: number },
) {
  const specs = fields.specs ?? [];
  const price = fields.price ?? 1800;
  const skus = combinations(specs).map((spec, i) => ({ spec, price: price + i * 300 }));
  const input = ProductInput.parse({ ...fields, categoryId, specs, skus, status: fields.status ?? 'on_sale' });
  return inTransaction(ctx, (tx) => createProduct(tx, input));
}

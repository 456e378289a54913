import type { SkuInput, SpecAttribute } from '@siyu/contracts';
import { type Ctx, newId } from '../platform';
import { insertCategoryRows } from './categories/categories.repo';
import { insertManySkuRows, insertProductRows, type ProductValues, type SkuValues } from './products/products.repo';
import { productVector } from './products/search-tokens';
import { planSkus } from './products/sku-matrix';
import { priceSummary } from './products/sku-writes';
import { insertOpeningStock } from './stock/stock.repo';
import { actorName } from './stock/stock.service';
import { catalogChanged } from './shop/shop-cache';

export type LoadCategory = { key: string; name: string; parentKey?: string; sort?: number; iconImageId?: string };
export type LoadProduct = {
  categoryKey: string;
  title: string;
  subtitle?: string | null;
  tags?: string[];
  status?: 'draft' | 'on_sale' | 'off_sale';
  sortWeight?: number;
  description?: string;
  /** Uploaded image ids (uploadImage), the first is the cover. */
  imageIds?: string[];
  specs?: SpecAttribute[];
  skus: (Partial<SkuInput> & { price: number })[];
  salesCount?: number;
  lowStockThreshold?: number;
  createdAt?: Date;
  /** Opening stock of each SKU (in matrix order) at each location id. */
  stock?: { locationId: string; quantities: number[] }[];
};

type Rows = {
  products: ProductValues[];
  skus: SkuValues[];
  levels: Parameters<typeof insertOpeningStock>[1];
  moves: Parameters<typeof insertOpeningStock>[2];
};

/** The rows of one product: itself with its search tokens, its SKUs, its opening stock and ledger. */
function productRows(ctx: Ctx, p: LoadProduct, categoryId: string, categoryNames: string[], out: Rows) {
  const now = ctx.clock.now();
  const at = p.createdAt ?? now;
  const id = newId('prd', at);
  const specs = p.specs ?? [];
  const defaults = { spec: {}, listPrice: null, cost: null, barcode: null, weightGrams: null, enabled: true };
  const planned = planSkus(
    specs,
    p.skus.map((s) => ({ ...defaults, ...s })),
  );
  const prices = priceSummary(planned);
  const tags = p.tags ?? [];
  const subtitle = p.subtitle ?? null;
  out.products.push({
    tenantId: ctx.tenantId,
    id,
    title: p.title,
    subtitle,
    categoryId,
    status: p.status ?? 'on_sale',
    sortWeight: p.sortWeight ?? 0,
    tags,
    description: p.description ?? '',
    imageIds: p.imageIds ?? [],
    specs,
    lowStockThreshold: p.lowStockThreshold ?? 5,
    priceMin: prices.priceMin,
    priceMax: prices.priceMax,
    listPrice: prices.listPrice,
    salesCount: p.salesCount ?? 0,
    search: productVector({ title: p.title, subtitle, tags, categoryNames }) as never,
    createdAt: at,
    updatedAt: at,
  });
  const skuIds = planned.map(({ key, text, ...fields }) => {
    const skuId = newId('sku', at);
    out.skus.push({
      ...fields,
      tenantId: ctx.tenantId,
      id: skuId,
      productId: id,
      specKey: key,
      specText: text,
      createdAt: at,
      updatedAt: at,
    });
    return skuId;
  });
  for (const st of p.stock ?? [])
    st.quantities.forEach((q, i) => {
      if (!q || !skuIds[i]) return;
      const row = { tenantId: ctx.tenantId, skuId: skuIds[i]!, locationId: st.locationId, productId: id };
      out.levels.push({ ...row, onHand: q, reserved: 0, updatedAt: now });
      out.moves.push({
        ...row,
        id: newId('stm', now),
        delta: q,
        reservedDelta: 0,
        onHandAfter: q,
        reservedAfter: 0,
        reason: 'purchase',
        reference: 'opening stock',
        note: null,
        actorId: null,
        actorName: actorName(ctx),
        at: now,
      });
    });
}

/**
 * Loads a catalog set-based: a statement per kind of row (categories, products with their search
 * tokens, SKUs, opening stock with its `purchase` ledger rows). For a new tenant's first catalog and
 * the demo seed; the input is trusted (shapes as the contracts make them), the SKU matrix is checked.
 */
export async function bulkLoadCatalog(ctx: Ctx, input: { categories: LoadCategory[]; products: LoadProduct[] }) {
  const now = ctx.clock.now();
  const catIds = new Map(input.categories.map((c) => [c.key, newId('cat', now)]));
  const byKey = new Map(input.categories.map((c) => [c.key, c]));
  const path = (key: string): string[] => {
    const c = byKey.get(key)!;
    return c.parentKey ? [...path(c.parentKey), c.name] : [c.name];
  };
  await insertCategoryRows(
    ctx.db,
    input.categories.map((c) => ({
      tenantId: ctx.tenantId,
      id: catIds.get(c.key)!,
      parentId: c.parentKey ? catIds.get(c.parentKey)! : null,
      name: c.name,
      sort: c.sort ?? 0,
      iconImageId: c.iconImageId ?? null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const rows: Rows = { products: [], skus: [], levels: [], moves: [] };
  for (const p of input.products) productRows(ctx, p, catIds.get(p.categoryKey)!, path(p.categoryKey), rows);
  await insertProductRows(ctx.db, rows.products);
  await insertManySkuRows(ctx.db, rows.skus);
  await insertOpeningStock(ctx.db, rows.levels, rows.moves);
  await catalogChanged(ctx, { all: true });
  return {
    categories: catIds.size,
    products: rows.products.length,
    skus: rows.skus.length,
    stockRows: rows.levels.length,
  };
}

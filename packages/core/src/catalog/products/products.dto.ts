import type { Product, ProductSummary, Sku } from '@siyu/contracts';
import { tenantSlug } from '../../access';
import type { Ctx } from '../../platform';
import { listCategoryRows } from '../categories/categories.repo';
import { imageRef } from '../images/images.service';
import { stockLocationIds } from '../stock/stock.service';
import { type ProductListRow, productsWithLowStock, type SkuRow, skuRowsOf, stockTotalsOfSkus } from './products.repo';

const stockOf = (t: { onHand: number; reserved: number } | undefined) => ({
  onHand: t?.onHand ?? 0,
  reserved: t?.reserved ?? 0,
  available: (t?.onHand ?? 0) - (t?.reserved ?? 0),
});

const toSku = (r: SkuRow, totals: Map<string, { onHand: number; reserved: number }>): Sku => ({
  id: r.id,
  spec: r.spec,
  specText: r.specText,
  price: r.price,
  listPrice: r.listPrice,
  cost: r.cost,
  barcode: r.barcode,
  weightGrams: r.weightGrams,
  enabled: r.enabled,
  stock: stockOf(totals.get(r.id)),
});

/** Admin DTOs for product rows: category names, covers, SKU counts, stock totals and low-stock flags. */
export async function toProducts(ctx: Ctx, rows: ProductListRow[], full: true): Promise<Product[]>;
export async function toProducts(ctx: Ctx, rows: ProductListRow[], full: false): Promise<ProductSummary[]>;
export async function toProducts(ctx: Ctx, rows: ProductListRow[], full: boolean) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  // one after another: inside a transaction the queries share one connection
  const slug = await tenantSlug(ctx);
  const cats = await listCategoryRows(ctx.db, ctx.tenantId);
  const skuRows = await skuRowsOf(ctx.db, ctx.tenantId, ids);
  const low = await productsWithLowStock(ctx.db, ctx.tenantId, ids, await stockLocationIds(ctx));
  const totals = await stockTotalsOfSkus(
    ctx.db,
    ctx.tenantId,
    skuRows.map((s) => s.id),
  );
  const catName = new Map(cats.map((c) => [c.id, c.name]));
  const skusOf = new Map<string, SkuRow[]>();
  for (const s of skuRows) skusOf.set(s.productId, [...(skusOf.get(s.productId) ?? []), s]);
  const ref = (id: string) => imageRef(slug, id);
  return rows.map((r) => {
    const mine = skusOf.get(r.id) ?? [];
    const sum = { onHand: 0, reserved: 0 };
    for (const s of mine)
      if (s.enabled) {
        sum.onHand += totals.get(s.id)?.onHand ?? 0;
        sum.reserved += totals.get(s.id)?.reserved ?? 0;
      }
    const summary: ProductSummary = {
      id: r.id,
      title: r.title,
      subtitle: r.subtitle,
      categoryId: r.categoryId,
      categoryName: catName.get(r.categoryId) ?? '',
      status: r.status,
      sortWeight: r.sortWeight,
      tags: r.tags,
      cover: r.imageIds[0] ? ref(r.imageIds[0]) : null,
      priceMin: r.priceMin,
      priceMax: r.priceMax,
      skuCount: mine.length,
      stock: stockOf(sum),
      lowStock: low.has(r.id),
      salesCount: r.salesCount,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
    if (!full) return summary;
    return {
      ...summary,
      description: r.description,
      images: r.imageIds.map(ref),
      specs: r.specs,
      skus: mine.map((s) => toSku(s, totals)),
      lowStockThreshold: r.lowStockThreshold,
    } satisfies Product;
  });
}

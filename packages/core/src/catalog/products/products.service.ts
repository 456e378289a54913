import type { BulkStatusInput, Product, ProductInput, ProductPatch } from '@siyu/contracts';
import type { z } from 'zod';
import { conflict, type Ctx, invalid, newId, notFound } from '../../platform';
import { findCategoryRow } from '../categories/categories.repo';
import { checkImages } from '../images/images.service';
import { sanitizeHtml } from './description';
import { productsChanged } from '../shop/shop-cache';
import { reindexProducts } from './product-search.service';
import { toProducts } from './products.dto';
import { findProductRow, insertProductRow, productRowsByIds, skuRowsOf, updateProductRow } from './products.repo';
import { priceSummary, writeSkuMatrix } from './sku-writes';

export async function getProduct(ctx: Ctx, id: string): Promise<Product> {
  const row = await findProductRow(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Product', id);
  const [p] = await toProducts(ctx, [row], true);
  return p!;
}

async function checkRefs(ctx: Ctx, p: { categoryId?: string; imageIds?: string[] }) {
  if (p.categoryId && !(await findCategoryRow(ctx.db, ctx.tenantId, p.categoryId)))
    throw invalid('categoryId', 'no such category');
  if (p.imageIds?.length) await checkImages(ctx, 'imageIds', p.imageIds);
}

const onSaleNeedsSku = (status: string | undefined, enabledSkus: number) => {
  if (status === 'on_sale' && enabledSkus === 0) throw invalid('status', 'a product on sale needs an enabled SKU');
};

export async function createProduct(ctx: Ctx, input: ProductInput): Promise<Product> {
  await checkRefs(ctx, input);
  onSaleNeedsSku(input.status, priceSummary(input.skus).enabledSkus);
  const now = ctx.clock.now();
  const id = newId('prd', now);
  const { skus, ...fields } = input;
  await insertProductRow(ctx.db, {
    tenantId: ctx.tenantId,
    id,
    ...fields,
    description: sanitizeHtml(input.description),
    createdAt: now,
    updatedAt: now,
  });
  const prices = await writeSkuMatrix(ctx, id, input.specs, skus);
  await updateProductRow(ctx.db, ctx.tenantId, id, {
    priceMin: prices.priceMin,
    priceMax: prices.priceMax,
    listPrice: prices.listPrice,
  });
  await reindexProducts(ctx, [{ id, ...input }]);
  await ctx.audit({ action: 'catalog.product.created', entityType: 'product', entityId: id, summary: input.title });
  await productsChanged(ctx, [id], 'created');
  return getProduct(ctx, id);
}

export async function updateProduct(ctx: Ctx, id: string, patch: ProductPatch): Promise<Product> {
  const row = await findProductRow(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Product', id);
  await checkRefs(ctx, patch);
  const { skus, specs, description, ...fields } = patch;
  const now = ctx.clock.now();
  const set: Parameters<typeof updateProductRow>[3] = { ...fields, updatedAt: now };
  if (description !== undefined) set.description = sanitizeHtml(description);
  if (specs !== undefined || skus !== undefined) {
    if (specs !== undefined && skus === undefined) throw invalid('skus', 'send the SKUs with the changed specs');
    const nextSpecs = specs ?? row.specs;
    const prices = await writeSkuMatrix(ctx, id, nextSpecs, skus!);
    Object.assign(set, {
      specs: nextSpecs,
      priceMin: prices.priceMin,
      priceMax: prices.priceMax,
      listPrice: prices.listPrice,
    });
  }
  const status = patch.status ?? row.status;
  if (status === 'on_sale') {
    const enabled = (await skuRowsOf(ctx.db, ctx.tenantId, [id])).filter((s) => s.enabled).length;
    onSaleNeedsSku(status, enabled);
  }
  await updateProductRow(ctx.db, ctx.tenantId, id, set);
  if (
    patch.title !== undefined ||
    patch.subtitle !== undefined ||
    patch.tags !== undefined ||
    patch.categoryId !== undefined
  )
    await reindexProducts(ctx, [{ ...row, ...fields }]);
  await ctx.audit({
    action: 'catalog.product.updated',
    entityType: 'product',
    entityId: id,
    summary: patch.title ?? row.title,
    changes: { ...fields, ...(specs && { specs }), ...(skus && { skus: skus.length }) },
  });
  await productsChanged(ctx, [id], 'updated');
  return getProduct(ctx, id);
}

export async function deleteProduct(ctx: Ctx, id: string) {
  const row = await findProductRow(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Product', id);
  if (row.status === 'on_sale') throw conflict('PRODUCT_ON_SALE', `${row.title} is on sale; take it off sale first`);
  await updateProductRow(ctx.db, ctx.tenantId, id, { deletedAt: ctx.clock.now(), updatedAt: ctx.clock.now() });
  await ctx.audit({ action: 'catalog.product.deleted', entityType: 'product', entityId: id, summary: row.title });
  await productsChanged(ctx, [id], 'deleted');
  return { ok: true as const };
}

export async function bulkSetStatus(ctx: Ctx, input: z.output<typeof BulkStatusInput>) {
  const rows = await productRowsByIds(ctx.db, ctx.tenantId, input.ids);
  const found = new Map(rows.map((r) => [r.id, r]));
  const enabled = new Set(
    (await skuRowsOf(ctx.db, ctx.tenantId, input.ids)).filter((s) => s.enabled).map((s) => s.productId),
  );
  const skipped: { id: string; code: string; message: string }[] = [];
  const changed: string[] = [];
  const now = ctx.clock.now();
  for (const id of input.ids) {
    const r = found.get(id);
    if (!r) skipped.push({ id, code: 'NOT_FOUND', message: `Product ${id} was not found` });
    else if (input.status === 'on_sale' && !enabled.has(id))
      skipped.push({ id, code: 'NO_ENABLED_SKU', message: `${r.title} has no enabled SKU` });
    else if (r.status !== input.status) {
      await updateProductRow(ctx.db, ctx.tenantId, id, { status: input.status, updatedAt: now });
      changed.push(id);
    }
  }
  if (changed.length) {
    await ctx.audit({
      action: 'catalog.product.status_changed',
      entityType: 'product',
      summary: `${changed.length} products ${input.status === 'on_sale' ? 'on sale' : 'off sale'}`,
      changes: { ids: changed, status: input.status },
    });
    await productsChanged(ctx, changed, 'status');
  }
  return { updated: changed.length, skipped };
}

import type { SkuInput, SpecAttribute } from '@siyu/contracts';
import { conflict, type Ctx, newId } from '../../platform';
import {
  insertSkuRows,
  lockProductRow,
  type SkuValues,
  skuRowsOf,
  stockTotalsOfSkus,
  updateSkuRow,
} from './products.repo';
import { type PlannedSku, planSkus } from './sku-matrix';

export type PriceSummary = { priceMin: number; priceMax: number; listPrice: number | null; enabledSkus: number };

/** Lowest and highest price of the enabled SKUs, and the list price of the cheapest. */
export function priceSummary(skus: Pick<SkuInput, 'price' | 'listPrice' | 'enabled'>[]): PriceSummary {
  const enabled = skus.filter((s) => s.enabled);
  if (!enabled.length) return { priceMin: 0, priceMax: 0, listPrice: null, enabledSkus: 0 };
  const cheapest = enabled.reduce((a, b) => (b.price < a.price ? b : a));
  return {
    priceMin: cheapest.price,
    priceMax: Math.max(...enabled.map((s) => s.price)),
    listPrice: cheapest.listPrice,
    enabledSkus: enabled.length,
  };
}

/**
 * Replaces a product's SKU matrix. A combination that stays keeps its SKU id (and so its stock);
 * a combination that comes back revives its old SKU; a removed SKU is kept (for past orders) but
 * marked deleted — refused with 409 SKU_HAS_STOCK while it holds stock or reservations.
 */
export async function writeSkuMatrix(ctx: Ctx, productId: string, specs: SpecAttribute[], input: SkuInput[]) {
  const planned = planSkus(specs, input);
  const now = ctx.clock.now();
  await lockProductRow(ctx.db, ctx.tenantId, productId);
  const existing = await skuRowsOf(ctx.db, ctx.tenantId, [productId], true);
  const byKey = new Map(existing.map((r) => [r.specKey, r]));
  const keep = new Set(planned.map((p) => p.key));
  const removed = existing.filter((r) => !r.deletedAt && !keep.has(r.specKey));
  if (removed.length) {
    const totals = await stockTotalsOfSkus(
      ctx.db,
      ctx.tenantId,
      removed.map((r) => r.id),
    );
    const held = removed.filter((r) => (totals.get(r.id)?.onHand ?? 0) > 0 || (totals.get(r.id)?.reserved ?? 0) > 0);
    if (held.length)
      throw conflict(
        'SKU_HAS_STOCK',
        `SKU ${held.map((r) => r.specText || r.id).join(', ')} still holds stock; adjust it to zero before removing it`,
        { skuIds: held.map((r) => r.id) },
      );
    for (const r of removed) await updateSkuRow(ctx.db, ctx.tenantId, r.id, { deletedAt: now, updatedAt: now });
  }
  const fields = (p: PlannedSku) => ({
    spec: p.spec,
    specText: p.text,
    position: p.position,
    price: p.price,
    listPrice: p.listPrice,
    cost: p.cost,
    barcode: p.barcode,
    weightGrams: p.weightGrams,
    enabled: p.enabled,
    updatedAt: now,
    deletedAt: null,
  });
  const inserts: SkuValues[] = [];
  for (const p of planned) {
    const old = byKey.get(p.key);
    if (old) await updateSkuRow(ctx.db, ctx.tenantId, old.id, fields(p));
    else
      inserts.push({
        tenantId: ctx.tenantId,
        id: newId('sku', now),
        productId,
        specKey: p.key,
        createdAt: now,
        ...fields(p),
      });
  }
  await insertSkuRows(ctx.db, inserts);
  return priceSummary(planned);
}

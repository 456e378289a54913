import { AppError, type Ctx, notFound } from '../../platform';
import { addSales, availableRows, reserveAt, settleReserved, skusWithProducts } from './stock.repo';
import { catalogChanged } from '../shop/shop-cache';
import { movementMeta } from './stock.service';

export type StockLine = { skuId: string; quantity: number; locationId?: string };
/** Where reserved units are held: release or ship exactly these. */
export type Allocation = { skuId: string; locationId: string; quantity: number };
export type ShortLine = { skuId: string; requested: number; available: number };

/** Not enough units for some lines; nothing was reserved (the caller's transaction rolls back). */
export class StockShortError extends AppError {
  constructor(readonly lines: ShortLine[]) {
    super(409, 'STOCK_SHORT', `Not enough stock for ${lines.length} item(s)`, { lines });
    this.name = 'StockShortError';
  }
}
/** A SKU that is disabled, deleted, or whose product is not on sale. */
export class SkuUnavailableError extends AppError {
  constructor(readonly skuIds: string[]) {
    super(409, 'SKU_UNAVAILABLE', `${skuIds.length} item(s) can no longer be bought`, { skuIds });
    this.name = 'SkuUnavailableError';
  }
}

const ROUNDS = 5;

async function reserveLine(
  ctx: Ctx,
  line: StockLine,
  productId: string,
  reference: string,
  soldOut: { value: boolean },
) {
  const got: Allocation[] = [];
  let need = line.quantity;
  for (let round = 0; round < ROUNDS && need > 0; round++) {
    const rows = line.locationId
      ? (await availableRows(ctx.db, ctx.tenantId, line.skuId)).filter((r) => r.locationId === line.locationId)
      : await availableRows(ctx.db, ctx.tenantId, line.skuId);
    if (!rows.length) break;
    for (const r of rows) {
      const take = Math.min(need, Number(r.available));
      if (take <= 0) continue;
      const meta = movementMeta(ctx, productId, 'order_reserve', reference);
      const left = await reserveAt(ctx.db, ctx.tenantId, line.skuId, r.locationId, take, meta);
      if (left !== null) {
        if (left === 0) soldOut.value = true;
        got.push({ skuId: line.skuId, locationId: r.locationId, quantity: take });
        need -= take;
        if (!need) break;
      }
    }
  }
  return { got, need };
}

/**
 * Holds units for an order: each line from its location, or from the locations with the most units
 * available (split when needed). Only enabled SKUs of products on sale can be held: any other line
 * (disabled, deleted, draft, off sale) throws SkuUnavailableError naming them all. Every hold is a conditional update (`on_hand − reserved ≥ qty`) with
 * its ledger row, so concurrent orders never oversell. Must run inside the caller's transaction:
 * when a line is short it throws StockShortError naming every short line, and the transaction's
 * rollback undoes the holds already made.
 */
export async function reserveStock(ctx: Ctx, lines: StockLine[], reference: string): Promise<Allocation[]> {
  const info = new Map(
    (
      await skusWithProducts(
        ctx.db,
        ctx.tenantId,
        lines.map((l) => l.skuId),
      )
    ).map((s) => [s.id, s]),
  );
  const unavailable = lines.filter((l) => {
    const s = info.get(l.skuId);
    return !s?.enabled || s.deletedAt || s.productDeleted || s.productStatus !== 'on_sale';
  });
  if (unavailable.length) throw new SkuUnavailableError(unavailable.map((l) => l.skuId));
  const sorted = [...lines].sort((a, b) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0));
  const out: Allocation[] = [];
  const short: ShortLine[] = [];
  // A location running out may take the product out of stock in lists; otherwise only its page changes.
  const soldOut = { value: false };
  for (const line of sorted) {
    const { got, need } = await reserveLine(ctx, line, info.get(line.skuId)!.productId, reference, soldOut);
    out.push(...got);
    if (need > 0) short.push({ skuId: line.skuId, requested: line.quantity, available: line.quantity - need });
  }
  if (short.length) throw new StockShortError(short);
  await catalogChanged(ctx, { productIds: lines.map((l) => info.get(l.skuId)!.productId), lists: soldOut.value });
  return out;
}

async function settle(ctx: Ctx, allocations: Allocation[], reference: string, ship: boolean) {
  let backInStock = false;
  const info = new Map(
    (
      await skusWithProducts(
        ctx.db,
        ctx.tenantId,
        allocations.map((a) => a.skuId),
      )
    ).map((s) => [s.id, s]),
  );
  for (const a of [...allocations].sort((x, y) => (x.skuId + x.locationId < y.skuId + y.locationId ? -1 : 1))) {
    const s = info.get(a.skuId);
    if (!s) throw notFound('SKU', a.skuId);
    const meta = movementMeta(ctx, s.productId, ship ? 'order_ship' : 'order_release', reference);
    const left = await settleReserved(ctx.db, ctx.tenantId, a.skuId, a.locationId, a.quantity, ship, meta);
    if (left === null)
      throw new AppError(409, 'NOT_RESERVED', `SKU ${a.skuId} has fewer than ${a.quantity} units reserved there`);
    if (ship) await addSales(ctx.db, ctx.tenantId, s.productId, a.quantity);
    else if (left - a.quantity <= 0) backInStock = true;
  }
  // Shipping leaves what is available as it was (sales counts are as fresh as the cache's maximum age);
  // a release makes units available again, and a location back from zero may put the product back in lists.
  if (!ship)
    await catalogChanged(ctx, { productIds: allocations.map((a) => info.get(a.skuId)!.productId), lists: backInStock });
}

/** Gives held units back (order cancelled or closed unpaid). */
export const releaseStock = (ctx: Ctx, allocations: Allocation[], reference: string) =>
  settle(ctx, allocations, reference, false);

/** Takes held units out of stock for good (shipped) and counts them as sales. */
export const shipStock = (ctx: Ctx, allocations: Allocation[], reference: string) =>
  settle(ctx, allocations, reference, true);

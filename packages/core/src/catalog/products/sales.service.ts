import type { Ctx } from '../../platform';
import { addSales } from '../stock/stock.repo';

/**
 * Adds units sold to products' sales counts (the shop's "sales" sort) for orders loaded in bulk
 * (history, the demo seed); shipping an order counts its units itself. One statement per product.
 */
export async function addProductSales(ctx: Ctx, sales: { productId: string; quantity: number }[]) {
  const byProduct = new Map<string, number>();
  for (const s of sales) byProduct.set(s.productId, (byProduct.get(s.productId) ?? 0) + s.quantity);
  for (const [productId, quantity] of [...byProduct].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (quantity > 0) await addSales(ctx.db, ctx.tenantId, productId, quantity);
}

import type { Ctx } from '../../platform';
import { skuSnapshotRows } from './shop.repo';

/** Why a SKU cannot be bought now; null when it can (stock is judged by the caller against a quantity). */
export type SkuState = 'off_sale' | 'deleted' | 'disabled' | null;

export type SkuSnapshot = {
  skuId: string;
  productId: string;
  title: string;
  specText: string;
  /** Image id of the product cover. */
  cover: string | null;
  /** Current price, fen. */
  price: number;
  /** Units available now, over all locations or at `locationId`. */
  available: number;
  state: SkuState;
};

/**
 * The current price, state and availability of SKUs, in one statement: what carts and checkout
 * re-check on every read. Unknown ids are absent from the map.
 */
export async function skuSnapshots(ctx: Ctx, skuIds: string[], locationId?: string) {
  const rows = await skuSnapshotRows(ctx.db, ctx.tenantId, [...new Set(skuIds)], locationId);
  return new Map<string, SkuSnapshot>(
    rows.map((r) => [
      r.id,
      {
        skuId: r.id,
        productId: r.product_id,
        title: r.title,
        specText: r.spec_text,
        cover: r.cover,
        price: r.price,
        available: Math.max(0, r.available),
        state:
          r.sku_deleted || r.product_deleted
            ? 'deleted'
            : !r.enabled
              ? 'disabled'
              : r.status !== 'on_sale'
                ? 'off_sale'
                : null,
      },
    ]),
  );
}

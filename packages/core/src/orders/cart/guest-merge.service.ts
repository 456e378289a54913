import { type GuestCartLine, type GuestMergeLine, ORDER_LIMITS } from '@siyu/contracts';
import { skuSnapshots } from '../../catalog';
import type { Ctx } from '../../platform';
import { cartRows, updateCartRow, upsertCartItem } from './cart.repo';
import { getCart } from './cart.service';

/** Adds up the units of a SKU listed twice (a guest cart edited in two tabs). */
function combine(lines: GuestCartLine[]) {
  const by = new Map<string, GuestCartLine>();
  for (const l of lines) {
    const had = by.get(l.skuId);
    by.set(l.skuId, had ? { ...had, quantity: had.quantity + l.quantity } : l);
  }
  return [...by.values()];
}

/**
 * Merges a guest's cart (kept in the browser until login) into the customer's cart, in the caller's
 * transaction, re-checked against the catalog now: units add up to what is there, capped by the units
 * available and the per-line limit; a SKU that cannot be bought (deleted, off sale, disabled, sold
 * out) or does not fit (cart full) is reported back with the reason, never dropped silently.
 */
export async function mergeGuestCart(ctx: Ctx, customerId: string, input: GuestCartLine[]) {
  const lines = combine(input);
  const snaps = await skuSnapshots(
    ctx,
    lines.map((l) => l.skuId),
  );
  const rows = await cartRows(ctx.db, ctx.tenantId, customerId);
  const have = new Map(rows.map((r) => [r.skuId, r.quantity]));
  const now = ctx.clock.now();
  const report: GuestMergeLine[] = [];
  for (const l of lines) {
    const s = snaps.get(l.skuId);
    const existing = have.get(l.skuId) ?? 0;
    const line = { skuId: l.skuId, title: s?.title ?? '', requested: l.quantity, price: s?.price ?? null };
    const priceChanged = s !== undefined && l.priceAtAdd !== undefined && l.priceAtAdd !== s.price;
    const reject = (reason: GuestMergeLine['reason']) =>
      report.push({ ...line, added: 0, quantity: existing, outcome: 'rejected', reason, priceChanged });
    if (!s || s.state === 'deleted') reject('deleted');
    else if (s.state) reject(s.state);
    else if (s.available <= existing) reject(s.available <= 0 ? 'out_of_stock' : 'stock_limit');
    else if (!existing && have.size >= ORDER_LIMITS.cartItems) reject('cart_full');
    else {
      const quantity = Math.min(existing + l.quantity, ORDER_LIMITS.quantityPerLine, s.available);
      const added = quantity - existing;
      if (added <= 0) {
        reject('quantity_limit');
        continue;
      }
      await upsertCartItem(ctx.db, ctx.tenantId, customerId, l.skuId, added, l.priceAtAdd ?? s.price, now);
      if (!existing && l.selected === false)
        await updateCartRow(ctx.db, ctx.tenantId, customerId, l.skuId, { selected: false, updatedAt: now });
      have.set(l.skuId, quantity);
      const capped = added < l.quantity;
      const reason = !capped ? null : quantity >= ORDER_LIMITS.quantityPerLine ? 'quantity_limit' : 'stock_limit';
      report.push({ ...line, added, quantity, outcome: capped ? 'capped' : 'merged', reason, priceChanged });
    }
  }
  return { cart: await getCart(ctx, customerId), lines: report };
}

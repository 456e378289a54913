import { type Cart, ORDER_LIMITS } from '@siyu/contracts';
import { type SkuSnapshot, skuSnapshots } from '../../catalog';
import { AppError, conflict, type Ctx, notFound } from '../../platform';
import { cartRows, deleteCartRows, updateCartRow, upsertCartItem } from './cart.repo';

type Issue = Cart['items'][number]['issue'];

/** Why `quantity` units of a SKU cannot be bought now (null: they can). */
export function issueOf(s: SkuSnapshot | undefined, quantity: number): Issue {
  if (!s) return 'deleted';
  if (s.state) return s.state;
  if (s.available <= 0) return 'out_of_stock';
  return s.available < quantity ? 'short' : null;
}

type Held = { skuId: string; quantity: number; selected: boolean; priceAtAdd: number };

/** The cart, re-priced and re-checked against the catalog now (one statement for all its SKUs). */
export async function getCart(ctx: Ctx, customerId: string): Promise<Cart> {
  return priceCart(ctx, await cartRows(ctx.db, ctx.tenantId, customerId));
}

/**
 * A guest's cart (kept by the shop in the browser until login), priced and checked like a customer's:
 * a SKU that is gone comes back flagged `deleted`; `priceAtAdd` is what the guest saw (the current
 * price when not given).
 */
export async function quoteGuestCart(
  ctx: Ctx,
  lines: { skuId: string; quantity: number; selected?: boolean; priceAtAdd?: number }[],
): Promise<Cart> {
  const snaps = await skuSnapshots(
    ctx,
    lines.map((l) => l.skuId),
  );
  return priceCart(
    ctx,
    lines.map((l) => ({
      skuId: l.skuId,
      quantity: l.quantity,
      selected: l.selected ?? true,
      priceAtAdd: l.priceAtAdd ?? snaps.get(l.skuId)?.price ?? 0,
    })),
    snaps,
  );
}

async function priceCart(ctx: Ctx, rows: Held[], known?: Map<string, SkuSnapshot>): Promise<Cart> {
  const snaps =
    known ??
    (await skuSnapshots(
      ctx,
      rows.map((r) => r.skuId),
    ));
  const items = rows.map((r) => {
    const s = snaps.get(r.skuId);
    const price = s?.price ?? r.priceAtAdd;
    return {
      skuId: r.skuId,
      productId: s?.productId ?? '',
      title: s?.title ?? '',
      specText: s?.specText ?? '',
      cover: s?.cover ?? null,
      quantity: r.quantity,
      selected: r.selected,
      price,
      priceAtAdd: r.priceAtAdd,
      priceChanged: price !== r.priceAtAdd,
      available: s?.available ?? 0,
      issue: issueOf(s, r.quantity),
      lineTotal: price * r.quantity,
    };
  });
  const buyable = items.filter((i) => i.selected && !i.issue);
  return {
    items,
    selectedCount: buyable.reduce((n, i) => n + i.quantity, 0),
    selectedTotal: buyable.reduce((n, i) => n + i.lineTotal, 0),
    hasIssues: items.some((i) => i.issue),
  };
}

export async function addToCart(ctx: Ctx, customerId: string, input: { skuId: string; quantity: number }) {
  const snap = (await skuSnapshots(ctx, [input.skuId])).get(input.skuId);
  if (!snap || snap.state === 'deleted') throw notFound('SKU', input.skuId);
  if (snap.state)
    throw conflict('SKU_UNAVAILABLE', `SKU ${input.skuId} can no longer be bought (${snap.state})`, {
      skuIds: [input.skuId],
    });
  const rows = await cartRows(ctx.db, ctx.tenantId, customerId);
  const existing = rows.find((r) => r.skuId === input.skuId);
  if (!existing && rows.length >= ORDER_LIMITS.cartItems)
    throw conflict('CART_FULL', `A cart holds at most ${ORDER_LIMITS.cartItems} different items`);
  if ((existing?.quantity ?? 0) + input.quantity > ORDER_LIMITS.quantityPerLine)
    throw conflict('QUANTITY_LIMIT', `At most ${ORDER_LIMITS.quantityPerLine} units of one item`);
  await upsertCartItem(ctx.db, ctx.tenantId, customerId, input.skuId, input.quantity, snap.price, ctx.clock.now());
  return getCart(ctx, customerId);
}

export async function updateCartItem(
  ctx: Ctx,
  customerId: string,
  skuId: string,
  patch: { quantity?: number; selected?: boolean },
) {
  const set = { ...patch, updatedAt: ctx.clock.now() };
  if (!(await updateCartRow(ctx.db, ctx.tenantId, customerId, skuId, set))) throw notFound('Cart item', skuId);
  return getCart(ctx, customerId);
}

export async function removeCartItem(ctx: Ctx, customerId: string, skuId: string) {
  if (!(await deleteCartRows(ctx.db, ctx.tenantId, customerId, [skuId]))) throw notFound('Cart item', skuId);
  return getCart(ctx, customerId);
}

/** Bought items leave the cart (placing an order from the cart). */
export const removeBought = (ctx: Ctx, customerId: string, skuIds: string[]) =>
  deleteCartRows(ctx.db, ctx.tenantId, customerId, skuIds);

/** The selected lines of the cart, for checkout. */
export async function selectedLines(ctx: Ctx, customerId: string) {
  return (await cartRows(ctx.db, ctx.tenantId, customerId))
    .filter((r) => r.selected)
    .map((r) => ({ skuId: r.skuId, quantity: r.quantity }));
}

/** "Buy again": the lines of an earlier order go back into the cart; what cannot be bought is skipped. */
export async function addLinesToCart(ctx: Ctx, customerId: string, lines: { skuId: string; quantity: number }[]) {
  const skipped: { skuId: string; reason: string }[] = [];
  for (const line of lines) {
    try {
      await addToCart(ctx, customerId, line);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      skipped.push({ skuId: line.skuId, reason: e.code });
    }
  }
  return { cart: await getCart(ctx, customerId), skipped };
}

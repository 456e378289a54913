import { type GuestCartLine, ORDER_LIMITS } from '@siyu/contracts';
import { useSyncExternalStore } from 'react';
import { ApiError } from '../../api/client';

/**
 * The cart of a shopper who has not logged in, kept in this browser (localStorage, one per shop) and
 * priced by the API on every read (POST cart/quote). At login it is merged into the customer's cart in
 * one call (POST cart/merge) and cleared. A stored value that does not parse is treated as empty.
 */
export type GuestLine = GuestCartLine & { selected: boolean };

const keyOf = (slug: string) => `siyu.guestCart.${slug}`;
const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; lines: GuestLine[] }>();

export function guestLines(slug: string): GuestLine[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(keyOf(slug));
  } catch {
    return [];
  }
  const hit = cache.get(slug);
  if (hit && hit.raw === raw) return hit.lines;
  let lines: GuestLine[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed))
      lines = parsed
        .filter((l): l is GuestLine => typeof l?.skuId === 'string' && Number.isInteger(l?.quantity) && l.quantity > 0)
        .map((l) => ({ ...l, selected: l.selected !== false }))
        .slice(0, ORDER_LIMITS.cartItems);
  } catch {
    lines = [];
  }
  cache.set(slug, { raw, lines });
  return lines;
}

function save(slug: string, lines: GuestLine[]) {
  try {
    if (lines.length) window.localStorage.setItem(keyOf(slug), JSON.stringify(lines));
    else window.localStorage.removeItem(keyOf(slug));
  } catch {
    // Private mode or a full storage: the change stays unsaved; the next read shows what is stored.
  }
  for (const l of listeners) l();
}

const refuse = (code: string, message: string) => new ApiError(409, code, message);

/** Adds units (the same limits as a customer's cart: 100 items, 999 units of one). */
export function addGuestLine(slug: string, skuId: string, quantity: number, price: number) {
  const lines = guestLines(slug);
  const had = lines.find((l) => l.skuId === skuId);
  if (!had && lines.length >= ORDER_LIMITS.cartItems)
    throw refuse('CART_FULL', `A cart holds at most ${ORDER_LIMITS.cartItems} different items`);
  if ((had?.quantity ?? 0) + quantity > ORDER_LIMITS.quantityPerLine)
    throw refuse('QUANTITY_LIMIT', `At most ${ORDER_LIMITS.quantityPerLine} units of one item`);
  save(
    slug,
    had
      ? lines.map((l) => (l.skuId === skuId ? { ...l, quantity: l.quantity + quantity, selected: true } : l))
      : [...lines, { skuId, quantity, selected: true, priceAtAdd: price }],
  );
}

export function updateGuestLine(slug: string, skuId: string, patch: { quantity?: number; selected?: boolean }) {
  const lines = guestLines(slug);
  if (!lines.some((l) => l.skuId === skuId)) throw new ApiError(404, 'NOT_FOUND', 'Cart item not found');
  save(
    slug,
    lines.map((l) => (l.skuId === skuId ? { ...l, ...patch } : l)),
  );
}

export const removeGuestLine = (slug: string, skuId: string) =>
  save(
    slug,
    guestLines(slug).filter((l) => l.skuId !== skuId),
  );

export const clearGuestCart = (slug: string) => save(slug, []);

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key?.startsWith('siyu.guestCart.')) listener();
  };
  window.addEventListener('storage', onStorage); // another tab changed it
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The guest cart's lines, re-rendering when they change (here or in another tab). */
export const useGuestLines = (slug: string) =>
  useSyncExternalStore(
    subscribe,
    () => guestLines(slug),
    () => [],
  );

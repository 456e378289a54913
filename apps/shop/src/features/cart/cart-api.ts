import { type Cart, fillPath, type GuestMergeLine, shopCatalogRoutes, shopOrderRoutes } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, call } from '../../api/client';
import { useSession } from '../../api/session';
import {
  addGuestLine,
  clearGuestCart,
  guestLines,
  removeGuestLine,
  updateGuestLine,
  useGuestLines,
} from './guest-cart';

export type CartItemView = Cart['items'][number];

export const cartKeys = {
  cart: (slug: string) => ['cart', slug] as const,
  guest: (slug: string, lines: unknown) => ['cart', slug, 'guest', lines] as const,
  mergeReport: (slug: string) => ['cart', slug, 'merge-report'] as const,
};

const EMPTY: Cart = { items: [], selectedCount: 0, selectedTotal: 0, hasIssues: false };

/** A guest cart priced by the API now (current prices, availability, issues), like a customer's. */
const quote = (slug: string) => {
  const items = guestLines(slug);
  return items.length ? call(shopOrderRoutes.quoteGuestCart, { params: { slug }, body: { items } }) : EMPTY;
};

/**
 * The cart, re-priced by the API on every read (items that cannot be bought come flagged): the
 * customer's when logged in, else the guest cart kept in this browser.
 */
export function useCart(slug: string, enabled = true) {
  const session = useSession(slug);
  const lines = useGuestLines(slug);
  const loggedIn = !!session.data;
  const server = useQuery({
    queryKey: cartKeys.cart(slug),
    queryFn: () => call(shopOrderRoutes.cart, { params: { slug } }),
    enabled: enabled && loggedIn,
  });
  const guest = useQuery({
    queryKey: cartKeys.guest(slug, lines),
    queryFn: () => quote(slug),
    enabled: enabled && session.isSuccess && !loggedIn,
    placeholderData: (previous) => previous, // a change re-prices without flashing the skeleton
  });
  return { ...(loggedIn ? server : guest), isGuest: !loggedIn, sessionPending: session.isPending };
}

/** Units in the cart, for the tab's badge (the guest cart counts without asking the API). */
export function useCartCount(slug: string) {
  const session = useSession(slug);
  const lines = useGuestLines(slug);
  const cart = useQuery({
    queryKey: cartKeys.cart(slug),
    queryFn: () => call(shopOrderRoutes.cart, { params: { slug } }),
    enabled: !!session.data,
  });
  const items = session.data ? (cart.data?.items ?? []) : lines;
  return items.reduce((n, i) => n + i.quantity, 0);
}

/**
 * Add, change and remove items; every answer is the whole cart, which replaces the cached one. A
 * guest's changes are kept in this browser and re-priced by the API.
 */
export function useCartActions(slug: string) {
  const queryClient = useQueryClient();
  const session = useSession(slug);
  const guest = !session.data;
  const keep = (cart: Cart) =>
    queryClient.setQueryData(guest ? cartKeys.guest(slug, guestLines(slug)) : cartKeys.cart(slug), cart);
  // One after another (quick taps on a stepper): the last answer is the cart after every change.
  const scope = { id: `cart:${slug}` };
  const add = useMutation({
    mutationFn: async (input: { skuId: string; quantity: number; price?: number }) => {
      if (!guest) return call(shopOrderRoutes.addToCart, { params: { slug }, body: input });
      addGuestLine(slug, input.skuId, input.quantity, input.price ?? 0);
      const cart = await quote(slug);
      const added = cart.items.find((i) => i.skuId === input.skuId);
      if (added?.issue && added.issue !== 'short' && added.issue !== 'out_of_stock') {
        removeGuestLine(slug, input.skuId);
        throw new ApiError(409, 'SKU_UNAVAILABLE', `SKU ${input.skuId} can no longer be bought`);
      }
      return cart;
    },
    onSuccess: keep,
    scope,
  });
  const update = useMutation({
    mutationFn: async (input: { skuId: string; quantity?: number; selected?: boolean }) => {
      const patch = { quantity: input.quantity, selected: input.selected };
      if (!guest) return call(shopOrderRoutes.updateCartItem, { params: { slug, skuId: input.skuId }, body: patch });
      updateGuestLine(slug, input.skuId, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
      return quote(slug);
    },
    onSuccess: keep,
    scope,
  });
  const remove = useMutation({
    mutationFn: async (skuId: string) => {
      if (!guest) return call(shopOrderRoutes.removeCartItem, { params: { slug, skuId } });
      removeGuestLine(slug, skuId);
      return quote(slug);
    },
    onSuccess: keep,
    scope,
  });
  return { add, update, remove, keep };
}

/**
 * After login: the guest cart goes into the customer's cart in one call (re-checked by the API) and
 * is cleared here; what could not be added in full is kept for the cart page to say. Nothing to do
 * without a guest cart. A failure leaves the guest cart for the next try (the cart page tries again).
 */
export function useMergeGuestCart(slug: string) {
  const queryClient = useQueryClient();
  return useCallback(() => {
    // One merge at a time per shop (login and the cart page may both ask): a second would add twice.
    const running = merging.get(slug);
    if (running) return running;
    const run = (async (): Promise<GuestMergeLine[]> => {
      const items = guestLines(slug);
      if (!items.length) return [];
      const result = await call(shopOrderRoutes.mergeGuestCart, { params: { slug }, body: { items } });
      clearGuestCart(slug);
      queryClient.setQueryData(cartKeys.cart(slug), result.cart);
      const notMerged = result.lines.filter((l) => l.outcome !== 'merged');
      queryClient.setQueryData(cartKeys.mergeReport(slug), notMerged);
      return notMerged;
    })().finally(() => merging.delete(slug));
    merging.set(slug, run);
    return run;
  }, [slug, queryClient]);
}
const merging = new Map<string, Promise<GuestMergeLine[]>>();

/** A cart item's cover is an image id; the shop's public image route serves it. */
export const catalogImageUrl = (slug: string, imageId: string) =>
  `/api${fillPath(shopCatalogRoutes.image.path, { slug, id: imageId })}`;

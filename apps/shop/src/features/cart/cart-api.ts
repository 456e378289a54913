import { type Cart, fillPath, shopCatalogRoutes, shopOrderRoutes } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

export type CartItemView = Cart['items'][number];

export const cartKeys = {
  cart: (slug: string) => ['cart', slug] as const,
};

/** The cart, re-priced by the API on every read (items that cannot be bought come flagged). */
export const useCart = (slug: string, enabled = true) =>
  useQuery({
    queryKey: cartKeys.cart(slug),
    queryFn: () => call(shopOrderRoutes.cart, { params: { slug } }),
    enabled,
  });

/** Add, change and remove items; every answer is the whole cart, which replaces the cached one. */
export function useCartActions(slug: string) {
  const queryClient = useQueryClient();
  const keep = (cart: Cart) => queryClient.setQueryData(cartKeys.cart(slug), cart);
  // One after another (quick taps on a stepper): the last answer is the cart after every change.
  const scope = { id: `cart:${slug}` };
  const add = useMutation({
    mutationFn: (input: { skuId: string; quantity: number }) =>
      call(shopOrderRoutes.addToCart, { params: { slug }, body: input }),
    onSuccess: keep,
    scope,
  });
  const update = useMutation({
    mutationFn: (input: { skuId: string; quantity?: number; selected?: boolean }) =>
      call(shopOrderRoutes.updateCartItem, {
        params: { slug, skuId: input.skuId },
        body: { quantity: input.quantity, selected: input.selected },
      }),
    onSuccess: keep,
    scope,
  });
  const remove = useMutation({
    mutationFn: (skuId: string) => call(shopOrderRoutes.removeCartItem, { params: { slug, skuId } }),
    onSuccess: keep,
    scope,
  });
  return { add, update, remove, keep };
}

/** A cart item's cover is an image id; the shop's public image route serves it. */
export const catalogImageUrl = (slug: string, imageId: string) =>
  `/api${fillPath(shopCatalogRoutes.image.path, { slug, id: imageId })}`;

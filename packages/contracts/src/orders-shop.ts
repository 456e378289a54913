import { z } from 'zod';
import { Ok, Slug } from './common';
import {
  Address,
  AddressId,
  AddressInput,
  AddressPatch,
  Cart,
  CartIssue,
  ClientKey,
  DeliveryMethod,
  ORDER_LIMITS,
  Order,
  OrderFen,
  OrderId,
  OrderQuantity,
  OrderSkuId,
  OrderStatus,
  PaymentMethod,
  PriceBreakdown,
  StoreId,
} from './orders-common';
import { route } from './routes';

const Params = z.object({ slug: Slug });
const SkuParams = Params.extend({ skuId: OrderSkuId });
const AddressParams = Params.extend({ id: AddressId });
const OrderParams = Params.extend({ id: OrderId });

export const CartAdd = z.object({ skuId: OrderSkuId, quantity: OrderQuantity.default(1) });
export const CartPatch = z.object({ quantity: OrderQuantity.optional(), selected: z.boolean().optional() });

/** A line of a guest's cart, kept by the shop in the browser until the shopper logs in. */
export const GuestCartLine = z.object({
  skuId: OrderSkuId,
  quantity: OrderQuantity,
  selected: z.boolean().optional(),
  priceAtAdd: OrderFen.optional().describe('the price the guest saw when adding (fen)'),
});
export type GuestCartLine = z.infer<typeof GuestCartLine>;
const GuestLines = z
  .array(GuestCartLine)
  .max(ORDER_LIMITS.cartItems, `at most ${ORDER_LIMITS.cartItems} items`)
  .describe('the guest cart');
export const GuestCartInput = z.object({ items: GuestLines });
/** What merging did with one guest line. */
export const GuestMergeLine = z.object({
  skuId: z.string(),
  title: z.string().describe('empty when the SKU no longer exists'),
  requested: z.number().int().describe('units in the guest cart'),
  added: z.number().int().describe('units added to the cart'),
  quantity: z.number().int().describe('units of the SKU in the cart now'),
  price: z.number().int().nullable().describe('current price, fen (null: gone)'),
  priceChanged: z.boolean().describe('the price is not what the guest saw'),
  outcome: z.enum(['merged', 'capped', 'rejected']),
  reason: z
    .union([CartIssue, z.enum(['stock_limit', 'quantity_limit', 'cart_full'])])
    .nullable()
    .describe('why fewer units (or none) were added'),
});
export type GuestMergeLine = z.infer<typeof GuestMergeLine>;
export const GuestMergeResult = z.object({ cart: Cart, lines: z.array(GuestMergeLine) });

/** What to buy and how to receive it. Without `buyNow`: the cart's selected items. */
export const CheckoutInput = z.object({
  buyNow: z
    .object({ skuId: OrderSkuId, quantity: OrderQuantity })
    .optional()
    .describe('"buy now": this one SKU instead of the cart'),
  delivery: DeliveryMethod.default('express'),
  addressId: AddressId.optional().describe('express: the address (default: the default address)'),
  storeId: StoreId.optional().describe('pickup: the store'),
  remark: z.string().trim().max(ORDER_LIMITS.remarkChars).optional(),
});
export const PlaceOrderInput = CheckoutInput.extend({ clientKey: ClientKey });
export const CheckoutPreview = z.object({
  breakdown: PriceBreakdown,
  delivery: DeliveryMethod,
  address: Address.nullable(),
  storeId: z.string().nullable(),
  problems: z.array(z.object({ skuId: z.string(), issue: z.string() })).describe('lines that cannot be bought'),
});
export const PayInput = z.object({
  channel: PaymentMethod,
  openid: z.string().max(128).optional().describe('wechat_jsapi: the payer openid'),
});
export const PayAction = z.object({
  paymentId: z.string(),
  outTradeNo: z.string(),
  amount: z.number().int(),
  action: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('jsapi'), prepayId: z.string(), params: z.record(z.string(), z.string()) }),
    z.object({ kind: z.literal('h5'), url: z.string() }),
    z.object({ kind: z.literal('native'), codeUrl: z.string() }),
    z.object({ kind: z.literal('redirect'), url: z.string() }),
  ]),
});
export const ShopOrderQuery = z.object({
  status: OrderStatus.optional(),
  cursor: z.string().max(60).optional(),
});
export const OrderCounts = z.object({
  counts: z.record(OrderStatus, z.number().int()).describe('orders per status (every status, 0 when none)'),
});
export const PickupStore = z.object({ id: z.string(), name: z.string(), address: z.string().nullable() });

export const shopOrderRoutes = {
  cart: route({
    method: 'GET',
    path: '/shop/t/:slug/cart',
    audience: 'shop',
    summary: 'The cart with current prices and availability; items that cannot be bought are flagged',
    params: Params,
    response: Cart,
  }),
  addToCart: route({
    method: 'POST',
    path: '/shop/t/:slug/cart/items',
    audience: 'shop',
    summary: `Add units of a SKU (added to what is there; at most ${ORDER_LIMITS.cartItems} SKUs)`,
    params: Params,
    body: CartAdd,
    response: Cart,
  }),
  updateCartItem: route({
    method: 'PATCH',
    path: '/shop/t/:slug/cart/items/:skuId',
    audience: 'shop',
    summary: 'Change the quantity or select/unselect an item',
    params: SkuParams,
    body: CartPatch,
    response: Cart,
  }),
  removeCartItem: route({
    method: 'DELETE',
    path: '/shop/t/:slug/cart/items/:skuId',
    audience: 'shop',
    summary: 'Remove an item',
    params: SkuParams,
    response: Cart,
  }),
  quoteGuestCart: route({
    method: 'POST',
    path: '/shop/t/:slug/cart/quote',
    audience: 'public',
    summary:
      "Price a guest's cart (kept in the browser before login) like a cart: current prices, availability, issues",
    params: Params,
    body: GuestCartInput,
    response: Cart,
  }),
  mergeGuestCart: route({
    method: 'POST',
    path: '/shop/t/:slug/cart/merge',
    audience: 'shop',
    summary:
      "At login: merge the guest cart into the shopper's cart, re-checked now (units add up, capped by stock and " +
      'the per-line limit); each line says what happened, lines that cannot be bought are reported with the reason',
    params: Params,
    body: GuestCartInput,
    response: GuestMergeResult,
  }),
  addresses: route({
    method: 'GET',
    path: '/shop/t/:slug/addresses',
    audience: 'shop',
    summary: 'The address book, default first',
    params: Params,
    response: z.object({ items: z.array(Address) }),
  }),
  createAddress: route({
    method: 'POST',
    path: '/shop/t/:slug/addresses',
    audience: 'shop',
    summary: `Add an address (at most ${ORDER_LIMITS.addressesPerCustomer}: 409 ADDRESS_LIMIT); the first is the default`,
    params: Params,
    body: AddressInput,
    response: Address,
    status: 201,
  }),
  updateAddress: route({
    method: 'PATCH',
    path: '/shop/t/:slug/addresses/:id',
    audience: 'shop',
    summary: 'Change an address or make it the default',
    params: AddressParams,
    body: AddressPatch,
    response: Address,
  }),
  deleteAddress: route({
    method: 'DELETE',
    path: '/shop/t/:slug/addresses/:id',
    audience: 'shop',
    summary: 'Delete an address (the newest other one becomes the default)',
    params: AddressParams,
    response: Ok,
  }),
  pickupStores: route({
    method: 'GET',
    path: '/shop/t/:slug/pickup-stores',
    audience: 'public',
    summary: 'Stores where orders can be picked up (empty when pick-up is off)',
    params: Params,
    response: z.object({ items: z.array(PickupStore) }),
  }),
  preview: route({
    method: 'POST',
    path: '/shop/t/:slug/checkout/preview',
    audience: 'shop',
    summary:
      'Price the cart selection (or one SKU: buyNow) through the pricing pipeline: items, discounts, shipping, total',
    params: Params,
    body: CheckoutInput,
    response: CheckoutPreview,
  }),
  placeOrder: route({
    method: 'POST',
    path: '/shop/t/:slug/orders',
    audience: 'shop',
    summary:
      'Place an order: stock reserved (409 STOCK_SHORT / SKU_UNAVAILABLE naming the SKUs), bought items leave the cart; ' +
      'the same clientKey returns the same order',
    params: Params,
    body: PlaceOrderInput,
    response: Order,
    status: 201,
  }),
  orders: route({
    method: 'GET',
    path: '/shop/t/:slug/orders',
    audience: 'shop',
    summary: `My orders, newest first, ${ORDER_LIMITS.shopPageSize} a page`,
    params: Params,
    query: ShopOrderQuery,
    response: z.object({ items: z.array(Order), nextCursor: z.string().nullable() }),
  }),
  orderCounts: route({
    method: 'GET',
    path: '/shop/t/:slug/orders/counts',
    audience: 'shop',
    summary: 'How many of my orders are in each status (the badges of 待付款, 待发货, 待收货 …)',
    params: Params,
    response: OrderCounts,
  }),
  order: route({
    method: 'GET',
    path: '/shop/t/:slug/orders/:id',
    audience: 'shop',
    summary: 'One of my orders',
    params: OrderParams,
    response: Order,
  }),
  pay: route({
    method: 'POST',
    path: '/shop/t/:slug/orders/:id/pay',
    audience: 'shop',
    summary:
      'Start paying an order waiting for payment: what the client needs (JSAPI params, H5 URL, QR code, redirect)',
    params: OrderParams,
    body: PayInput,
    response: PayAction,
  }),
  cancel: route({
    method: 'POST',
    path: '/shop/t/:slug/orders/:id/cancel',
    audience: 'shop',
    summary: 'Cancel before payment (409 ORDER_STATE otherwise); the stock is released',
    params: OrderParams,
    response: Order,
  }),
  buyAgain: route({
    method: 'POST',
    path: '/shop/t/:slug/orders/:id/buy-again',
    audience: 'shop',
    summary:
      "Put an order's items back in the cart (selected); items that can no longer be bought are listed in skipped",
    params: OrderParams,
    response: z.object({ cart: Cart, skipped: z.array(z.object({ skuId: z.string(), reason: z.string() })) }),
  }),
  confirmReceipt: route({
    method: 'POST',
    path: '/shop/t/:slug/orders/:id/confirm-receipt',
    audience: 'shop',
    summary: 'Confirm receipt of a shipped or delivered order: it is completed',
    params: OrderParams,
    response: Order,
  }),
};

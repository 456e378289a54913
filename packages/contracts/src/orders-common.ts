import { z } from 'zod';
import { CnMobile, idOf, Timestamp } from './common';

/**
 * Cart, addresses, shipping, checkout and orders. Money is integer fen. Every limit of the orders
 * domain is here (R13).
 */
export const ORDER_LIMITS = {
  /** Saved addresses per customer. */
  addressesPerCustomer: 20,
  /** Distinct SKUs in one cart (and lines in one order). */
  cartItems: 100,
  /** Units of one SKU in one line. */
  quantityPerLine: 999,
  /** Minutes a placed order waits for payment before the close job closes it (tenant setting). */
  paymentMinutesDefault: 15,
  paymentMinutesMin: 5,
  paymentMinutesMax: 1440,
  /** Notifications are not guaranteed: an attempt still pending this long is queried by the reconcile job. */
  reconcileAfterMinutes: 2,
  /** An automatic refund still pending or processing this long is asked again by the refund job's sweep. */
  refundSweepAfterMinutes: 5,
  /** Province overrides in the express fee rules. */
  provinceRules: 40,
  remarkChars: 200,
  /** Days one statistics request may cover. */
  statsDays: 92,
  /** Orders in one CSV export (narrow the filter beyond that: 409 EXPORT_TOO_LARGE). */
  exportRows: 20_000,
  /** Orders in one page of the shopper's list. */
  shopPageSize: 20,
  /** Largest payment notification body accepted (WeChat's and Alipay's are a few KB). */
  notificationBytes: 64 * 1024,
  /** Orders in one admin list page. */
  adminPageSize: 50,
} as const;

export const OrderId = idOf('ord');
export const AddressId = idOf('adr');
export const OrderSkuId = idOf('sku');
export const StoreId = idOf('org');
export const OrderFen = z.number().int('must be whole fen').min(0).max(100_000_000_00, 'must be at most ¥100,000,000');
export const OrderQuantity = z.number().int().min(1).max(ORDER_LIMITS.quantityPerLine);
/** A client-chosen key that makes placing an order idempotent (a retry returns the same order). */
export const ClientKey = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be 8–64 letters, digits, _ or -');

export const OrderStatus = z.enum([
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'closed',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;
export const DeliveryMethod = z.enum(['express', 'pickup']);
export const PaymentMethod = z.enum(['wechat_jsapi', 'wechat_h5', 'wechat_native', 'alipay_wap', 'alipay_page']);
export const PaymentProviderName = z.enum(['wechatpay', 'alipay', 'fake']);

const Text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
export const AddressFields = z.object({
  name: Text(30).describe('recipient'),
  phone: CnMobile,
  province: Text(20).describe('省'),
  city: Text(20).describe('市'),
  district: Text(20).describe('区/县'),
  detail: Text(120).describe('street, building, room'),
});
export const AddressInput = AddressFields.extend({ isDefault: z.boolean().default(false) });
export const AddressPatch = AddressFields.partial().extend({ isDefault: z.boolean().optional() });
export const Address = AddressFields.extend({ id: z.string(), isDefault: z.boolean(), updatedAt: Timestamp });
export type Address = z.infer<typeof Address>;
/** The address as it was when the order was placed (later edits of the address book do not change it). */
export const AddressSnapshot = AddressFields;

/** Why a cart item cannot be bought now. */
export const CartIssue = z.enum(['off_sale', 'deleted', 'disabled', 'out_of_stock', 'short']);
export const CartItem = z.object({
  skuId: z.string(),
  productId: z.string(),
  title: z.string(),
  specText: z.string(),
  cover: z.string().nullable().describe('image id of the product cover'),
  quantity: z.number().int(),
  selected: z.boolean(),
  price: z.number().int().describe('current price, fen'),
  priceAtAdd: z.number().int().describe('price when added, fen'),
  priceChanged: z.boolean(),
  available: z.number().int().describe('units that can be bought now'),
  issue: CartIssue.nullable().describe('null: can be bought'),
  lineTotal: z.number().int(),
});
export const Cart = z.object({
  items: z.array(CartItem),
  selectedCount: z.number().int().describe('units of selected items that can be bought'),
  selectedTotal: z.number().int().describe('fen, selected items that can be bought'),
  hasIssues: z.boolean(),
});
export type Cart = z.infer<typeof Cart>;

export const ProvinceRule = z.object({
  province: Text(20),
  fee: OrderFen,
  freeOver: OrderFen.nullable().default(null).describe('free shipping at or above this subtotal; null: never'),
});
export const ShippingRules = z.object({
  express: z.object({
    enabled: z.boolean(),
    flatFee: OrderFen,
    freeOver: OrderFen.nullable().describe('free shipping at or above this subtotal; null: never'),
    provinces: z.array(ProvinceRule).max(ORDER_LIMITS.provinceRules).describe('overrides by province'),
  }),
  pickup: z.object({ enabled: z.boolean().describe('pick up in a store (an org unit of kind store)') }),
});
export const OrderSettings = z.object({
  paymentMinutes: z
    .number()
    .int()
    .min(ORDER_LIMITS.paymentMinutesMin)
    .max(ORDER_LIMITS.paymentMinutesMax)
    .describe('an unpaid order is closed this many minutes after it was placed'),
  shipping: ShippingRules,
});
export type OrderSettings = z.infer<typeof OrderSettings>;

/** One step's contribution: discounts are negative, by source (coupon, points, member, campaign …). */
export const PriceAdjustment = z.object({
  source: z.string(),
  label: z.string(),
  amount: z.number().int().describe('fen; negative for a discount'),
});
export const PricedLine = z.object({
  skuId: z.string(),
  productId: z.string(),
  title: z.string(),
  specText: z.string(),
  unitPrice: z.number().int(),
  quantity: z.number().int(),
  lineTotal: z.number().int(),
});
export const PriceBreakdown = z.object({
  lines: z.array(PricedLine),
  itemsTotal: z.number().int().describe('fen, before discounts'),
  discounts: z.array(PriceAdjustment),
  discountTotal: z.number().int().describe('fen, ≥ 0'),
  shippingFee: z.number().int(),
  total: z.number().int().describe('fen, what the buyer pays'),
});
export type PriceBreakdown = z.infer<typeof PriceBreakdown>;

export const OrderLine = PricedLine.extend({
  id: z.string(),
  shippedQuantity: z.number().int().describe('units already in a parcel'),
});
export const ShipmentLine = z.object({
  lineId: z.string(),
  skuId: z.string(),
  title: z.string(),
  specText: z.string(),
  quantity: z.number().int(),
});
/** One parcel: carrier, tracking number and the units of each line in it. */
export const Shipment = z.object({
  id: z.string(),
  carrier: z.string(),
  trackingNo: z.string(),
  lines: z.array(ShipmentLine),
  shippedAt: Timestamp,
});
export type Shipment = z.infer<typeof Shipment>;
/**
 * How much of a paid order has left: `none`; `partial` (部分发货: some parcels sent, the order stays
 * `paid` until every unit is shipped); `all`.
 */
export const Fulfilment = z.enum(['none', 'partial', 'all']);
export const OrderTransition = z.object({
  from: OrderStatus.nullable(),
  to: OrderStatus,
  at: Timestamp,
  actor: z.string().describe('staff name, shopper, system'),
  note: z.string().nullable(),
});
export const OrderPayment = z.object({
  id: z.string(),
  provider: PaymentProviderName,
  channel: PaymentMethod,
  outTradeNo: z.string(),
  amount: z.number().int(),
  status: z.enum(['pending', 'paid', 'closed', 'mismatch']),
  transactionId: z.string().nullable(),
  createdAt: Timestamp,
  paidAt: Timestamp.nullable(),
  problem: z.string().nullable().describe('e.g. paid after the order was closed'),
  refund: z
    .object({
      status: z.enum(['pending', 'processing', 'succeeded', 'failed']),
      refundNo: z.string(),
      refundId: z.string().nullable(),
      tries: z.number().int(),
      error: z.string().nullable(),
      refundedAt: Timestamp.nullable(),
    })
    .nullable()
    .describe('the automatic refund of a payment that arrived for a closed or cancelled order'),
});
export const Order = z.object({
  id: z.string(),
  status: OrderStatus,
  customerId: z.string(),
  lines: z.array(OrderLine),
  itemsTotal: z.number().int(),
  discountTotal: z.number().int(),
  shippingFee: z.number().int(),
  priceAdjustment: z.number().int().describe('fen, set by staff before payment (negative lowers the price)'),
  total: z.number().int(),
  discounts: z.array(PriceAdjustment),
  delivery: DeliveryMethod,
  address: AddressSnapshot.nullable(),
  storeId: z.string().nullable(),
  buyerRemark: z.string().nullable(),
  paymentDeadline: Timestamp,
  paymentMethod: PaymentMethod.nullable(),
  carrier: z.string().nullable().describe('of the latest parcel'),
  trackingNo: z.string().nullable().describe('of the latest parcel'),
  fulfilment: Fulfilment,
  shipments: z.array(Shipment).describe('parcels, oldest first'),
  placedAt: Timestamp,
  paidAt: Timestamp.nullable(),
  shippedAt: Timestamp.nullable(),
  deliveredAt: Timestamp.nullable(),
  completedAt: Timestamp.nullable(),
  cancelledAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
});
export type Order = z.infer<typeof Order>;

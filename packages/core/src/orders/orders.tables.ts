import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const fen = (name: string) => bigint(name, { mode: 'number' });

export type ShippingRulesJson = {
  express: {
    enabled: boolean;
    flatFee: number;
    freeOver: number | null;
    provinces: { province: string; fee: number; freeOver: number | null }[];
  };
  pickup: { enabled: boolean };
};
export type AddressJson = {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
};
export type AllocationJson = { skuId: string; locationId: string; quantity: number };
export type DiscountJson = { source: string; label: string; amount: number };
export type RemarkJson = { text: string; by: string; at: string };
/** The units of one order line in one parcel. */
export type ShipmentLineJson = { lineId: string; skuId: string; title: string; specText: string; quantity: number };

/** One row per tenant that changed the defaults (payment deadline, shipping rules). */
export const orderSettings = pgTable('orders_settings', {
  tenantId: text('tenant_id').primaryKey(),
  paymentMinutes: integer('payment_minutes').notNull(),
  shipping: jsonb('shipping').$type<ShippingRulesJson>().notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** The persistent cart of a customer: one row per SKU. */
export const cartItems = pgTable(
  'orders_cart_items',
  {
    tenantId: text('tenant_id').notNull(),
    customerId: text('customer_id').notNull(),
    skuId: text('sku_id').notNull(),
    quantity: integer('quantity').notNull(),
    selected: boolean('selected').notNull().default(true),
    priceAtAdd: fen('price_at_add').notNull(),
    addedAt: ts('added_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.customerId, t.skuId] }),
    check('orders_cart_items_quantity', sql`${t.quantity} > 0`),
  ],
);

export const addresses = pgTable(
  'orders_addresses',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    province: text('province').notNull(),
    city: text('city').notNull(),
    district: text('district').notNull(),
    detail: text('detail').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('orders_addresses_customer_idx').on(t.tenantId, t.customerId),
    uniqueIndex('orders_addresses_default_uq').on(t.tenantId, t.customerId).where(sql`${t.isDefault}`),
  ],
);

export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'closed',
] as const;
export type OrderStatusValue = (typeof ORDER_STATUSES)[number];

export const orders = pgTable(
  'orders',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    /** The shopper's client key: placing twice with it returns the first order. */
    clientKey: text('client_key').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    itemsTotal: fen('items_total').notNull(),
    discountTotal: fen('discount_total').notNull().default(0),
    shippingFee: fen('shipping_fee').notNull().default(0),
    priceAdjustment: fen('price_adjustment').notNull().default(0),
    total: fen('total').notNull(),
    discounts: jsonb('discounts').$type<DiscountJson[]>().notNull().default([]),
    delivery: text('delivery', { enum: ['express', 'pickup'] }).notNull(),
    address: jsonb('address').$type<AddressJson | null>(),
    storeId: text('store_id'),
    buyerRemark: text('buyer_remark'),
    paymentDeadline: ts('payment_deadline').notNull(),
    paymentMethod: text('payment_method'),
    /** Where the reserved units are held (released on cancel/close, shipped on ship). */
    allocations: jsonb('allocations').$type<AllocationJson[]>().notNull().default([]),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    remarks: jsonb('remarks').$type<RemarkJson[]>().notNull().default([]),
    placedAt: ts('placed_at').notNull(),
    paidAt: ts('paid_at'),
    shippedAt: ts('shipped_at'),
    deliveredAt: ts('delivered_at'),
    completedAt: ts('completed_at'),
    cancelledAt: ts('cancelled_at'),
    closedAt: ts('closed_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('orders_client_key_uq').on(t.tenantId, t.customerId, t.clientKey),
    index('orders_customer_idx').on(t.tenantId, t.customerId, t.id),
    index('orders_status_idx').on(t.tenantId, t.status, t.id),
    index('orders_deadline_idx').on(t.tenantId, t.paymentDeadline).where(sql`${t.status} = 'pending_payment'`),
    index('orders_paid_at_idx').on(t.tenantId, t.paidAt),
    check('orders_total_positive', sql`${t.total} > 0`),
  ],
);

export const orderLines = pgTable(
  'orders_lines',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    orderId: text('order_id').notNull(),
    skuId: text('sku_id').notNull(),
    productId: text('product_id').notNull(),
    title: text('title').notNull(),
    specText: text('spec_text').notNull(),
    unitPrice: fen('unit_price').notNull(),
    quantity: integer('quantity').notNull(),
    lineTotal: fen('line_total').notNull(),
    /** Units already in a parcel (partial shipments); the order is shipped when every line is. */
    shippedQuantity: integer('shipped_quantity').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('orders_lines_order_idx').on(t.tenantId, t.orderId),
    check('orders_lines_shipped_le_quantity', sql`${t.shippedQuantity} between 0 and ${t.quantity}`),
  ],
);

/** One parcel of an order: carrier, tracking number, the lines and units in it, the stock it took. */
export const shipments = pgTable(
  'orders_shipments',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    orderId: text('order_id').notNull(),
    carrier: text('carrier').notNull(),
    trackingNo: text('tracking_no').notNull(),
    lines: jsonb('lines').$type<ShipmentLineJson[]>().notNull(),
    /** The reserved units this parcel took out of stock (part of the order's allocations). */
    allocations: jsonb('allocations').$type<AllocationJson[]>().notNull(),
    actor: text('actor').notNull(),
    shippedAt: ts('shipped_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('orders_shipments_order_idx').on(t.tenantId, t.orderId, t.id),
  ],
);

/** The order's history: every state change with who and why. */
export const orderTransitions = pgTable(
  'orders_transitions',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    orderId: text('order_id').notNull(),
    fromStatus: text('from_status', { enum: ORDER_STATUSES }),
    toStatus: text('to_status', { enum: ORDER_STATUSES }).notNull(),
    actor: text('actor').notNull(),
    note: text('note'),
    at: ts('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('orders_transitions_order_idx').on(t.tenantId, t.orderId, t.id),
  ],
);

/** One row per payment attempt; `out_trade_no` is what the provider knows. */
export const payments = pgTable(
  'orders_payments',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    orderId: text('order_id').notNull(),
    provider: text('provider', { enum: ['wechatpay', 'alipay', 'fake'] }).notNull(),
    channel: text('channel').notNull(),
    outTradeNo: text('out_trade_no').notNull(),
    amount: fen('amount').notNull(),
    /** `mismatch`: the provider reported a payment that does not match this attempt (recorded, not paid). */
    status: text('status', { enum: ['pending', 'paid', 'closed', 'mismatch'] }).notNull(),
    transactionId: text('transaction_id'),
    /** The last notification received for this attempt, as parsed. */
    lastNotification: jsonb('last_notification'),
    problem: text('problem'),
    createdAt: ts('created_at').notNull(),
    paidAt: ts('paid_at'),
    updatedAt: ts('updated_at').notNull(),
    /**
     * An automatic refund (money that arrived for a closed or cancelled order): `pending` until the
     * provider accepted it, `processing` until it confirmed, then `succeeded` or `failed`.
     */
    refundStatus: text('refund_status', { enum: ['pending', 'processing', 'succeeded', 'failed'] }),
    /** Our refund number (the provider's `out_refund_no`), stable across retries: the refund happens once. */
    refundNo: text('refund_no'),
    refundId: text('refund_id'),
    refundTries: integer('refund_tries').notNull().default(0),
    refundError: text('refund_error'),
    refundedAt: ts('refunded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('orders_payments_trade_uq').on(t.tenantId, t.provider, t.outTradeNo),
    index('orders_payments_order_idx').on(t.tenantId, t.orderId),
    index('orders_payments_refund_idx')
      .on(t.tenantId, t.updatedAt)
      .where(sql`${t.refundStatus} in ('pending', 'processing')`),
  ],
);

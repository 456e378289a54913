import { z } from 'zod';

/**
 * The event catalog: every event a domain emits, with its payload (ids and small facts).
 * Names are `<domain>.<aggregate>.<past-tense verb>`.
 */
export const EVENTS = {
  'access.staff.created': z.object({ staffId: z.string(), invited: z.boolean() }),
  'access.staff.disabled': z.object({ staffId: z.string() }),
  'access.shop_account.registered': z.object({ accountId: z.string(), phone: z.string() }),
  'access.shop_account.logged_in': z.object({ accountId: z.string(), method: z.enum(['sms', 'password']) }),
  /**
   * Timeline events just written, one entry per (customer, type) of the batch (up to 1,000 entries
   * an event): reactions work on the batch at once (tag rules evaluate all its customers together).
   */
  'customers.events.recorded': z.object({
    events: z.array(z.object({ customerId: z.string(), type: z.string(), eventId: z.string() })),
  }),
  'customers.customer.created': z.object({ customerId: z.string(), source: z.string() }),
  'customers.customer.merged': z.object({ survivorId: z.string(), mergedId: z.string(), mergeId: z.string() }),
  'customers.customer.unmerged': z.object({ survivorId: z.string(), mergedId: z.string(), mergeId: z.string() }),
  'customers.owner.changed': z.object({
    customerId: z.string(),
    fromStaffId: z.string().nullable(),
    toStaffId: z.string(),
  }),
  /**
   * Tags put on or taken off customers (or one staff member's relationship, `staffId`), up to 1,000
   * changes an event, by `source` (manual, rule, import, behaviour, wecom); `reason` e.g. tag_deleted.
   */
  'customers.tags.changed': z.object({
    source: z.string(),
    reason: z.string().nullable(),
    changes: z.array(
      z.object({ customerId: z.string(), tagId: z.string(), added: z.boolean(), staffId: z.string().optional() }),
    ),
  }),
  /** Products created, changed, put on/off sale, deleted, or whose stock changed (cache and search refresh). */
  'catalog.product.changed': z.object({
    productIds: z.array(z.string()),
    change: z.enum(['created', 'updated', 'status', 'deleted', 'stock']),
  }),
  /** A WeCom member and a customer became contacts (add_external_contact / add_half_external_contact). */
  'messaging.contact.added': z.object({
    customerId: z.string(),
    staffId: z.string().nullable(),
    wecomUserId: z.string(),
    state: z.string().nullable(),
    created: z.boolean(),
  }),
  /** A WeCom contact ended: the customer deleted the member (流失, `customer`) or the member the customer. */
  'messaging.contact.lost': z.object({
    customerId: z.string(),
    staffId: z.string().nullable(),
    wecomUserId: z.string(),
    by: z.enum(['customer', 'staff']),
  }),
  /** A customer (external contact we know) joined a WeCom customer group; groupCodeId when through a group code. */
  'messaging.group.joined': z.object({
    groupId: z.string(),
    customerId: z.string(),
    joinScene: z.number().int().nullable(),
    groupCodeId: z.string().nullable(),
  }),
  /** A customer left a WeCom customer group (quitScene 0 by themself, 1 removed). */
  'messaging.group.left': z.object({
    groupId: z.string(),
    customerId: z.string(),
    quitScene: z.number().int().nullable(),
  }),
  /** Order lifecycle (orders domain): every transition of the state machine, once, after its commit. */
  'orders.order.placed': z.object({ orderId: z.string(), customerId: z.string(), total: z.number().int() }),
  'orders.order.paid': z.object({
    orderId: z.string(),
    customerId: z.string(),
    total: z.number().int().describe('fen paid'),
    paymentId: z.string().nullable(),
  }),
  'orders.order.shipped': z.object({ orderId: z.string(), customerId: z.string() }),
  'orders.order.delivered': z.object({ orderId: z.string(), customerId: z.string() }),
  'orders.order.completed': z.object({ orderId: z.string(), customerId: z.string(), total: z.number().int() }),
  'orders.order.cancelled': z.object({ orderId: z.string(), customerId: z.string(), by: z.enum(['shopper', 'staff']) }),
  'orders.order.closed': z.object({ orderId: z.string(), customerId: z.string() }),
  /** One parcel left (partial shipments): `complete` when it was the last one (then `orders.order.shipped` follows). */
  'orders.shipment.created': z.object({
    orderId: z.string(),
    customerId: z.string(),
    shipmentId: z.string(),
    units: z.number().int(),
    complete: z.boolean(),
  }),
  /** Money that arrived for a closed or cancelled order was given back by the provider. */
  'orders.payment.refunded': z.object({
    orderId: z.string(),
    customerId: z.string(),
    paymentId: z.string(),
    amount: z.number().int().describe('fen refunded'),
  }),
} as const;

export type EventName = keyof typeof EVENTS;
export type EventPayload<N extends EventName> = z.infer<(typeof EVENTS)[N]>;

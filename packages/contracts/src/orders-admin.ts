import { z } from 'zod';
import { IsoDate, Timestamp, idOf } from './common';
import {
  AddressSnapshot,
  ORDER_LIMITS,
  Order,
  OrderId,
  OrderPayment,
  OrderSettings,
  OrderStatus,
  OrderTransition,
  PaymentMethod,
  StoreId,
} from './orders-common';
import { route } from './routes';

const IdParams = z.object({ id: OrderId });
const Reason = z.string().trim().min(1, 'must not be empty').max(ORDER_LIMITS.remarkChars);
const FenQ = z.coerce.number().int().min(0).max(100_000_000_00);

export const AdminOrderQuery = z.object({
  orderNo: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(ord_)?[0-9a-z]{4,32}$/, 'must be an order number or its beginning (at least 4 characters after ord_)')
    .transform((v) => (v.startsWith('ord_') ? v : `ord_${v}`))
    .optional()
    .describe('the order number, or its beginning (with or without ord_)'),
  status: OrderStatus.optional(),
  from: IsoDate.optional().describe('placed on or after this day (tenant time zone)'),
  to: IsoDate.optional().describe('placed on or before this day'),
  storeId: StoreId.optional().describe('pick-up store'),
  customerId: idOf('cus').optional(),
  amountMin: FenQ.optional(),
  amountMax: FenQ.optional(),
  paymentMethod: PaymentMethod.optional(),
  cursor: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(ORDER_LIMITS.adminPageSize).default(ORDER_LIMITS.adminPageSize),
});
/** The recipient as staff see it: the phone number is masked (138****8000) without customers.pii. */
const StaffAddress = AddressSnapshot.extend({ phone: z.string().describe('masked without customers.pii') }).nullable();
export const AdminOrderRow = Order.omit({ lines: true, discounts: true, shipments: true }).extend({
  address: StaffAddress,
  itemCount: z.number().int(),
  firstTitle: z.string(),
});
export const StaffRemark = z.object({ text: z.string(), by: z.string(), at: Timestamp });
export const AdminOrder = Order.extend({
  address: StaffAddress,
  transitions: z.array(OrderTransition),
  payments: z.array(OrderPayment),
  remarks: z.array(StaffRemark),
});
export type AdminOrder = z.infer<typeof AdminOrder>;
export const ChangeAddressInput = z.object({ address: AddressSnapshot, reason: Reason });
export const AdjustPriceInput = z.object({
  adjustment: z
    .number()
    .int()
    .min(-100_000_000_00)
    .max(100_000_000_00)
    .describe('fen added to the computed total (negative lowers it); replaces an earlier adjustment'),
  reason: Reason,
});
export const ShipLineInput = z.object({
  lineId: z.string().max(60),
  quantity: z.number().int().min(1).max(ORDER_LIMITS.quantityPerLine),
});
export const ShipInput = z.object({
  lines: z
    .array(ShipLineInput)
    .min(1)
    .max(ORDER_LIMITS.cartItems)
    .optional()
    .describe('the units of each line in this parcel; without: everything not shipped yet'),
  carrier: z.string().trim().min(1, 'must not be empty').max(40),
  trackingNo: z
    .string()
    .trim()
    .min(4)
    .max(40)
    .regex(/^[A-Za-z0-9-]+$/, 'must be letters, digits or -'),
});
export const CancelInput = z.object({ reason: Reason });
export const RemarkInput = z.object({ text: Reason });
export const StatsQuery = z.object({ from: IsoDate, to: IsoDate });
export const DailyStats = z.object({
  days: z.array(
    z.object({
      day: IsoDate,
      orders: z.number().int().describe('orders paid that day'),
      gmv: z.number().int().describe('fen paid that day'),
      aov: z.number().int().describe('fen, GMV / orders, rounded'),
      payingCustomers: z.number().int(),
    }),
  ),
  timeZone: z.string(),
});

const base = { audience: 'admin' as const };
export const adminOrderRoutes = {
  list: route({
    ...base,
    method: 'GET',
    path: '/admin/orders',
    permission: 'orders.view',
    summary: 'Orders, newest first, filtered; keyset pages (cursor from nextCursor)',
    query: AdminOrderQuery,
    response: z.object({ items: z.array(AdminOrderRow), nextCursor: z.string().nullable() }),
  }),
  export: route({
    ...base,
    method: 'GET',
    path: '/admin/orders/export',
    permission: 'orders.view',
    summary: `The orders matching the list filters as CSV (UTF-8 with BOM, opens in Excel), at most ${ORDER_LIMITS.exportRows} (409 EXPORT_TOO_LARGE: narrow the filter)`,
    query: AdminOrderQuery.omit({ cursor: true, limit: true }),
    response: z.string().describe('text/csv'),
  }),
  stats: route({
    ...base,
    method: 'GET',
    path: '/admin/orders/stats',
    permission: 'orders.view',
    summary: `Per day in the tenant's time zone: paid orders, GMV, AOV, paying customers (at most ${ORDER_LIMITS.statsDays} days)`,
    query: StatsQuery,
    response: DailyStats,
  }),
  settings: route({
    ...base,
    method: 'GET',
    path: '/admin/orders/settings',
    permission: 'orders.view',
    summary: 'Payment deadline and shipping rules (express fees, pick-up)',
    response: OrderSettings,
  }),
  updateSettings: route({
    ...base,
    method: 'PUT',
    path: '/admin/orders/settings',
    permission: 'orders.manage',
    summary: 'Set the payment deadline and shipping rules (audited)',
    body: OrderSettings,
    response: OrderSettings,
  }),
  get: route({
    ...base,
    method: 'GET',
    path: '/admin/orders/:id',
    permission: 'orders.view',
    summary: 'One order with its transitions, payment attempts and staff remarks',
    params: IdParams,
    response: AdminOrder,
  }),
  changeAddress: route({
    ...base,
    method: 'POST',
    path: '/admin/orders/:id/address',
    permission: 'orders.manage',
    summary: 'Change the delivery address before payment (audited with the reason; 409 ORDER_STATE after)',
    params: IdParams,
    body: ChangeAddressInput,
    response: AdminOrder,
  }),
  adjustPrice: route({
    ...base,
    method: 'POST',
    path: '/admin/orders/:id/adjust-price',
    permission: 'orders.manage',
    summary: 'Adjust the price before payment (audited with the reason); the total must stay at least 1 fen',
    params: IdParams,
    body: AdjustPriceInput,
    response: AdminOrder,
  }),
  cancel: route({
    ...base,
    method: 'POST',
    path: '/admin/orders/:id/cancel',
    permission: 'orders.manage',
    summary: 'Cancel before payment; the stock is released',
    params: IdParams,
    body: CancelInput,
    response: AdminOrder,
  }),
  ship: route({
    ...base,
    method: 'POST',
    path: '/admin/orders/:id/ship',
    permission: 'orders.ship',
    summary:
      'Ship a parcel of a paid order (chosen lines and units, or everything left) with carrier and tracking number; ' +
      'its reserved stock leaves; the order becomes shipped with its last parcel (409 SHIP_QUANTITY beyond what is left)',
    params: IdParams,
    body: ShipInput,
    response: AdminOrder,
  }),
  deliver: route({
    ...base,
    method: 'POST',
    path: '/admin/orders/:id/deliver',
    permission: 'orders.ship',
    summary: 'Mark a shipped order delivered',
    params: IdParams,
    response: AdminOrder,
  }),
  addRemark: route({
    ...base,
    method: 'POST',
    path: '/admin/orders/:id/remarks',
    permission: 'orders.manage',
    summary: 'Add a staff remark (not shown to the shopper)',
    params: IdParams,
    body: RemarkInput,
    response: AdminOrder,
  }),
};

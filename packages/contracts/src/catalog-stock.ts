import { z } from 'zod';
import { LocationId, ProductId, SkuId } from './catalog-common';
import { PageQuery, pageOf, Timestamp } from './common';
import { route } from './routes';

/**
 * Why stock moved. Staff record the first five by hand (purchase and return add, damage removes,
 * adjustment and stocktake either way); the order_* reasons come from the orders domain:
 * order_reserve holds units for a placed order, order_release gives them back, order_ship takes them out.
 */
export const StockReason = z.enum([
  'purchase',
  'return',
  'damage',
  'adjustment',
  'stocktake',
  'order_reserve',
  'order_release',
  'order_ship',
]);
export type StockReason = z.infer<typeof StockReason>;
export const ManualStockReason = z.enum(['purchase', 'return', 'damage', 'adjustment', 'stocktake']);

/** Stock of one SKU at one location. available = onHand − reserved, never below zero. */
export const StockLevel = z.object({
  skuId: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  specText: z.string(),
  locationId: z.string(),
  locationName: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  threshold: z.number().int().describe("the product's low-stock threshold"),
  low: z.boolean().describe('available ≤ threshold'),
  updatedAt: Timestamp,
});
export type StockLevel = z.infer<typeof StockLevel>;

export const StockMovement = z.object({
  id: z.string(),
  skuId: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  specText: z.string(),
  locationId: z.string(),
  locationName: z.string(),
  delta: z.number().int().describe('change of on-hand units'),
  reservedDelta: z.number().int().describe('change of reserved units'),
  onHandAfter: z.number().int(),
  reservedAfter: z.number().int(),
  reason: StockReason,
  reference: z.string().nullable().describe('purchase order, order id, stocktake sheet …'),
  note: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  at: Timestamp,
});
export type StockMovement = z.infer<typeof StockMovement>;

export const StockLocation = z.object({ id: z.string(), name: z.string(), kind: z.enum(['store', 'warehouse']) });

const Line = z.object({
  skuId: SkuId,
  locationId: LocationId,
  delta: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((d) => d !== 0, 'must not be 0'),
});
/**
 * A manual stock change, all lines or none. purchase and return need delta > 0, damage delta < 0.
 * No line may take on-hand below what is reserved (409 STOCK_SHORT names the line).
 */
export const StockAdjustInput = z.object({
  reason: ManualStockReason,
  reference: z.string().trim().max(60).nullable().default(null),
  note: z.string().trim().max(200).nullable().default(null),
  lines: z.array(Line).min(1).max(200),
});

const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const StockQuery = PageQuery.extend({
  productId: ProductId.optional(),
  skuId: SkuId.optional(),
  locationId: LocationId.optional(),
  lowOnly: Bool.optional(),
});
export const MovementQuery = PageQuery.extend({
  productId: ProductId.optional(),
  skuId: SkuId.optional(),
  locationId: LocationId.optional(),
  reason: StockReason.optional(),
});

export const catalogStockRoutes = {
  listLocations: route({
    method: 'GET',
    path: '/admin/catalog/locations',
    audience: 'admin',
    permission: 'catalog.view',
    summary: 'Where stock is kept: org units of kind store or warehouse',
    response: z.object({ items: z.array(StockLocation) }),
  }),
  listStock: route({
    method: 'GET',
    path: '/admin/catalog/stock',
    audience: 'admin',
    permission: 'catalog.view',
    summary: 'Stock levels per SKU and location (rows exist once stock moved there), keyset by SKU then location',
    query: StockQuery,
    response: pageOf(StockLevel),
  }),
  listLowStock: route({
    method: 'GET',
    path: '/admin/catalog/stock/low',
    audience: 'admin',
    permission: 'catalog.view',
    summary: 'Low-stock alerts: enabled SKUs of products not deleted whose available ≤ threshold, lowest first',
    query: PageQuery.extend({ locationId: LocationId.optional() }),
    response: pageOf(StockLevel),
  }),
  adjustStock: route({
    method: 'POST',
    path: '/admin/catalog/stock/adjustments',
    audience: 'admin',
    permission: 'catalog.stock',
    summary:
      'Record a stock change with a reason (all lines or none); 409 STOCK_SHORT when on-hand would fall below ' +
      'reserved; 400 on lines.<i>.locationId for a location that is not a store or warehouse',
    body: StockAdjustInput,
    response: z.object({ items: z.array(StockLevel) }),
  }),
  listMovements: route({
    method: 'GET',
    path: '/admin/catalog/stock/movements',
    audience: 'admin',
    permission: 'catalog.view',
    summary: 'The stock ledger, newest first',
    query: MovementQuery,
    response: pageOf(StockMovement),
  }),
};

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
import { tsvector } from '../platform/search-text';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const fen = (name: string) => bigint(name, { mode: 'number' });

export type SpecAttributeValue = { name: string; values: string[] };

export const categories = pgTable(
  'catalog_categories',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    parentId: text('parent_id'),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
    iconImageId: text('icon_image_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('catalog_categories_name_uq').on(t.tenantId, sql`coalesce(${t.parentId}, '')`, t.name),
  ],
);

/** An uploaded image; the bytes live in the file store under `storage_key`. */
export const images = pgTable(
  'catalog_images',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    contentType: text('content_type', { enum: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] }).notNull(),
    bytes: integer('bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const products = pgTable(
  'catalog_products',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    title: text('title').notNull(),
    subtitle: text('subtitle'),
    categoryId: text('category_id').notNull(),
    status: text('status', { enum: ['draft', 'on_sale', 'off_sale'] })
      .notNull()
      .default('draft'),
    sortWeight: integer('sort_weight').notNull().default(0),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    description: text('description').notNull().default(''),
    /** Ordered; the first is the cover. */
    imageIds: text('image_ids').array().notNull().default(sql`'{}'::text[]`),
    specs: jsonb('specs').$type<SpecAttributeValue[]>().notNull().default([]),
    lowStockThreshold: integer('low_stock_threshold').notNull().default(5),
    /** Kept on every SKU write: lowest and highest price of the enabled SKUs, list price of the cheapest. */
    priceMin: fen('price_min').notNull().default(0),
    priceMax: fen('price_max').notNull().default(0),
    listPrice: fen('list_price'),
    /** Units shipped (order_ship movements). */
    salesCount: integer('sales_count').notNull().default(0),
    /** Weighted tokens: title A, subtitle and tags B, category names C (see search-tokens.ts). */
    search: tsvector('search'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('catalog_products_category_idx').on(t.tenantId, t.categoryId, t.id),
    index('catalog_products_shelf_idx').on(t.tenantId, t.status, t.sortWeight, t.id),
    index('catalog_products_search_idx').using('gin', t.search),
  ],
);

export const skus = pgTable(
  'catalog_skus',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    productId: text('product_id').notNull(),
    /** The combination as sorted `name=value` pairs: a SKU keeps its id while its combination stays. */
    specKey: text('spec_key').notNull(),
    spec: jsonb('spec').$type<Record<string, string>>().notNull(),
    specText: text('spec_text').notNull(),
    position: integer('position').notNull().default(0),
    price: fen('price').notNull(),
    listPrice: fen('list_price'),
    cost: fen('cost'),
    barcode: text('barcode'),
    weightGrams: integer('weight_grams'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    /** Removed from the matrix; kept for past orders and revived when the combination comes back. */
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('catalog_skus_combination_uq').on(t.tenantId, t.productId, t.specKey),
  ],
);

/** Stock of one SKU at one location (an org unit of kind store or warehouse). */
export const stock = pgTable(
  'catalog_stock',
  {
    tenantId: text('tenant_id').notNull(),
    skuId: text('sku_id').notNull(),
    locationId: text('location_id').notNull(),
    productId: text('product_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.skuId, t.locationId] }),
    index('catalog_stock_product_idx').on(t.tenantId, t.productId),
    index('catalog_stock_location_idx').on(t.tenantId, t.locationId, t.skuId),
    check('catalog_stock_never_negative', sql`${t.reserved} >= 0 and ${t.onHand} >= ${t.reserved}`),
  ],
);

export const STOCK_REASONS = [
  'purchase',
  'return',
  'damage',
  'adjustment',
  'stocktake',
  'order_reserve',
  'order_release',
  'order_ship',
] as const;

/** The ledger: every change of on-hand or reserved units, with the levels after it. */
export const stockMovements = pgTable(
  'catalog_stock_movements',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    skuId: text('sku_id').notNull(),
    productId: text('product_id').notNull(),
    locationId: text('location_id').notNull(),
    delta: integer('delta').notNull(),
    reservedDelta: integer('reserved_delta').notNull(),
    onHandAfter: integer('on_hand_after').notNull(),
    reservedAfter: integer('reserved_after').notNull(),
    reason: text('reason', { enum: STOCK_REASONS }).notNull(),
    reference: text('reference'),
    note: text('note'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    at: ts('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('catalog_movements_sku_idx').on(t.tenantId, t.skuId, t.id),
    index('catalog_movements_product_idx').on(t.tenantId, t.productId, t.id),
    index('catalog_movements_location_idx').on(t.tenantId, t.locationId, t.id),
  ],
);

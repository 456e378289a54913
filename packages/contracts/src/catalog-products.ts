import { z } from 'zod';
import { CATALOG_LIMITS, CatalogSort, CategoryId, Fen, FenQuery, ImageId, ImageRef, ProductId } from './catalog-common';
import { Ok, PageQuery, pageOf, Timestamp } from './common';
import { route } from './routes';

export const ProductStatus = z.enum(['draft', 'on_sale', 'off_sale']);
export type ProductStatus = z.infer<typeof ProductStatus>;

const SpecText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(20)
  .refine((s) => !s.includes('/'), 'must not contain /');

/** One spec attribute and its values, e.g. {name:'杯型', values:['中杯','大杯']}. Order is display order. */
export const SpecAttribute = z.object({
  name: SpecText,
  values: z
    .array(SpecText)
    .min(1, 'needs at least one value')
    .max(CATALOG_LIMITS.specValues)
    .refine((v) => new Set(v).size === v.length, 'values must be different'),
});
export type SpecAttribute = z.infer<typeof SpecAttribute>;

/** A SKU's spec: attribute name → value, one entry per attribute of the product ({} without specs). */
export const SkuSpec = z.record(SpecText, SpecText);

export const StockSummary = z.object({
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int().describe('on hand minus reserved, over all locations'),
});

export const Sku = z.object({
  id: z.string(),
  spec: SkuSpec,
  specText: z.string().describe("the values in attribute order joined by ' / ', e.g. '大杯 / 冰'; '' without specs"),
  price: z.number().int().describe('fen'),
  listPrice: z.number().int().nullable().describe('fen, the crossed-out price'),
  cost: z.number().int().nullable().describe('fen'),
  barcode: z.string().nullable(),
  weightGrams: z.number().int().nullable(),
  enabled: z.boolean(),
  stock: StockSummary,
});
export type Sku = z.infer<typeof Sku>;

/** A row of the admin product list. */
export const ProductSummary = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  categoryId: z.string(),
  categoryName: z.string(),
  status: ProductStatus,
  sortWeight: z.number().int(),
  tags: z.array(z.string()),
  cover: ImageRef.nullable(),
  priceMin: z.number().int().describe('fen, lowest price of the enabled SKUs (0 without)'),
  priceMax: z.number().int(),
  skuCount: z.number().int(),
  stock: StockSummary,
  lowStock: z.boolean().describe('some enabled SKU at some location has available ≤ the threshold'),
  salesCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProductSummary = z.infer<typeof ProductSummary>;

export const Product = ProductSummary.extend({
  description: z.string().describe('sanitized HTML (see docs/catalog.md for the allowed subset)'),
  images: z.array(ImageRef),
  specs: z.array(SpecAttribute),
  skus: z.array(Sku),
  lowStockThreshold: z.number().int(),
});
export type Product = z.infer<typeof Product>;

export const SkuInput = z.object({
  spec: SkuSpec.default({}),
  price: Fen,
  listPrice: Fen.nullable().default(null),
  cost: Fen.nullable().default(null),
  barcode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,32}$/, 'must be 1–32 letters, digits or dashes')
    .nullable()
    .default(null),
  weightGrams: z.number().int().min(0).max(1_000_000).nullable().default(null),
  enabled: z.boolean().default(true),
});
export type SkuInput = z.output<typeof SkuInput>;

const Tags = z
  .array(z.string().trim().min(1).max(20))
  .max(CATALOG_LIMITS.tagsPerProduct)
  .transform((t) => [...new Set(t)]);
const ProductFields = {
  title: z.string().trim().min(1, 'must not be empty').max(60),
  subtitle: z.string().trim().max(120).nullable(),
  categoryId: CategoryId,
  status: ProductStatus,
  sortWeight: CatalogSort,
  tags: Tags,
  description: z.string().max(CATALOG_LIMITS.descriptionChars),
  imageIds: z
    .array(ImageId)
    .max(CATALOG_LIMITS.imagesPerProduct)
    .refine((v) => new Set(v).size === v.length, 'images must be different'),
  specs: z
    .array(SpecAttribute)
    .max(CATALOG_LIMITS.specAttributes)
    .refine((s) => new Set(s.map((a) => a.name)).size === s.length, 'attribute names must be different'),
  skus: z.array(SkuInput).min(1, 'needs at least one SKU').max(CATALOG_LIMITS.skusPerProduct),
  lowStockThreshold: z.number().int().min(0).max(100_000),
};

/**
 * A new product. `skus` holds one entry per combination of spec values (exactly one with `spec: {}`
 * when `specs` is empty); a missing or extra combination answers 400 on `skus`.
 */
export const ProductInput = z.object({
  ...ProductFields,
  subtitle: ProductFields.subtitle.default(null),
  status: ProductStatus.default('draft'),
  sortWeight: CatalogSort.default(0),
  tags: Tags.default([]),
  description: ProductFields.description.default(''),
  imageIds: ProductFields.imageIds.default([]),
  specs: ProductFields.specs.default([]),
  lowStockThreshold: ProductFields.lowStockThreshold.default(5),
});
export type ProductInput = z.output<typeof ProductInput>;

/**
 * Changes carry only the fields sent. Sending `specs` or `skus` replaces the SKU matrix: send both when
 * the specs change. A SKU keeps its id (and its stock) when its combination of values stays.
 */
export const ProductPatch = z.object(ProductFields).partial();
export type ProductPatch = z.output<typeof ProductPatch>;

const Csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(2000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(item).max(50));
const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ProductFilter = z.object({
  q: z.string().trim().max(50).optional().describe('title, subtitle, tags, category; Chinese, pinyin and initials'),
  categoryId: CategoryId.optional().describe('includes its descendants'),
  status: Csv(ProductStatus).optional(),
  tag: z.string().trim().min(1).max(20).optional(),
  priceMin: FenQuery.optional().describe('fen; products with an enabled SKU priced at least this'),
  priceMax: FenQuery.optional(),
  lowStock: Bool.optional(),
});
export type ProductFilter = z.output<typeof ProductFilter>;
export const ProductQuery = PageQuery.extend(ProductFilter.shape);

export const BulkStatusInput = z.object({
  ids: z
    .array(ProductId)
    .min(1)
    .max(500)
    .refine((v) => new Set(v).size === v.length, 'ids must be different'),
  status: z.enum(['on_sale', 'off_sale']),
});
export const BulkStatusResult = z.object({
  updated: z.number().int(),
  skipped: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
});

const Id = z.object({ id: ProductId });

export const catalogProductRoutes = {
  listProducts: route({
    method: 'GET',
    path: '/admin/catalog/products',
    audience: 'admin',
    permission: 'catalog.view',
    summary: 'Products (not deleted), filtered, newest first (keyset pagination)',
    query: ProductQuery,
    response: pageOf(ProductSummary),
  }),
  listProductTags: route({
    method: 'GET',
    path: '/admin/catalog/product-tags',
    audience: 'admin',
    permission: 'catalog.view',
    summary: 'Product tags in use, with how many products carry each (for the tag filter)',
    response: z.object({ items: z.array(z.object({ tag: z.string(), count: z.number().int() })) }),
  }),
  getProduct: route({
    method: 'GET',
    path: '/admin/catalog/products/:id',
    audience: 'admin',
    permission: 'catalog.view',
    summary: 'One product with its images, specs, SKUs and stock totals',
    params: Id,
    response: Product,
  }),
  createProduct: route({
    method: 'POST',
    path: '/admin/catalog/products',
    audience: 'admin',
    permission: 'catalog.manage',
    summary: 'Create a product with its SKU matrix; putting it on sale needs an enabled SKU (400 on status)',
    body: ProductInput,
    response: Product,
    status: 201,
  }),
  updateProduct: route({
    method: 'PATCH',
    path: '/admin/catalog/products/:id',
    audience: 'admin',
    permission: 'catalog.manage',
    summary:
      'Change a product; specs/skus replace the SKU matrix (ids kept for unchanged combinations; a removed SKU ' +
      'with stock or reservations answers 409 SKU_HAS_STOCK)',
    params: Id,
    body: ProductPatch,
    response: Product,
  }),
  deleteProduct: route({
    method: 'DELETE',
    path: '/admin/catalog/products/:id',
    audience: 'admin',
    permission: 'catalog.manage',
    summary: 'Delete a product that is not on sale (409 PRODUCT_ON_SALE); its SKUs stay for past orders',
    params: Id,
    response: Ok,
  }),
  bulkStatus: route({
    method: 'POST',
    path: '/admin/catalog/products/bulk-status',
    audience: 'admin',
    permission: 'catalog.manage',
    summary: 'Put products on or off sale; products without an enabled SKU are skipped (NO_ENABLED_SKU)',
    body: BulkStatusInput,
    response: BulkStatusResult,
  }),
};

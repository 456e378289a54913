import { z } from 'zod';
import { CATALOG_LIMITS, CategoryId, FenQuery, ImageId, ImageRef, ProductId } from './catalog-common';
import { SkuSpec, SpecAttribute } from './catalog-products';
import { Slug } from './common';
import { route } from './routes';

/** The storefront's view of the catalog: products on sale only, prices in fen, availability not counts. */
export const ShopCategory = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  depth: z.number().int(),
  icon: ImageRef.nullable(),
  productCount: z.number().int().describe('products on sale in this category and its descendants'),
});

export const ShopProductCard = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  categoryId: z.string(),
  tags: z.array(z.string()),
  cover: ImageRef.nullable(),
  priceMin: z.number().int().describe('fen'),
  priceMax: z.number().int(),
  listPrice: z.number().int().nullable().describe('fen, crossed-out price of the cheapest SKU'),
  salesCount: z.number().int(),
  inStock: z.boolean(),
});
export type ShopProductCard = z.infer<typeof ShopProductCard>;

export const ShopSku = z.object({
  id: z.string(),
  spec: SkuSpec,
  specText: z.string(),
  price: z.number().int(),
  listPrice: z.number().int().nullable(),
  available: z.number().int().describe('units that can be bought now (all locations)'),
});

export const ShopProduct = ShopProductCard.extend({
  categoryName: z.string(),
  description: z.string().describe('sanitized HTML'),
  images: z.array(ImageRef),
  specs: z.array(SpecAttribute),
  skus: z.array(ShopSku).describe('enabled SKUs only'),
});
export type ShopProduct = z.infer<typeof ShopProduct>;

export const ShopSort = z.enum(['relevance', 'sales', 'price_asc', 'price_desc', 'newest']);
const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const ShopFilter = {
  categoryId: CategoryId.optional().describe('includes its descendants'),
  priceMin: FenQuery.optional(),
  priceMax: FenQuery.optional(),
  inStock: Bool.optional(),
  cursor: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a cursor from the previous page')
    .optional(),
};
export const ShopProductQuery = z.object({
  ...ShopFilter,
  sort: ShopSort.default('relevance').describe('relevance without q: the merchant sort weight, then newest'),
});
export const ShopSearchQuery = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(50),
  ...ShopFilter,
  sort: ShopSort.default('relevance'),
});
export const ShopProductPage = z.object({
  items: z.array(ShopProductCard),
  nextCursor: z.string().nullable(),
});
export const ShopSearchResult = ShopProductPage.extend({
  suggestions: z
    .array(ShopProductCard)
    .describe('when nothing matched: popular products of the category (or of the shop)'),
});

const Params = z.object({ slug: Slug });

export const shopCatalogRoutes = {
  categories: route({
    method: 'GET',
    path: '/shop/t/:slug/catalog/categories',
    audience: 'public',
    summary: 'The category tree in tree order (parent first), with counts of products on sale',
    params: Params,
    response: z.object({ items: z.array(ShopCategory) }),
  }),
  products: route({
    method: 'GET',
    path: '/shop/t/:slug/catalog/products',
    audience: 'public',
    summary: `Products on sale, ${CATALOG_LIMITS.shopPageSize} a page, filtered and sorted`,
    params: Params,
    query: ShopProductQuery,
    response: ShopProductPage,
  }),
  search: route({
    method: 'GET',
    path: '/shop/t/:slug/catalog/search',
    audience: 'public',
    summary:
      'Keyword search (Chinese words and parts of words, pinyin, initials) over title, subtitle, tags and ' +
      "category; a logged-in shopper's search is recorded as search.performed; no match: suggestions",
    params: Params,
    query: ShopSearchQuery,
    response: ShopSearchResult,
  }),
  product: route({
    method: 'GET',
    path: '/shop/t/:slug/catalog/products/:id',
    audience: 'public',
    summary: 'One product on sale with its SKUs, prices and availability (404 when not on sale)',
    params: Params.extend({ id: ProductId }),
    response: ShopProduct,
  }),
  image: route({
    method: 'GET',
    path: '/shop/t/:slug/catalog/images/:id',
    audience: 'public',
    summary:
      'An uploaded catalog image (cacheable for a year: images never change); `w` asks for a WebP variant ' +
      `${CATALOG_LIMITS.imageVariantWidths.join(' or ')} px wide (made on first request for older images)`,
    params: Params.extend({ id: ImageId }),
    query: z.object({
      w: z.coerce
        .number()
        .int()
        .refine((w) => (CATALOG_LIMITS.imageVariantWidths as readonly number[]).includes(w), {
          message: `must be ${CATALOG_LIMITS.imageVariantWidths.join(' or ')}`,
        })
        .optional(),
    }),
    response: z.string().describe('the image bytes'),
  }),
};

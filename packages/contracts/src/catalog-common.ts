import { z } from 'zod';
import { idOf, Timestamp } from './common';

/**
 * The catalog: a category tree, products with SKUs built from spec attributes, images, and stock per
 * SKU per location (an org unit of kind store or warehouse). Money is integer fen. Every limit is here.
 */
export const CATALOG_LIMITS = {
  /** Depth of the category tree (top level = 1). */
  categoryDepth: 3,
  /** Spec attributes a product may have (杯型, 温度, …) and values per attribute. */
  specAttributes: 3,
  specValues: 20,
  /** SKUs a product may have (the product of its spec value counts). */
  skusPerProduct: 200,
  imagesPerProduct: 20,
  tagsPerProduct: 20,
  /** Largest image upload, bytes. */
  imageBytes: 5 * 1024 * 1024,
  /** Largest rich description (sanitized HTML), characters. */
  descriptionChars: 50_000,
  /** Shop list page size. */
  shopPageSize: 20,
  /** Widths (px) of the WebP variants made of every image: cards and lists, then the product page. */
  imageVariantWidths: [240, 480],
  /** Largest image, pixels (width × height of all frames): refuses decompression bombs. */
  imagePixels: 40_000_000,
  /** Hot words (热搜词) shown in the shop, and the length of one. */
  hotWords: 10,
  hotWordChars: 20,
  /** Searches of this many days fill the hot words the operator did not set. */
  hotWordDays: 7,
  /** Days of search counts kept. */
  searchCountDays: 30,
  /** Search counts are summed in the serving process and written at most this often (or when this many keywords wait). */
  searchCountFlushSeconds: 10,
  searchCountFlushKeywords: 500,
} as const;

export const CategoryId = idOf('cat');
export const ProductId = idOf('prd');
export const SkuId = idOf('sku');
export const ImageId = idOf('img');
export const LocationId = idOf('org');
export const Fen = z.number().int('must be whole fen').min(0).max(100_000_000_00, 'must be at most ¥100,000,000');
export const FenQuery = z.coerce.number().int().min(0).max(100_000_000_00);
export const CatalogSort = z.number().int().min(0).max(100_000);

export const CatalogImage = z.object({
  id: z.string(),
  url: z.string().describe('public URL of the image (served by the shop image route)'),
  thumbUrl: z.string().describe('WebP 240 px wide'),
  mediumUrl: z.string().describe('WebP 480 px wide'),
  srcset: z.string(),
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/gif']),
  bytes: z.number().int(),
  createdAt: Timestamp,
});
export type CatalogImage = z.infer<typeof CatalogImage>;
export const ImageRef = z.object({
  id: z.string(),
  url: z.string().describe('the original as uploaded'),
  thumbUrl: z.string().describe('WebP 240 px wide (never wider than the original): cards, lists, cart'),
  mediumUrl: z.string().describe('WebP 480 px wide: the product page'),
  srcset: z.string().describe('`<thumbUrl> 240w, <mediumUrl> 480w`, for <img srcset>'),
});
export type ImageRef = z.infer<typeof ImageRef>;

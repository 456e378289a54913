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
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/gif']),
  bytes: z.number().int(),
  createdAt: Timestamp,
});
export type CatalogImage = z.infer<typeof CatalogImage>;
export const ImageRef = z.object({ id: z.string(), url: z.string() });

import { z } from 'zod';
import { Ok, Timestamp } from './common';
import { CATALOG_LIMITS, CatalogImage, CatalogSort as Sort, CategoryId, ImageId, ImageRef } from './catalog-common';
import { route } from './routes';

export * from './catalog-common';
export * from './catalog-hot-words';
export * from './catalog-products';
export * from './catalog-shop';
export * from './catalog-stock';

/** A category, listed in tree order (a parent before its children, siblings by sort then name). */
export const Category = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  sort: z.number().int(),
  depth: z.number().int().describe('1 for a top-level category'),
  icon: ImageRef.nullable(),
  productCount: z.number().int().describe('products (any status, not deleted) directly in this category'),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Category = z.infer<typeof Category>;

const CategoryFields = {
  parentId: CategoryId.nullable().describe('null: a top-level category'),
  name: z.string().trim().min(1, 'must not be empty').max(30),
  sort: Sort,
  iconImageId: ImageId.nullable(),
};
export const CategoryInput = z.object({
  ...CategoryFields,
  parentId: CategoryFields.parentId.default(null),
  sort: Sort.default(0),
  iconImageId: ImageId.nullable().default(null),
});
/** Only the fields sent change. */
export const CategoryPatch = z.object(CategoryFields).partial();

const IdParams = <T extends z.ZodType>(id: T) => z.object({ id });

export const catalogCategoryRoutes = {
  listCategories: route({
    method: 'GET',
    path: '/admin/catalog/categories',
    audience: 'admin',
    permission: 'catalog.view',
    summary: 'All categories in tree order (parent first, siblings by sort), with product counts',
    response: z.object({ items: z.array(Category) }),
  }),
  createCategory: route({
    method: 'POST',
    path: '/admin/catalog/categories',
    audience: 'admin',
    permission: 'catalog.manage',
    summary: `Create a category (name unique among its siblings, 409 CATEGORY_NAME_TAKEN; at most ${CATALOG_LIMITS.categoryDepth} levels, 400 on parentId)`,
    body: CategoryInput,
    response: Category,
    status: 201,
  }),
  updateCategory: route({
    method: 'PATCH',
    path: '/admin/catalog/categories/:id',
    audience: 'admin',
    permission: 'catalog.manage',
    summary:
      'Rename, re-sort, move or change the icon of a category (moving under itself or a descendant: 400 on parentId)',
    params: IdParams(CategoryId),
    body: CategoryPatch,
    response: Category,
  }),
  deleteCategory: route({
    method: 'DELETE',
    path: '/admin/catalog/categories/:id',
    audience: 'admin',
    permission: 'catalog.manage',
    summary: 'Delete an empty category; 409 CATEGORY_HAS_CHILDREN or CATEGORY_HAS_PRODUCTS (details.count) otherwise',
    params: IdParams(CategoryId),
    response: Ok,
  }),
  uploadImage: route({
    method: 'POST',
    path: '/admin/catalog/images',
    audience: 'admin',
    permission: 'catalog.manage',
    summary:
      'Upload a product or category image as the raw request body (any content-type; JPEG, PNG, WebP or GIF ' +
      `recognised by its bytes, at most ${CATALOG_LIMITS.imageBytes / 1024 / 1024} MB; 400 IMAGE_TYPE or IMAGE_TOO_LARGE otherwise)`,
    query: z.object({ fileName: z.string().trim().min(1).max(200).optional() }),
    response: CatalogImage,
    status: 201,
  }),
};

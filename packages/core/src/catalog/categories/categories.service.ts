import { CATALOG_LIMITS, type Category, type CategoryInput, type CategoryPatch } from '@siyu/contracts';
import type { z } from 'zod';
import { tenantSlug } from '../../access';
import { conflict, type Ctx, invalid, newId, notFound } from '../../platform';
import { catalogChanged } from '../shop/shop-cache';
import { checkImages, imageRef } from '../images/images.service';
import {
  deleteCategoryRow,
  findCategoryRow,
  insertCategoryRow,
  listCategoryRows,
  lockCategoryTree,
  productCountsByCategory,
  siblingNamed,
  updateCategoryRow,
} from './categories.repo';
import { reindexProductsOfCategories } from '../products/product-search.service';
import { categoryAndDescendants, treeOrder } from './category-tree';

export async function listCategories(ctx: Ctx): Promise<{ items: Category[] }> {
  const [rows, counts, slug] = await Promise.all([
    listCategoryRows(ctx.db, ctx.tenantId),
    productCountsByCategory(ctx.db, ctx.tenantId),
    tenantSlug(ctx),
  ]);
  return {
    items: treeOrder(rows).map(({ row, depth }) => ({
      id: row.id,
      parentId: row.parentId,
      name: row.name,
      sort: row.sort,
      depth,
      icon: row.iconImageId ? imageRef(slug, row.iconImageId) : null,
      productCount: counts.get(row.id) ?? 0,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
  };
}

async function getCategory(ctx: Ctx, id: string): Promise<Category> {
  const c = (await listCategories(ctx)).items.find((c) => c.id === id);
  if (!c) throw notFound('Category', id);
  return c;
}

/** Checks the new place of a category: the parent exists, is not itself or below it, and depth stays within limits. */
async function checkPlace(ctx: Ctx, id: string | null, parentId: string | null, name: string) {
  const tree = treeOrder(await listCategoryRows(ctx.db, ctx.tenantId));
  let parentDepth = 0;
  if (parentId) {
    const parent = tree.find((n) => n.row.id === parentId);
    if (!parent) throw invalid('parentId', 'no such category');
    if (id && parent.path.includes(id)) throw invalid('parentId', 'a category cannot move under itself or below it');
    parentDepth = parent.depth;
  }
  const below = id
    ? Math.max(0, ...tree.filter((n) => n.path.includes(id)).map((n) => n.path.length - n.path.indexOf(id) - 1))
    : 0;
  if (parentDepth + 1 + below > CATALOG_LIMITS.categoryDepth)
    throw invalid('parentId', `categories have at most ${CATALOG_LIMITS.categoryDepth} levels`);
  const taken = await siblingNamed(ctx.db, ctx.tenantId, parentId, name);
  if (taken && taken !== id)
    throw conflict('CATEGORY_NAME_TAKEN', `A category named ${name} already exists there`, { id: taken });
}

export async function createCategory(ctx: Ctx, input: z.output<typeof CategoryInput>): Promise<Category> {
  await lockCategoryTree(ctx.db, ctx.tenantId);
  await checkPlace(ctx, null, input.parentId, input.name);
  if (input.iconImageId) await checkImages(ctx, 'iconImageId', [input.iconImageId]);
  const now = ctx.clock.now();
  const id = newId('cat', now);
  await insertCategoryRow(ctx.db, { tenantId: ctx.tenantId, id, ...input, createdAt: now, updatedAt: now });
  await ctx.audit({ action: 'catalog.category.created', entityType: 'category', entityId: id, summary: input.name });
  await catalogChanged(ctx, { all: true });
  return getCategory(ctx, id);
}

export async function updateCategory(ctx: Ctx, id: string, patch: z.output<typeof CategoryPatch>): Promise<Category> {
  await lockCategoryTree(ctx.db, ctx.tenantId);
  const row = await findCategoryRow(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Category', id);
  const parentId = patch.parentId === undefined ? row.parentId : patch.parentId;
  const name = patch.name ?? row.name;
  if (patch.parentId !== undefined || patch.name !== undefined) await checkPlace(ctx, id, parentId, name);
  if (patch.iconImageId) await checkImages(ctx, 'iconImageId', [patch.iconImageId]);
  await updateCategoryRow(ctx.db, ctx.tenantId, id, { ...patch, updatedAt: ctx.clock.now() });
  if (name !== row.name || parentId !== row.parentId)
    await reindexProductsOfCategories(ctx, await categoryAndDescendants(ctx, id));
  await ctx.audit({
    action: 'catalog.category.updated',
    entityType: 'category',
    entityId: id,
    summary: name,
    changes: patch,
  });
  await catalogChanged(ctx, { all: true });
  return getCategory(ctx, id);
}

export async function deleteCategory(ctx: Ctx, id: string) {
  await lockCategoryTree(ctx.db, ctx.tenantId);
  const rows = await listCategoryRows(ctx.db, ctx.tenantId);
  const row = rows.find((r) => r.id === id);
  if (!row) throw notFound('Category', id);
  const children = rows.filter((r) => r.parentId === id).length;
  if (children)
    throw conflict('CATEGORY_HAS_CHILDREN', `${row.name} has ${children} sub-categories; move or delete them first`, {
      count: children,
    });
  const count = (await productCountsByCategory(ctx.db, ctx.tenantId)).get(id) ?? 0;
  if (count)
    throw conflict(
      'CATEGORY_HAS_PRODUCTS',
      `${row.name} holds ${count} products; move them to another category first`,
      {
        count,
      },
    );
  await deleteCategoryRow(ctx.db, ctx.tenantId, id);
  await ctx.audit({ action: 'catalog.category.deleted', entityType: 'category', entityId: id, summary: row.name });
  await catalogChanged(ctx, { all: true });
  return { ok: true as const };
}

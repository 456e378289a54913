import { CATALOG_LIMITS, type ShopProduct, type ShopProductCard } from '@siyu/contracts';
import { tenantSlug } from '../../access';
import { customerOfShopAccount, recordEvent } from '../../customers';
import { type Ctx, cached, inTransaction, notFound } from '../../platform';
import { listCategoryRows, productCountsByCategory } from '../categories/categories.repo';
import { categoryAndDescendants, treeOrder } from '../categories/category-tree';
import { imageRef } from '../images/images.service';
import { productQueryText } from '../products/search-tokens';
import { LISTS, productTag } from './shop-cache';
import { type CardRow, type ShopListQuery, shopCardRows, shopProductRow, shopSkuRows } from './shop.repo';

type Sort = 'relevance' | 'sales' | 'price_asc' | 'price_desc' | 'newest';
type Filter = {
  categoryId?: string;
  priceMin?: number;
  priceMax?: number;
  inStock?: boolean;
  cursor?: string;
  sort: Sort;
};

const PAGE = CATALOG_LIMITS.shopPageSize;
const SUGGESTIONS = 10;

const toCard = (slug: string, r: CardRow): ShopProductCard => ({
  id: r.id,
  title: r.title,
  subtitle: r.subtitle,
  categoryId: r.category_id,
  tags: r.tags,
  cover: r.cover ? imageRef(slug, r.cover) : null,
  priceMin: Number(r.price_min),
  priceMax: Number(r.price_max),
  listPrice: r.list_price === null ? null : Number(r.list_price),
  salesCount: Number(r.sales_count),
  inStock: Boolean(r.in_stock),
});

/** The category tab: the tree with the number of products on sale under each node. */
export const shopCategories = (ctx: Ctx) => cached(ctx, 'catalog:categories', [LISTS], () => loadCategories(ctx));

async function loadCategories(ctx: Ctx) {
  const [rows, counts, slug] = await Promise.all([
    listCategoryRows(ctx.db, ctx.tenantId),
    productCountsByCategory(ctx.db, ctx.tenantId, true),
    tenantSlug(ctx),
  ]);
  const tree = treeOrder(rows);
  return {
    items: tree.map(({ row, depth }) => ({
      id: row.id,
      parentId: row.parentId,
      name: row.name,
      depth,
      icon: row.iconImageId ? imageRef(slug, row.iconImageId) : null,
      productCount: tree.filter((n) => n.path.includes(row.id)).reduce((s, n) => s + (counts.get(n.row.id) ?? 0), 0),
    })),
  };
}

async function page(ctx: Ctx, f: Filter, tsquery: string | null) {
  const offset = f.cursor ? Number(f.cursor) : 0;
  const categoryIds = f.categoryId ? await categoryAndDescendants(ctx, f.categoryId) : undefined;
  const orderBy: ShopListQuery['orderBy'] = f.sort === 'relevance' ? (tsquery ? 'rank' : 'weight') : f.sort;
  const [rows, slug] = await Promise.all([
    shopCardRows(ctx.db, ctx.tenantId, { ...f, categoryIds, tsquery, orderBy, offset, limit: PAGE + 1 }),
    tenantSlug(ctx),
  ]);
  return {
    items: rows.slice(0, PAGE).map((r) => toCard(slug, r)),
    nextCursor: rows.length > PAGE ? String(offset + PAGE) : null,
  };
}

/** Products on sale, 20 a page (the cursor is the offset of the next page). */
export const shopProducts = (ctx: Ctx, f: Filter) =>
  cached(ctx, `catalog:list:${JSON.stringify(f)}`, [LISTS], () => page(ctx, f, null));

/**
 * Keyword search: the query is tokenized as product texts are (CJK bigrams, latin words by prefix, so
 * pinyin and initials match), every token must match, best matches first (title over subtitle and tags
 * over category). When nothing matches, the best sellers of the category (or the shop) are suggested.
 * A logged-in shopper's search goes to their timeline as `search.performed`.
 */
export async function searchProducts(
  ctx: Ctx,
  q: Filter & { q: string },
  shopper: { id: string; phone: string } | null,
) {
  const tsquery = productQueryText(q.q);
  // Keyed by the tokens, not the typing: 拿铁, " 拿铁 " and 拿铁拿铁 share one entry.
  const result = await cached(ctx, `catalog:search:${JSON.stringify({ ...q, q: tsquery })}`, [LISTS], () =>
    searchPage(ctx, q, tsquery),
  );
  if (shopper && !q.cursor) {
    const customerId = await customerOfShopAccount(ctx, shopper);
    await inTransaction(ctx, (tx) =>
      recordEvent(tx, {
        customerId,
        type: 'search.performed',
        properties: { q: q.q, results: result.items.length, categoryId: q.categoryId ?? null },
        source: 'shop',
      }),
    );
  }
  return result;
}

async function searchPage(ctx: Ctx, q: Filter, tsquery: string | null) {
  const result = tsquery ? await page(ctx, q, tsquery) : { items: [], nextCursor: null };
  const suggestions =
    result.items.length || q.cursor
      ? []
      : (await page(ctx, { categoryId: q.categoryId, sort: 'sales', inStock: true }, null)).items.slice(0, SUGGESTIONS);
  return { ...result, suggestions };
}

/** A product page: its SKUs with prices and the units available of each. */
export const shopProduct = (ctx: Ctx, id: string) =>
  cached(ctx, `catalog:product:${id}`, [productTag(id)], () => loadProduct(ctx, id));

async function loadProduct(ctx: Ctx, id: string): Promise<ShopProduct> {
  const p = await shopProductRow(ctx.db, ctx.tenantId, id);
  if (!p) throw notFound('Product', id);
  const [skus, slug] = await Promise.all([shopSkuRows(ctx.db, ctx.tenantId, id), tenantSlug(ctx)]);
  const ref = (img: string) => imageRef(slug, img);
  const available = (n: number) => Math.max(0, Number(n));
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    categoryId: p.category_id,
    categoryName: p.category_name ?? '',
    tags: p.tags,
    cover: p.image_ids[0] ? ref(p.image_ids[0]) : null,
    priceMin: Number(p.price_min),
    priceMax: Number(p.price_max),
    listPrice: p.list_price === null ? null : Number(p.list_price),
    salesCount: Number(p.sales_count),
    inStock: skus.some((s) => available(s.available) > 0),
    description: p.description,
    images: p.image_ids.map(ref),
    specs: p.specs,
    skus: skus.map((s) => ({
      id: s.id,
      spec: s.spec,
      specText: s.spec_text,
      price: Number(s.price),
      listPrice: s.list_price === null ? null : Number(s.list_price),
      available: available(s.available),
    })),
  };
}

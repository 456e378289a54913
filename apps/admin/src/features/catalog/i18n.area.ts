import { catalogEn } from './i18n.en';
import { catalogZh } from './i18n.zh';

/** The strings of the catalog area (products, categories, stock), by language. */
export const catalogAreaZh = { catalog: catalogZh };
export const catalogAreaEn = { catalog: catalogEn };

/** Texts of the error codes of the catalog, merged into `errors`. */
export const catalogErrorsZh = {
  CATEGORY_NAME_TAKEN: '同一上级下已有同名分类',
  CATEGORY_HAS_CHILDREN: '该分类下还有 {{count}} 个子分类，请先删除或移走子分类',
  CATEGORY_HAS_PRODUCTS: '该分类下还有 {{count}} 件商品，请先把商品移到其他分类',
  PRODUCT_ON_SALE: '在售商品不能删除，请先下架',
  SKU_HAS_STOCK: '要删除的规格组合还有库存或占用，请先把库存调为 0，或改为停用该 SKU',
  NO_ENABLED_SKU: '没有启用的 SKU，不能上架',
  STOCK_SHORT: '库存不足：调整后的在库数量不能少于已占用的数量',
  IMAGE_TYPE: '只支持 JPG、PNG、WebP、GIF 图片',
  IMAGE_TOO_LARGE: '图片太大了，每张不超过 5 MB',
};

export const catalogErrorsEn: typeof catalogErrorsZh = {
  CATEGORY_NAME_TAKEN: 'A category with this name exists under the same parent',
  CATEGORY_HAS_CHILDREN: 'The category has {{count}} sub-categories; delete or move them first',
  CATEGORY_HAS_PRODUCTS: 'The category has {{count}} products; move them to another category first',
  PRODUCT_ON_SALE: 'A product on sale cannot be deleted; take it off sale first',
  SKU_HAS_STOCK: 'A removed combination still has stock or reservations; bring its stock to 0, or disable the SKU',
  NO_ENABLED_SKU: 'There is no enabled SKU, so it cannot go on sale',
  STOCK_SHORT: 'Not enough stock: on hand may not fall below what is reserved',
  IMAGE_TYPE: 'Only JPG, PNG, WebP and GIF images are accepted',
  IMAGE_TOO_LARGE: 'The image is too large; at most 5 MB each',
};

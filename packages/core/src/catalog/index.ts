/** catalog: categories, products with SKUs, images, stock per SKU and location with a ledger, shop reads and search. */
import type { Registry } from '../platform';
import { catalogJobs } from './catalog.jobs';

export {
  createCategory,
  deleteCategory,
  listCategories,
  updateCategory,
} from './categories/categories.service';
export { backfillImageVariants } from './images/image-backfill.service';
export { imageRef, imageUrl, openImage, sniffImageType, uploadImage } from './images/images.service';
export { drawSampleImage, type SampleImageFormat } from './images/sample-images';
export { sanitizeHtml } from './products/description';
export { listProducts, listProductTags } from './products/product-list.service';
export { bulkSetStatus, createProduct, deleteProduct, getProduct, updateProduct } from './products/products.service';
export { addProductSales } from './products/sales.service';
export { productQueryText, productVectorText } from './products/search-tokens';
export { combinations, specKey } from './products/sku-matrix';
export {
  type Allocation,
  releaseStock,
  reserveStock,
  shipStock,
  type ShortLine,
  SkuUnavailableError,
  type StockLine,
  StockShortError,
} from './stock/reservations.service';
export { adjustStock, listLocations, listLowStock, listMovements, listStock } from './stock/stock.service';
export { type SkuSnapshot, type SkuState, skuSnapshots } from './shop/sku-snapshots.service';
export { searchProducts, shopCategories, shopProduct, shopProducts } from './shop/shop-catalog.service';
export { bulkLoadCatalog, type LoadCategory, type LoadProduct } from './bulk-load.service';
export { getHotWords, setHotWords, shopHotWords } from './hot-words/hot-words.service';
export { countSearch, flushSearchCounts, keywordOf } from './hot-words/search-counts.service';
export { IMAGE_BACKFILL_JOB, SEARCH_COUNTS_PRUNE_JOB } from './catalog.jobs';

export const catalogRegistry: Partial<Registry> = { jobs: catalogJobs };

import {
  CATALOG_LIMITS,
  catalogCategoryRoutes as c,
  catalogHotWordRoutes as h,
  catalogProductRoutes as p,
  catalogStockRoutes as s,
} from '@siyu/contracts';
import * as catalog from '@siyu/core/catalog';
import { badRequest, type Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { mount } from '../http/mount';

/** Admin catalog: categories, products with SKU matrices, images, stock and its ledger, the shop's hot words. */
export function catalogRoutes(app: FastifyInstance, rt: Runtime) {
  mount(app, rt, c.listCategories, ({ ctx }) => catalog.listCategories(ctx));
  mount(app, rt, c.createCategory, ({ ctx, body }) => catalog.createCategory(ctx, body));
  mount(app, rt, c.updateCategory, ({ ctx, params, body }) => catalog.updateCategory(ctx, params.id, body));
  mount(app, rt, c.deleteCategory, ({ ctx, params }) => catalog.deleteCategory(ctx, params.id));
  mount(app, rt, h.getHotWords, ({ ctx }) => catalog.getHotWords(ctx));
  mount(app, rt, h.putHotWords, ({ ctx, body }) => catalog.setHotWords(ctx, body));

  // The image is the raw body, whatever its content-type; its bytes decide (see uploadImage).
  app.register(async (raw) => {
    const limit = CATALOG_LIMITS.imageBytes + 1024;
    raw.addHook('onRoute', (route) => {
      route.bodyLimit = limit;
    });
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) => done(null, body));
    mount(raw, rt, c.uploadImage, async ({ ctx, req }) => {
      if (!Buffer.isBuffer(req.body) || !req.body.length)
        throw badRequest('NO_FILE', 'Send the image as the request body');
      return catalog.uploadImage(ctx, req.body);
    });
  });

  mount(app, rt, p.listProducts, ({ ctx, query }) => catalog.listProducts(ctx, query));
  mount(app, rt, p.listProductTags, ({ ctx }) => catalog.listProductTags(ctx));
  mount(app, rt, p.getProduct, ({ ctx, params }) => catalog.getProduct(ctx, params.id));
  mount(app, rt, p.createProduct, ({ ctx, body }) => catalog.createProduct(ctx, body));
  mount(app, rt, p.updateProduct, ({ ctx, params, body }) => catalog.updateProduct(ctx, params.id, body));
  mount(app, rt, p.deleteProduct, ({ ctx, params }) => catalog.deleteProduct(ctx, params.id));
  mount(app, rt, p.bulkStatus, ({ ctx, body }) => catalog.bulkSetStatus(ctx, body));

  mount(app, rt, s.listLocations, ({ ctx }) => catalog.listLocations(ctx));
  mount(app, rt, s.listStock, ({ ctx, query }) => catalog.listStock(ctx, query));
  mount(app, rt, s.listLowStock, ({ ctx, query }) => catalog.listLowStock(ctx, query));
  mount(app, rt, s.adjustStock, ({ ctx, body }) => catalog.adjustStock(ctx, body));
  mount(app, rt, s.listMovements, ({ ctx, query }) => catalog.listMovements(ctx, query));
}

import { shopCatalogRoutes as r, shopHotWordRoutes } from '@siyu/contracts';
import * as access from '@siyu/core/access';
import * as catalog from '@siyu/core/catalog';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { SHOP_COOKIE } from '../http/cookies';
import { mount } from '../http/mount';

/** The storefront's catalog: public reads and hot words; searches are counted, a logged-in shopper's recorded. */
export function shopCatalogRoutes(app: FastifyInstance, rt: Runtime) {
  mount(app, rt, r.categories, ({ ctx }) => catalog.shopCategories(ctx));
  mount(app, rt, r.products, ({ ctx, query }) => catalog.shopProducts(ctx, query));
  mount(app, rt, r.product, ({ ctx, params }) => catalog.shopProduct(ctx, params.id));
  // A search is recorded on the shopper's timeline only when the request carries the session's CSRF
  // token: a GET that another site makes the browser send (an <img src>) cannot, and records nothing.
  mount(app, rt, r.search, async ({ ctx, query, req }) => {
    const shopper = req.cookies[SHOP_COOKIE]
      ? await access.authenticateShopper(ctx, req.cookies[SHOP_COOKIE]).catch(() => null)
      : null;
    const account =
      shopper && req.headers['x-csrf-token'] === shopper.csrfToken
        ? { id: shopper.account.id, phone: shopper.account.phone }
        : null;
    const result = await catalog.searchProducts(ctx, query, account);
    // the hot words count what shoppers search and find (first pages only, logged in or not)
    if (!query.cursor && result.items.length) catalog.countSearch(ctx, query.q);
    return result;
  });
  mount(app, rt, shopHotWordRoutes.hotWords, ({ ctx }) => catalog.shopHotWords(ctx));
  mount(app, rt, r.image, async ({ ctx, params, query, reply }) => {
    const img = await catalog.openImage(ctx, params.id, query.w as 240 | 480 | undefined);
    reply
      .header('content-type', img.contentType)
      .header('content-length', img.bytes)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff');
    return img.stream as never;
  });
}

import { subscriber } from '../../platform';
import { customerOfShopAccount } from '../events/ingest.service';

/** A shopper who registers becomes (or joins, by verified phone) a customer. */
export const profileSubscribers = [
  subscriber({
    name: 'customers.link-shop-account',
    event: 'access.shop_account.registered',
    handle: async (ctx, p) => {
      await customerOfShopAccount(ctx, { id: p.accountId, phone: p.phone });
    },
  }),
];

import { shopOrderRoutes } from '@siyu/contracts';
import { ApiError, call } from '../../api/client';
import { shopPath } from '../../app/useSlug';

/** The page of one order, in-app (`/t/demo/orders/ord_…`). */
export const orderPath = (slug: string, id: string) => shopPath(slug, `orders/${id}`);

/** The order page the payment returns to: it polls while the payment's notification is on its way. */
export const returnPath = (slug: string, id: string) => `${orderPath(slug, id)}?paying=1`;

/** An in-app path as an absolute URL (the app lives under vite's `base`, /shop/). */
const absolute = (path: string) => `${window.location.origin}${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`;

/** WeChat Pay H5 first (this is a mobile web shop), Alipay WAP when the shop does not take WeChat Pay. */
const CHANNELS = ['wechat_h5', 'alipay_wap'] as const;

/**
 * Starts paying an order and answers the URL to send the shopper to: the provider's cashier, or in demo
 * mode the sandbox cashier (沙箱支付). An H5 URL gets WeChat's `redirect_url`, so the real cashier comes
 * back to the order page. The API does not say which channels a shop takes: a channel it refuses
 * (409 PAYMENT_METHOD_UNAVAILABLE) makes the next one be tried.
 */
export async function paymentUrl(slug: string, orderId: string): Promise<string> {
  let refused: unknown;
  for (const channel of CHANNELS) {
    try {
      const { action } = await call(shopOrderRoutes.pay, { params: { slug, id: orderId }, body: { channel } });
      if (action.kind === 'h5') {
        const sep = action.url.includes('?') ? '&' : '?';
        return `${action.url}${sep}redirect_url=${encodeURIComponent(absolute(returnPath(slug, orderId)))}`;
      }
      if (action.kind === 'redirect') return action.url;
      refused = new ApiError(409, 'PAYMENT_METHOD_UNAVAILABLE', `unsupported payment action ${action.kind}`);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'PAYMENT_METHOD_UNAVAILABLE')) throw e;
      refused = e;
    }
  }
  throw refused;
}

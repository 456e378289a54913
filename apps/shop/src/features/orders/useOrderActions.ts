import { type Order, shopOrderRoutes } from '@siyu/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Dialog, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, call } from '../../api/client';
import { errorText } from '../../api/errors';
import { shopPath, useSlug } from '../../app/useSlug';
import { cartKeys } from '../cart/cart-api';
import { orderKeys } from './orders-api';
import { paymentUrl, returnPath } from './pay';

/** 去支付, 取消订单, 确认收货 and 再次购买 for an order card or the order page. */
export function useOrderActions() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);

  const changed = (order: Order) => {
    queryClient.setQueryData(orderKeys.one(slug, order.id), order);
    void queryClient.invalidateQueries({ queryKey: [...orderKeys.all(slug), 'list'] });
    void queryClient.invalidateQueries({ queryKey: orderKeys.counts(slug) });
  };
  const fail = (e: unknown) => Toast.show({ icon: 'fail', content: errorText(e, t) });
  const run = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    try {
      await work();
    } catch (e) {
      fail(e);
      // the order moved meanwhile (paid, closed): show what it is now
      if (e instanceof ApiError && e.status === 409)
        void queryClient.invalidateQueries({ queryKey: orderKeys.all(slug) });
    } finally {
      setBusy(null);
    }
  };

  return {
    busy,
    /** `onOrderPage`: called on the order's own page (replaced, not pushed, before leaving for the cashier). */
    pay: (order: Order, onOrderPage = false) =>
      run(`pay:${order.id}`, async () => {
        const url = await paymentUrl(slug, order.id);
        // back from the cashier lands on the order page, which then waits for the payment's notification
        await navigate(returnPath(slug, order.id), { replace: onOrderPage });
        window.location.assign(url);
      }),
    cancel: async (order: Order) => {
      const ok = await Dialog.confirm({ content: t('orders.cancelConfirm'), confirmText: t('orders.cancel') });
      if (!ok) return;
      await run(`cancel:${order.id}`, async () => {
        changed(await call(shopOrderRoutes.cancel, { params: { slug, id: order.id } }));
        Toast.show({ content: t('orders.cancelled') });
      });
    },
    confirmReceipt: async (order: Order) => {
      const ok = await Dialog.confirm({ content: t('orders.receiptConfirm'), confirmText: t('orders.confirmReceipt') });
      if (!ok) return;
      await run(`receipt:${order.id}`, async () => {
        changed(await call(shopOrderRoutes.confirmReceipt, { params: { slug, id: order.id } }));
        Toast.show({ icon: 'success', content: t('orders.received') });
      });
    },
    /** Adds every line to the cart (those that can no longer be bought are skipped and named). */
    buyAgain: (order: Order) =>
      run(`again:${order.id}`, async () => {
        const skipped: string[] = [];
        for (const line of order.lines) {
          try {
            const cart = await call(shopOrderRoutes.addToCart, {
              params: { slug },
              body: { skuId: line.skuId, quantity: line.quantity },
            });
            queryClient.setQueryData(cartKeys.cart(slug), cart);
          } catch (e) {
            if (!(e instanceof ApiError) || e.status !== 409) throw e;
            skipped.push(line.title);
          }
        }
        if (skipped.length === order.lines.length) {
          Toast.show({ icon: 'fail', content: t('orders.againNone') });
          return;
        }
        if (skipped.length) Toast.show({ content: t('orders.againSkipped', { titles: skipped.join('、') }) });
        navigate(shopPath(slug, 'cart'));
      }),
  };
}

import { Button, Stepper, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { errorText } from '../../api/errors';
import { useSession } from '../../api/session';
import { loginPath } from '../../app/redirect';
import { useSlug } from '../../app/useSlug';
import { useCartActions } from '../cart/cart-api';
import { buyNowPath } from '../checkout/CheckoutPage';
import type { ShopSkuView } from './spec-choice';

type BuyBarProps = {
  /** The SKU the picks name (null until every spec is picked). */
  sku: ShopSkuView | null;
  quantity: number;
  onQuantity: (quantity: number) => void;
  /** What is still to pick ('杯型 / 温度'), said when a button is tapped too early. */
  missing: string;
  soldOut: boolean;
};

/**
 * The bottom bar of a product: quantity, 加入购物车 and 立即购买. Both need a picked SKU with stock; a
 * guest adds to the cart kept in this browser, and buying now asks a guest to log in first.
 */
export function BuyBar({ sku, quantity, onQuantity, missing, soldOut }: BuyBarProps) {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession(slug);
  const { add } = useCartActions(slug);
  const max = Math.max(1, Math.min(999, sku?.available ?? 999));

  /** The SKU to buy, or null after saying why there is none. */
  const picked = () => {
    if (!sku) {
      Toast.show({ content: t('catalog.detail.pleasePick', { names: missing }) });
      return null;
    }
    if (sku.available <= 0) {
      Toast.show({ content: t('catalog.soldOut') });
      return null;
    }
    return sku;
  };
  /** Buying now needs a logged-in shopper: a guest goes to log in and comes back here. */
  const ready = () => {
    const s = picked();
    if (s && !session.data) {
      navigate(loginPath(slug, location.pathname + location.search));
      return null;
    }
    return s;
  };
  // A guest's cart is kept in this browser until login (then merged into the customer's).
  const addToCart = () => {
    const s = picked();
    if (!s || session.isPending) return;
    add.mutate(
      { skuId: s.id, quantity: Math.min(quantity, s.available), price: s.price },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('cart.added') }),
        onError: (e) => Toast.show({ icon: 'fail', content: errorText(e, t) }),
      },
    );
  };
  const buyNow = () => {
    const s = ready();
    if (s) navigate(buyNowPath(slug, s.id, Math.min(quantity, s.available)));
  };

  return (
    <div className="buy-bar" data-testid="buy-bar">
      <div className="buy-bar__quantity">
        <span className="shop-muted">{t('cart.quantity')}</span>
        <Stepper
          min={1}
          max={max}
          value={Math.min(quantity, max)}
          onChange={onQuantity}
          inputReadOnly
          data-testid="buy-quantity"
        />
      </div>
      <div className="buy-bar__buttons">
        <Button
          className="buy-bar__cart"
          shape="rounded"
          disabled={soldOut}
          loading={add.isPending}
          onClick={addToCart}
          data-testid="add-to-cart"
        >
          {t('catalog.detail.addToCart')}
        </Button>
        <Button
          className="buy-bar__buy"
          shape="rounded"
          color="primary"
          disabled={soldOut}
          onClick={buyNow}
          data-testid="buy-now"
        >
          {t('catalog.detail.buyNow')}
        </Button>
      </div>
    </div>
  );
}

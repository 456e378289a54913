import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/**
 * The bottom bar of a product. The cart and checkout come with a later issue: until then both buttons
 * are shown disabled with a note saying so, rather than buttons that do nothing.
 */
export function BuyBar() {
  const { t } = useTranslation();
  return (
    <div className="buy-bar" data-testid="buy-bar">
      <div className="buy-bar__note" role="note">
        {t('catalog.detail.cartSoon')}
      </div>
      <div className="buy-bar__buttons">
        <Button className="buy-bar__cart" shape="rounded" disabled data-testid="add-to-cart">
          {t('catalog.detail.addToCart')}
        </Button>
        <Button className="buy-bar__buy" shape="rounded" color="primary" disabled data-testid="buy-now">
          {t('catalog.detail.buyNow')}
        </Button>
      </div>
    </div>
  );
}

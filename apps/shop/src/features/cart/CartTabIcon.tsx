import { Badge } from 'antd-mobile';
import { useSlug } from '../../app/useSlug';
import { useCartCount } from './cart-api';
import { CartIcon } from './CartIcon';

/** The 购物车 tab's icon with the number of units in the cart (a guest's too). */
export function CartTabIcon() {
  const count = useCartCount(useSlug());
  return (
    <span data-testid="cart-badge" data-count={count}>
      <Badge content={count > 0 ? (count > 99 ? '99+' : count) : null}>
        <CartIcon />
      </Badge>
    </span>
  );
}

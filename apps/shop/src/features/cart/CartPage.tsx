import type { GuestMergeLine } from '@siyu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Dialog, Skeleton, Space, Stepper, SwipeAction, Toast } from 'antd-mobile';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorText } from '../../api/errors';
import { useSession } from '../../api/session';
import { PageError } from '../../app/PageState';
import { loginPath } from '../../app/redirect';
import { shopPath, useSlug } from '../../app/useSlug';
import { formatFen } from '../catalog/money';
import { Price } from '../catalog/Price';
import { FeedEmpty } from '../catalog/ProductFeed';
import { type CartItemView, cartKeys, useCart, useCartActions, useMergeGuestCart } from './cart-api';
import { LineImage } from './CartItemImage';
import { useGuestLines } from './guest-cart';
import './cart.css';

/**
 * The 购物车 tab, for everyone: a guest's cart is kept in this browser and merged into the customer's
 * cart at login; checking out asks a guest to log in first and then continues to the checkout.
 */
export function CartPage() {
  const { t } = useTranslation();
  return (
    <div className="cart" data-testid="cart-page">
      <h1 className="cart__title">{t('cart.title')}</h1>
      <MergeReport />
      <CartBody />
    </div>
  );
}

/** What the last merge at login could not add in full (a line per item, with the reason). */
function MergeReport() {
  const { t } = useTranslation();
  const slug = useSlug();
  const queryClient = useQueryClient();
  const session = useSession(slug);
  const merge = useMergeGuestCart(slug);
  const waiting = useGuestLines(slug).length > 0 && !!session.data;
  const report = useQuery<GuestMergeLine[]>({
    queryKey: cartKeys.mergeReport(slug),
    queryFn: () => [],
    staleTime: Number.POSITIVE_INFINITY,
  });
  // A guest cart left over (the merge at login failed, or the session came back another way): merge it now.
  useEffect(() => {
    if (waiting) merge().catch(() => {});
  }, [waiting, merge]);
  const lines = report.data ?? [];
  if (!lines.length) return null;
  return (
    <div className="cart__notice cart__merge" role="status" data-testid="cart-merge-report">
      <p>{t('cart.merge.title')}</p>
      <ul>
        {lines.map((l) => (
          <li key={l.skuId}>
            {t(`cart.merge.${l.outcome === 'capped' ? 'capped' : 'rejected'}`, {
              title: l.title || t('cart.merge.unknownItem'),
              added: l.added,
              requested: l.requested,
              reason: t(`cart.merge.reasons.${l.reason ?? 'stock_limit'}`),
            })}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="cart-item__remove"
        onClick={() => queryClient.setQueryData(cartKeys.mergeReport(slug), [])}
      >
        {t('cart.merge.dismiss')}
      </button>
    </div>
  );
}

function CartBody() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const cart = useCart(slug);
  const actions = useCartActions(slug);

  if (cart.sessionPending || (cart.isPending && cart.fetchStatus !== 'idle')) return <CartSkeleton />;
  if (cart.isError) return <PageError error={cart.error} onRetry={() => cart.refetch()} />;
  const { items } = cart.data ?? { items: [] };
  if (!cart.data) return <CartSkeleton />;
  if (items.length === 0) {
    return (
      <FeedEmpty title={t('cart.empty')} description={t(cart.isGuest ? 'cart.emptyGuestHint' : 'cart.emptyHint')}>
        <Space>
          <Button color="primary" size="small" onClick={() => navigate(shopPath(slug, 'category'))}>
            {t('cart.goShopping')}
          </Button>
          {cart.isGuest && (
            <Button
              size="small"
              onClick={() => navigate(loginPath(slug, shopPath(slug, 'cart')))}
              data-testid="cart-login"
            >
              {t('home.loginButton')}
            </Button>
          )}
        </Space>
      </FeedEmpty>
    );
  }

  const fail = (e: unknown) => Toast.show({ icon: 'fail', content: errorText(e, t) });
  const buyable = items.filter((i) => i.issue === null);
  const allSelected = buyable.length > 0 && buyable.every((i) => i.selected);
  const busy = actions.update.isPending || actions.remove.isPending;

  const selectAll = async (selected: boolean) => {
    try {
      for (const item of buyable) {
        if (item.selected !== selected) await actions.update.mutateAsync({ skuId: item.skuId, selected });
      }
    } catch (e) {
      fail(e);
    }
  };
  const removeItem = async (item: CartItemView) => {
    const ok = await Dialog.confirm({
      content: t('cart.removeConfirm', { title: item.title }),
      confirmText: t('cart.remove'),
    });
    if (!ok) return;
    actions.remove.mutate(item.skuId, { onError: fail });
  };

  return (
    <>
      {cart.isGuest && (
        <p className="cart__guest" data-testid="cart-guest-hint">
          {t('cart.guestHint')}{' '}
          <Link to={loginPath(slug, shopPath(slug, 'cart'))} data-testid="cart-login">
            {t('home.loginButton')}
          </Link>
        </p>
      )}
      {cart.data.hasIssues && (
        <p className="cart__notice" role="note">
          {t('cart.hasIssues')}
        </p>
      )}
      <div className="cart__items">
        {items.map((item) => (
          <SwipeAction
            key={item.skuId}
            rightActions={[{ key: 'remove', text: t('cart.remove'), color: 'danger', onClick: () => removeItem(item) }]}
          >
            <CartRow
              item={item}
              onSelect={(selected) => actions.update.mutate({ skuId: item.skuId, selected }, { onError: fail })}
              onQuantity={(quantity) => actions.update.mutate({ skuId: item.skuId, quantity }, { onError: fail })}
              onRemove={() => removeItem(item)}
            />
          </SwipeAction>
        ))}
      </div>
      <div className="cart-bar" data-testid="cart-bar">
        <Checkbox
          checked={allSelected}
          disabled={buyable.length === 0 || busy}
          onChange={(v) => selectAll(v)}
          data-testid="cart-select-all"
        >
          {t('cart.selectAll')}
        </Checkbox>
        <div className="cart-bar__total">
          {t('cart.total')}
          <strong data-testid="cart-total">{formatFen(cart.data.selectedTotal)}</strong>
        </div>
        <Button
          color="primary"
          shape="rounded"
          disabled={cart.data.selectedCount === 0 || busy}
          onClick={() =>
            navigate(cart.isGuest ? loginPath(slug, shopPath(slug, 'checkout')) : shopPath(slug, 'checkout'))
          }
          data-testid="cart-checkout"
        >
          {t('cart.checkout', { count: cart.data.selectedCount })}
        </Button>
      </div>
    </>
  );
}

function CartRow(props: {
  item: CartItemView;
  onSelect: (selected: boolean) => void;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const slug = useSlug();
  const { item } = props;
  const unavailable = item.issue !== null && item.issue !== 'short';
  return (
    <div
      className={`cart-item${unavailable ? ' cart-item--unavailable' : ''}`}
      data-testid="cart-item"
      data-sku={item.skuId}
    >
      <Checkbox
        className="cart-item__check"
        checked={item.selected && item.issue === null}
        disabled={item.issue !== null}
        onChange={props.onSelect}
        aria-label={t('cart.select', { title: item.title })}
        data-testid="cart-item-check"
      />
      <Link to={shopPath(slug, `products/${item.productId}`)} className="cart-item__image">
        <LineImage cover={item.cover} title={item.title} />
      </Link>
      <div className="cart-item__body">
        <div className="cart-item__title">{item.title}</div>
        {item.specText && <div className="cart-item__spec">{item.specText}</div>}
        {item.issue && (
          <div className="cart-item__issue" data-testid="cart-item-issue">
            {t(`cart.issues.${item.issue}`, { count: item.available })}
          </div>
        )}
        {item.priceChanged && !item.issue && (
          <div className="cart-item__changed">{t('cart.priceChanged', { price: formatFen(item.priceAtAdd) })}</div>
        )}
        <div className="cart-item__footer">
          <Price fen={item.price} />
          {unavailable ? (
            <button type="button" className="cart-item__remove" onClick={props.onRemove}>
              {t('cart.remove')}
            </button>
          ) : (
            <Stepper
              min={1}
              max={Math.min(999, Math.max(item.quantity, item.available))}
              value={item.quantity}
              onChange={(v) => {
                if (v !== item.quantity) props.onQuantity(v);
              }}
              inputReadOnly
              data-testid="cart-item-stepper"
            />
          )}
        </div>
      </div>
    </div>
  );
}

function CartSkeleton() {
  return (
    <div className="cart__items" aria-busy="true">
      {[0, 1, 2].map((i) => (
        <div key={i} className="cart-item">
          <Skeleton animated className="line-image skeleton-block" />
          <div className="cart-item__body">
            <Skeleton.Paragraph lineCount={3} animated />
          </div>
        </div>
      ))}
    </div>
  );
}

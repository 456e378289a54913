import type { ShopSession } from '@siyu/contracts';
import { Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSessionActions, useStorefront } from '../../api/session';
import { afterLoginPath } from '../../app/redirect';
import { useSlug } from '../../app/useSlug';
import { useMergeGuestCart } from '../cart/cart-api';

/**
 * After any login: keep the session (and CSRF token), merge the guest cart into the customer's (the
 * cart page says what could not be added), say hello, and go back where the shopper came from.
 */
export function useLoginSuccess() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const { search } = useLocation();
  const actions = useSessionActions(slug);
  const brand = useStorefront(slug).data?.brandName ?? '';

  const mergeGuestCart = useMergeGuestCart(slug);

  return async (session: ShopSession, how: 'login' | 'registered' | 'reset') => {
    actions.loggedIn(session);
    const notMerged = await mergeGuestCart().catch(() => []); // failed: the cart page tries again
    const content =
      how === 'registered'
        ? t('login.welcomeNew', { brand })
        : how === 'reset'
          ? t('reset.success')
          : t('login.success');
    if (notMerged.length) Toast.show({ content: t('cart.merge.toast', { count: notMerged.length }), duration: 3000 });
    else Toast.show({ icon: 'success', content, duration: how === 'registered' ? 3000 : 2000 });
    navigate(afterLoginPath(slug, search), { replace: true });
  };
}

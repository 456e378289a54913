import type { ShopSession } from '@siyu/contracts';
import { Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSessionActions, useStorefront } from '../../api/session';
import { afterLoginPath } from '../../app/redirect';
import { useSlug } from '../../app/useSlug';

/** After any login: keep the session (and CSRF token), say hello, and go back where the shopper came from. */
export function useLoginSuccess() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const { search } = useLocation();
  const actions = useSessionActions(slug);
  const brand = useStorefront(slug).data?.brandName ?? '';

  return (session: ShopSession, how: 'login' | 'registered' | 'reset') => {
    actions.loggedIn(session);
    const content =
      how === 'registered'
        ? t('login.welcomeNew', { brand })
        : how === 'reset'
          ? t('reset.success')
          : t('login.success');
    Toast.show({ icon: 'success', content, duration: how === 'registered' ? 3000 : 2000 });
    navigate(afterLoginPath(slug, search), { replace: true });
  };
}

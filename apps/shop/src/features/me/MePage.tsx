import { shopRoutes } from '@siyu/contracts';
import { Avatar, Button, Dialog, List, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, call } from '../../api/client';
import { errorText } from '../../api/errors';
import { displayName, useSession, useSessionActions } from '../../api/session';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { shopPath, useSlug } from '../../app/useSlug';
import { MeShortcuts } from '../orders/MeShortcuts';
import './me.css';

/** The "me" tab: who is logged in, profile and password, language, logout. */
export function MePage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const account = useSession(slug).data?.account;
  const actions = useSessionActions(slug);
  if (!account) return null; // RequireLogin renders this page only with a session

  const logout = async () => {
    const confirmed = await Dialog.confirm({
      content: t('me.logoutConfirm'),
      confirmText: t('me.logout'),
    });
    if (!confirmed) return;
    try {
      await call(shopRoutes.logout, { params: { slug } });
    } catch (e) {
      // 401: the session had ended already, which is what the shopper wanted
      if (!(e instanceof ApiError && e.status === 401)) {
        Toast.show({ icon: 'fail', content: errorText(e, t) });
        return;
      }
    }
    // Leave this page first (synchronously): were the session cleared while it still shows,
    // RequireLogin would send the shopper to the login page instead of home.
    await navigate(shopPath(slug), { replace: true, flushSync: true });
    actions.loggedOut();
    Toast.show({ content: t('me.loggedOut') });
  };

  return (
    <div className="me">
      <header className="me__header" data-testid="me-header">
        <Avatar src={account.avatarUrl ?? ''} style={{ '--size': '64px', '--border-radius': '50%' }} />
        <div>
          <div className="me__nickname" data-testid="me-nickname">
            {displayName(account, t)}
          </div>
          <div className="me__phone" data-testid="me-phone">
            {account.phone}
          </div>
        </div>
      </header>
      <MeShortcuts />
      <List className="shop-section" mode="card">
        <List.Item onClick={() => navigate(shopPath(slug, 'me/profile'))}>{t('me.editProfile')}</List.Item>
        <List.Item onClick={() => navigate(shopPath(slug, 'me/password'))}>
          {account.hasPassword ? t('me.changePassword') : t('me.setPassword')}
        </List.Item>
      </List>
      <List className="shop-section" mode="card">
        <List.Item extra={<LanguageSwitch />}>{t('me.language')}</List.Item>
      </List>
      <div className="shop-actions">
        <Button block shape="rounded" color="danger" fill="outline" onClick={logout} data-testid="logout">
          {t('me.logout')}
        </Button>
      </div>
    </div>
  );
}

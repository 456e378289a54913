import type { ShopAccount } from '@siyu/contracts';
import { Avatar, Button, Skeleton } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { displayName, useSession, useStorefront } from '../../api/session';
import { BrandLogo } from '../../app/BrandLogo';
import { SearchEntry } from '../catalog/SearchEntry';
import { formatDate } from '../../app/dates';
import { loginPath } from '../../app/redirect';
import { shopPath, useSlug } from '../../app/useSlug';
import './home.css';

/** The home tab: the brand, then a login prompt or the shopper's greeting. */
export function HomePage() {
  const slug = useSlug();
  const storefront = useStorefront(slug).data;
  const session = useSession(slug);
  if (!storefront) return null; // TenantLayout renders pages only once the storefront is loaded

  return (
    <div className="home">
      <header className="home__brand">
        <BrandLogo brandName={storefront.brandName} logoUrl={storefront.logoUrl} size={56} />
        <h1 className="home__brand-name" data-testid="brand-name">
          {storefront.brandName}
        </h1>
      </header>
      <SearchEntry className="home__search" />
      {session.isPending ? (
        <div className="shop-card">
          <Skeleton.Paragraph lineCount={3} animated />
        </div>
      ) : session.data ? (
        <GreetingCard account={session.data.account} />
      ) : (
        <LoginCard brandName={storefront.brandName} />
      )}
    </div>
  );
}

function LoginCard({ brandName }: { brandName: string }) {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  return (
    <section className="shop-card home__card" data-testid="login-card">
      <h2 className="home__card-title">{t('home.welcomeTitle', { brand: brandName })}</h2>
      <p className="shop-muted">{t('home.loginPrompt')}</p>
      <Button block color="primary" shape="rounded" onClick={() => navigate(loginPath(slug, shopPath(slug)))}>
        {t('home.loginButton')}
      </Button>
    </section>
  );
}

const greetingKey = (hour: number) =>
  hour < 12 ? 'home.greetingMorning' : hour < 18 ? 'home.greetingAfternoon' : 'home.greetingEvening';

function GreetingCard({ account }: { account: ShopAccount }) {
  const { t, i18n } = useTranslation();
  const slug = useSlug();
  const name = displayName(account, t);
  const incomplete = !account.nickname || !account.birthday;
  return (
    <section className="shop-card home__card" data-testid="greeting-card">
      <Link to={shopPath(slug, 'me')} className="home__greeting">
        <Avatar src={account.avatarUrl ?? ''} style={{ '--size': '48px', '--border-radius': '50%' }} />
        <div>
          <h2 className="home__card-title" data-testid="greeting">
            {t(greetingKey(new Date().getHours()), { name })}
          </h2>
          <p className="shop-muted">{t('home.memberSince', { date: formatDate(account.createdAt, i18n.language) })}</p>
        </div>
      </Link>
      {incomplete && (
        <Link to={shopPath(slug, 'me/profile')} className="home__tip">
          <span>{t('home.completeProfile')}</span>
          <span className="shop-link">{t('home.editProfile')} ›</span>
        </Link>
      )}
    </section>
  );
}

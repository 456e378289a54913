import { Tabs } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession, useStorefront } from '../../api/session';
import { BrandLogo } from '../../app/BrandLogo';
import { LanguageToggle } from '../../app/LanguageSwitch';
import { Page } from '../../app/Page';
import { afterLoginPath } from '../../app/redirect';
import { useSlug } from '../../app/useSlug';
import { PasswordLoginForm } from './PasswordLoginForm';
import { SandboxHint } from './SandboxHint';
import { SmsLoginForm } from './SmsLoginForm';
import './auth.css';

/** /t/:slug/login — SMS code (registers on first use) or password. */
export function LoginPage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const { search } = useLocation();
  const storefront = useStorefront(slug).data;
  const session = useSession(slug);
  if (session.data) return <Navigate to={afterLoginPath(slug, search)} replace />;

  return (
    <Page title={t('login.title')} right={<LanguageToggle />}>
      {storefront && (
        <div className="login__brand">
          <BrandLogo brandName={storefront.brandName} logoUrl={storefront.logoUrl} size={64} />
          <div className="login__brand-name">{storefront.brandName}</div>
        </div>
      )}
      <Tabs defaultActiveKey="sms" className="login__tabs">
        <Tabs.Tab title={t('login.smsTab')} key="sms">
          <SmsLoginForm />
        </Tabs.Tab>
        <Tabs.Tab title={t('login.passwordTab')} key="password">
          <PasswordLoginForm />
        </Tabs.Tab>
      </Tabs>
      <SandboxHint />
    </Page>
  );
}

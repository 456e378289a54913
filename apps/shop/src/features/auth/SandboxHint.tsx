import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useStorefront } from '../../api/session';
import { shopPath, useSlug } from '../../app/useSlug';
import { phoneDraft } from './drafts';

/** Demo mode only: where a visitor trying the demo reads the code that was "sent" to them. */
export function SandboxHint() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const storefront = useStorefront(slug).data;
  if (!storefront?.smsSandboxUrl) return null;
  const href = shopPath(slug, 'dev/sms');
  return (
    <div className="login__sandbox">
      <a
        href={`${import.meta.env.BASE_URL.replace(/\/$/, '')}${href}`}
        className="shop-link"
        data-testid="sms-sandbox-link"
        onClick={(e) => {
          e.preventDefault();
          const phone = phoneDraft();
          navigate(phone ? `${href}?phone=${encodeURIComponent(phone)}` : href);
        }}
      >
        {t('login.sandboxHint')}
      </a>
    </div>
  );
}

import { CnMobile, devRoutes } from '@siyu/contracts';
import { Button, Empty, List, SearchBar, Tag } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useStorefront } from '../../api/session';
import { formatDateTime } from '../../app/dates';
import { Page } from '../../app/Page';
import { loginPath } from '../../app/redirect';
import { shopPath, useSlug } from '../../app/useSlug';
import './dev.css';

/**
 * /t/:slug/dev/sms — demo mode only: the messages the dev SMS provider recorded instead of sending,
 * newest first, so a visitor trying the demo can read their code.
 */
export function SmsSandboxPage() {
  const { t, i18n } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const phone = params.get('phone') ?? '';
  const demo = Boolean(useStorefront(slug).data?.smsSandboxUrl);
  const messages = useQuery({
    queryKey: ['dev-sms', phone],
    queryFn: () => call(devRoutes.listSms, { query: { phone: phone || undefined, limit: 20 } }),
    enabled: demo,
    refetchInterval: 3000,
  });
  const backToLogin = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate(loginPath(slug));
  };
  const items = (messages.data?.items ?? []).filter((m) => m.tenantSlug === slug);

  return (
    <Page title={t('sandbox.title')} fallback={shopPath(slug, 'login')}>
      <p className="shop-muted shop-intro">{demo ? t('sandbox.intro') : t('sandbox.notAvailable')}</p>
      {demo && (
        <>
          <div className="sandbox__search">
            <SearchBar
              defaultValue={phone}
              placeholder={t('sandbox.phonePlaceholder')}
              onSearch={(v) => setParams(v.trim() ? { phone: v.trim() } : {}, { replace: true })}
              onClear={() => setParams({}, { replace: true })}
            />
            <Button
              size="small"
              onClick={() => void messages.refetch()}
              loading={messages.isFetching && !messages.isPending}
            >
              {t('sandbox.refresh')}
            </Button>
          </div>
          {phone && !CnMobile.safeParse(phone).success && <p className="shop-error">{t('validation.phone')}</p>}
          {messages.isError && !(messages.error instanceof ApiError && messages.error.status === 404) && (
            <p className="shop-error">{errorText(messages.error, t)}</p>
          )}
          {items.length === 0 && !messages.isPending ? (
            <Empty description={t('sandbox.empty')} />
          ) : (
            <List className="shop-section" mode="card" data-testid="sms-list">
              {items.map((m) => (
                <List.Item
                  key={m.id}
                  data-testid="sms-item"
                  title={m.phone}
                  description={formatDateTime(m.sentAt, i18n.language)}
                  extra={
                    m.code && (
                      <Tag color="primary" fill="outline" className="sandbox__code" data-testid="sms-code">
                        {m.code}
                      </Tag>
                    )
                  }
                >
                  <span className="sandbox__text">{m.text}</span>
                </List.Item>
              ))}
            </List>
          )}
          <div className="shop-actions">
            <Button block shape="rounded" onClick={backToLogin}>
              {t('sandbox.backToLogin')}
            </Button>
          </div>
        </>
      )}
    </Page>
  );
}

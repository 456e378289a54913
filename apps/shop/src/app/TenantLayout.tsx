import { ErrorBlock } from 'antd-mobile';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { ApiError } from '../api/client';
import { useStorefront } from '../api/session';
import { PageError, PageLoading } from './PageState';
import { useSlug } from './useSlug';

/** Every page of one shop: loads the tenant's storefront (brand) first. */
export function TenantLayout() {
  const { t } = useTranslation();
  const slug = useSlug();
  const storefront = useStorefront(slug);
  const brandName = storefront.data?.brandName;

  useEffect(() => {
    if (brandName) document.title = brandName;
  }, [brandName]);

  if (storefront.isPending) return <PageLoading />;
  if (storefront.isError) {
    const e = storefront.error;
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) {
      return (
        <div className="page-state">
          <ErrorBlock status="empty" title={t('app.shopNotFound')} description={t('app.shopNotFoundHint', { slug })} />
        </div>
      );
    }
    return <PageError error={e} onRetry={() => storefront.refetch()} />;
  }
  return <Outlet />;
}

import { ORDER_LIMITS, shopOrderRoutes } from '@siyu/contracts';
import { Button, Dialog, Skeleton, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { Page } from '../../app/Page';
import { PageError } from '../../app/PageState';
import { shopPath, useSlug } from '../../app/useSlug';
import { FeedEmpty } from '../catalog/ProductFeed';
import { chooseAddress } from '../checkout/checkout-draft';
import { type Address, fullAddress, maskPhone, useAddresses, useInvalidateAddresses } from './addresses-api';
import './addresses.css';

/**
 * /t/:slug/me/addresses — the address book. With `?pick=N` (opened from the checkout) tapping an
 * address chooses it for the order and goes N pages back.
 */
export function AddressListPage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const pick = Number(useSearchParams()[0].get('pick') ?? 0);
  const list = useAddresses(slug);
  const invalidate = useInvalidateAddresses(slug);
  const max = ORDER_LIMITS.addressesPerCustomer;

  const edit = (id?: string) =>
    navigate(shopPath(slug, `me/addresses/${id ?? 'new'}${pick ? `?pick=${pick + 1}` : ''}`));
  const choose = (a: Address) => {
    if (!pick) return edit(a.id);
    chooseAddress(slug, a.id);
    navigate(-pick);
  };
  const makeDefault = async (a: Address) => {
    try {
      await call(shopOrderRoutes.updateAddress, { params: { slug, id: a.id }, body: { isDefault: true } });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e, t) });
    }
    await invalidate();
  };
  const remove = async (a: Address) => {
    const ok = await Dialog.confirm({ content: t('address.deleteConfirm'), confirmText: t('address.delete') });
    if (!ok) return;
    try {
      await call(shopOrderRoutes.deleteAddress, { params: { slug, id: a.id } });
      await invalidate();
      Toast.show({ content: t('address.deleted') });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e, t) });
      await invalidate();
    }
  };

  const body = () => {
    if (list.isPending)
      return (
        <div className="shop-card" aria-busy="true">
          <Skeleton.Paragraph lineCount={5} animated />
        </div>
      );
    if (list.isError) return <PageError error={list.error} onRetry={() => list.refetch()} />;
    if (list.data.items.length === 0)
      return <FeedEmpty title={t('address.empty')} description={t('address.emptyHint')} />;
    return (
      <div className="address-list" data-testid="address-list">
        {list.data.items.map((a) => (
          <div key={a.id} className="shop-card address-card" data-testid="address-card">
            <button type="button" className="address-card__main" onClick={() => choose(a)}>
              <div className="address-card__who">
                <strong>{a.name}</strong> <span>{maskPhone(a.phone)}</span>
                {a.isDefault && (
                  <Tag color="primary" fill="outline" className="address-card__default">
                    {t('address.default')}
                  </Tag>
                )}
              </div>
              <div className="address-card__text">{fullAddress(a)}</div>
            </button>
            <div className="address-card__actions">
              {!a.isDefault && (
                <button type="button" onClick={() => makeDefault(a)} data-testid="address-make-default">
                  {t('address.setDefault')}
                </button>
              )}
              <button type="button" onClick={() => edit(a.id)}>
                {t('address.edit')}
              </button>
              <button type="button" onClick={() => remove(a)} data-testid="address-delete">
                {t('address.delete')}
              </button>
            </div>
          </div>
        ))}
      </div>
    );
  };

  const count = list.data?.items.length ?? 0;
  return (
    <Page title={pick ? t('address.pickTitle') : t('address.title')} fallback={shopPath(slug, 'me')}>
      {body()}
      <div className="shop-actions">
        <Button
          block
          color="primary"
          shape="rounded"
          disabled={count >= max}
          onClick={() => edit()}
          data-testid="address-add"
        >
          {count >= max ? t('address.full', { max }) : t('address.add')}
        </Button>
      </div>
    </Page>
  );
}

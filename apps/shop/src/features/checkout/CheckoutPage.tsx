import { ORDER_LIMITS, type Output, shopOrderRoutes } from '@siyu/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, List, Radio, Selector, Skeleton, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, call } from '../../api/client';
import { errorText } from '../../api/errors';
import { Page } from '../../app/Page';
import { PageError } from '../../app/PageState';
import { shopPath, useSlug } from '../../app/useSlug';
import { fullAddress, maskPhone, useAddresses } from '../addresses/addresses-api';
import { cartKeys } from '../cart/cart-api';
import { formatFen } from '../catalog/money';
import { FeedEmpty } from '../catalog/ProductFeed';
import { orderKeys } from '../orders/orders-api';
import { orderPath, paymentUrl, returnPath } from '../orders/pay';
import { type CheckoutDraft, clearPending, newClientKey, readDraft, writeDraft } from './checkout-draft';
import './checkout.css';

type Preview = Output<typeof shopOrderRoutes.preview>;
type BuyNow = { skuId: string; quantity: number };

/** `?sku=…&qty=…`: buy now (one SKU, the cart left alone); without: the cart's selected items. */
function useBuyNow(): BuyNow | undefined {
  const [params] = useSearchParams();
  const skuId = params.get('sku');
  const quantity = Math.min(ORDER_LIMITS.quantityPerLine, Math.max(1, Number(params.get('qty')) || 1));
  return skuId ? { skuId, quantity } : undefined;
}

/** The path of the checkout page for "buy now". */
export const buyNowPath = (slug: string, skuId: string, quantity: number) =>
  shopPath(slug, `checkout?sku=${encodeURIComponent(skuId)}&qty=${quantity}`);

/**
 * /t/:slug/checkout — how to receive the order (an address of the book, or pick-up at a store), the
 * price from checkout/preview, a remark, and 提交订单, which places the order and goes to pay.
 */
export function CheckoutPage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const buyNow = useBuyNow();
  const [draft, setDraft] = useState<CheckoutDraft>(() => readDraft(slug));
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const update = (patch: Partial<CheckoutDraft>) => setDraft(writeDraft(slug, patch));

  const addresses = useAddresses(slug);
  const stores = useQuery({
    queryKey: ['pickup-stores', slug],
    queryFn: () => call(shopOrderRoutes.pickupStores, { params: { slug } }),
    staleTime: 5 * 60_000,
  });
  const storeList = stores.data?.items ?? [];
  const delivery = draft.delivery === 'pickup' && storeList.length > 0 ? 'pickup' : 'express';
  const addressId = addresses.data?.items.some((a) => a.id === draft.addressId) ? draft.addressId : undefined;
  const storeId = storeList.some((s) => s.id === draft.storeId) ? draft.storeId : storeList[0]?.id;
  const input = {
    buyNow,
    delivery,
    addressId: delivery === 'express' ? addressId : undefined,
    storeId: delivery === 'pickup' ? storeId : undefined,
  } as const;
  const preview = useQuery({
    queryKey: ['checkout', slug, input],
    queryFn: () => call(shopOrderRoutes.preview, { params: { slug }, body: input }),
    enabled: addresses.isSuccess && !stores.isPending,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

  const submit = async (p: Preview) => {
    setSubmitError(null);
    const body = {
      ...input,
      addressId: delivery === 'express' ? (p.address?.id ?? undefined) : undefined,
      remark: draft.remark?.trim() || undefined,
    };
    const signature = JSON.stringify(body);
    // The same submit retried (no answer last time, or a reload) goes with the same key: one order.
    const pending = readDraft(slug).pending;
    const clientKey = pending?.signature === signature ? pending.clientKey : newClientKey();
    writeDraft(slug, { pending: { clientKey, signature } });
    setSubmitting(true);
    let orderId: string;
    try {
      const order = await call(shopOrderRoutes.placeOrder, { params: { slug }, body: { ...body, clientKey } });
      orderId = order.id;
    } catch (e) {
      setSubmitting(false);
      if (await refused(e, p)) return;
      setSubmitError(errorText(e, t));
      return;
    }
    setDraft(clearPending(slug));
    void queryClient.invalidateQueries({ queryKey: cartKeys.cart(slug) });
    void queryClient.invalidateQueries({ queryKey: orderKeys.all(slug) });
    try {
      const url = await paymentUrl(slug, orderId);
      await navigate(returnPath(slug, orderId), { replace: true });
      window.location.assign(url);
    } catch (e) {
      await navigate(orderPath(slug, orderId), { replace: true });
      Toast.show({ icon: 'fail', content: t('orders.payFailed', { reason: errorText(e, t) }) });
    }
  };

  /** 409 STOCK_SHORT / SKU_UNAVAILABLE: say which items, then back to the cart (or the product). */
  const refused = async (e: unknown, p: Preview) => {
    if (!(e instanceof ApiError) || e.status !== 409) return false;
    const title = (skuId: string) => {
      const line = p.breakdown.lines.find((l) => l.skuId === skuId);
      return line ? `${line.title}${line.specText ? ` (${line.specText})` : ''}` : skuId;
    };
    const details = (e.details ?? {}) as {
      lines?: { skuId: string; available: number }[];
      skuIds?: string[];
    };
    let content: string;
    if (e.code === 'STOCK_SHORT' && details.lines?.length) {
      content = details.lines
        .map((l) =>
          l.available > 0
            ? t('checkout.stockShort', { title: title(l.skuId), count: l.available })
            : t('checkout.soldOut', { title: title(l.skuId) }),
        )
        .join('\n');
    } else if (e.code === 'SKU_UNAVAILABLE' && details.skuIds?.length) {
      content = details.skuIds.map((id) => t('checkout.unavailable', { title: title(id) })).join('\n');
    } else return false;
    writeDraft(slug, { pending: undefined });
    await Dialog.alert({
      title: t('checkout.cannotPlace'),
      content: (
        <div className="checkout__refused" data-testid="checkout-refused">
          {content}
        </div>
      ),
      confirmText: buyNow ? t('app.back') : t('checkout.backToCart'),
    });
    void queryClient.invalidateQueries({ queryKey: cartKeys.cart(slug) });
    if (buyNow) navigate(-1);
    else navigate(shopPath(slug, 'cart'), { replace: true });
    return true;
  };

  const body = () => {
    if (addresses.isError) return <PageError error={addresses.error} onRetry={() => addresses.refetch()} />;
    if (preview.isError && !preview.data) return <PageError error={preview.error} onRetry={() => preview.refetch()} />;
    if (!preview.data) return <CheckoutSkeleton />;
    const p = preview.data;
    if (p.breakdown.lines.length === 0 && p.problems.length === 0)
      return (
        <FeedEmpty title={t('checkout.nothing')}>
          <Button color="primary" size="small" onClick={() => navigate(shopPath(slug, 'cart'), { replace: true })}>
            {t('checkout.backToCart')}
          </Button>
        </FeedEmpty>
      );
    const noAddress = delivery === 'express' && !p.address;
    const blocked = p.problems.length > 0 || noAddress || p.breakdown.lines.length === 0;
    return (
      <div className={`checkout${preview.isPlaceholderData ? ' checkout--stale' : ''}`} data-testid="checkout">
        {storeList.length > 0 && (
          <section className="shop-card">
            <Selector
              columns={2}
              showCheckMark={false}
              value={[delivery]}
              onChange={(v) => v[0] && update({ delivery: v[0] })}
              options={[
                { value: 'express' as const, label: t('checkout.express') },
                { value: 'pickup' as const, label: t('checkout.pickup') },
              ]}
              data-testid="delivery-method"
            />
          </section>
        )}
        {delivery === 'express' ? (
          <AddressSection address={p.address} hasBook={(addresses.data?.items.length ?? 0) > 0} />
        ) : (
          <section className="shop-card">
            <h2 className="section-title">{t('checkout.pickupStore')}</h2>
            <Radio.Group value={storeId} onChange={(v) => update({ storeId: String(v) })}>
              {storeList.map((s) => (
                <Radio key={s.id} value={s.id} className="checkout__store" block>
                  <div>{s.name}</div>
                  {s.address && <div className="shop-muted">{s.address}</div>}
                </Radio>
              ))}
            </Radio.Group>
          </section>
        )}
        <section className="shop-card checkout__lines" data-testid="checkout-lines">
          {p.breakdown.lines.map((l) => {
            const problem = p.problems.find((x) => x.skuId === l.skuId);
            return (
              <div key={l.skuId} className="checkout-line">
                <div className="checkout-line__main">
                  <div className="checkout-line__title">{l.title}</div>
                  {l.specText && <div className="shop-muted">{l.specText}</div>}
                  {problem && <div className="checkout-line__problem">{t('checkout.lineProblem')}</div>}
                </div>
                <div className="checkout-line__price">
                  <div>{formatFen(l.unitPrice)}</div>
                  <div className="shop-muted">×{l.quantity}</div>
                </div>
              </div>
            );
          })}
          {p.problems.length > 0 && (
            <p className="checkout__problems" role="alert">
              {t('checkout.problems')}
            </p>
          )}
        </section>
        <Breakdown breakdown={p.breakdown} delivery={delivery} />
        <section className="shop-card">
          <h2 className="section-title">{t('checkout.remark')}</h2>
          <TextArea
            value={draft.remark ?? ''}
            onChange={(v) => update({ remark: v })}
            maxLength={ORDER_LIMITS.remarkChars}
            showCount
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('checkout.remarkPlaceholder')}
            data-testid="checkout-remark"
          />
        </section>
        {submitError && (
          <div className="shop-error" role="alert" data-testid="checkout-error">
            {submitError}
          </div>
        )}
        <div className="submit-bar">
          <div className="submit-bar__total">
            {t('checkout.payable')}
            <strong data-testid="checkout-total">{formatFen(p.breakdown.total)}</strong>
          </div>
          <Button
            color="primary"
            shape="rounded"
            loading={submitting}
            disabled={blocked || preview.isFetching}
            onClick={() => submit(p)}
            data-testid="submit-order"
          >
            {submitError ? t('checkout.retrySubmit') : t('checkout.submit')}
          </Button>
        </div>
      </div>
    );
  };

  return (
    <Page title={t('checkout.title')} fallback={shopPath(slug, 'cart')}>
      {body()}
    </Page>
  );
}

function AddressSection({ address, hasBook }: { address: Preview['address']; hasBook: boolean }) {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const open = () => navigate(shopPath(slug, hasBook ? 'me/addresses?pick=1' : 'me/addresses/new?pick=1'));
  return (
    <List mode="card" className="checkout__address">
      <List.Item onClick={open} arrow data-testid="checkout-address">
        {address ? (
          <div>
            <div className="checkout__who">
              {address.name} <span className="shop-muted">{maskPhone(address.phone)}</span>
            </div>
            <div className="checkout__where">{fullAddress(address)}</div>
          </div>
        ) : (
          <div className="checkout__add-address">{t('checkout.addAddress')}</div>
        )}
      </List.Item>
    </List>
  );
}

/** 商品金额, each discount, 运费, 实付: the pipeline's answer, as it is. */
export function Breakdown({
  breakdown,
  delivery,
  adjustment = 0,
}: {
  breakdown: Pick<Preview['breakdown'], 'itemsTotal' | 'discounts' | 'shippingFee' | 'total'>;
  delivery: 'express' | 'pickup';
  adjustment?: number;
}) {
  const { t } = useTranslation();
  return (
    <section className="shop-card breakdown" data-testid="breakdown">
      <div className="breakdown__row">
        <span>{t('checkout.itemsTotal')}</span>
        <span>{formatFen(breakdown.itemsTotal)}</span>
      </div>
      {breakdown.discounts.map((d) => (
        <div key={`${d.source}-${d.label}`} className="breakdown__row breakdown__row--discount">
          <span>{d.label}</span>
          <span>{formatFen(d.amount)}</span>
        </div>
      ))}
      <div className="breakdown__row">
        <span>{t('checkout.shipping')}</span>
        <span>
          {delivery === 'pickup'
            ? t('checkout.pickupFree')
            : breakdown.shippingFee === 0
              ? t('checkout.freeShipping')
              : formatFen(breakdown.shippingFee)}
        </span>
      </div>
      {adjustment !== 0 && (
        <div className="breakdown__row">
          <span>{t('checkout.adjustment')}</span>
          <span>{formatFen(adjustment)}</span>
        </div>
      )}
      <div className="breakdown__row breakdown__row--total">
        <span>{t('checkout.total')}</span>
        <strong data-testid="breakdown-total">{formatFen(breakdown.total)}</strong>
      </div>
    </section>
  );
}

function CheckoutSkeleton() {
  return (
    <div aria-busy="true">
      {[2, 4, 3].map((n) => (
        <div key={n} className="shop-card">
          <Skeleton.Paragraph lineCount={n} animated />
        </div>
      ))}
    </div>
  );
}
